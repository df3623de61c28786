import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { loadEncoding } from '../tokenize/encoding.js';
import { TokenCounter } from '../tokenize/counter.js';
import { codeCorpus, proseCorpus } from './corpus.js';
import { line, medianRunMs, medianRunsMs, peakRssMb } from './timing.js';

const MB = 1024 * 1024;
const seconds = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e9;

function throughput(label: string, text: string, plain: Tiktoken, ours: () => TokenCounter): void {
  const mb = Buffer.byteLength(text) / MB;
  let t = process.hrtime.bigint();
  const expected = plain.encode(text, [], []).length;
  const plainRate = mb / seconds(t);
  const counter = ours();
  t = process.hrtime.bigint();
  const got = counter.count(text);
  const ourRate = mb / seconds(t);
  if (got !== expected)
    throw new Error(`${label}: llmcost counted ${got}, js-tiktoken ${expected}`);
  line(`${label}: js-tiktoken encode (${mb.toFixed(1)} MB)`, `${plainRate.toFixed(2)} MB/s`);
  line(
    `${label}: llmcost counter, identical count`,
    `${ourRate.toFixed(2)} MB/s`,
    label === 'prose' ? '>= 6 MB/s' : undefined,
    label === 'prose' ? ourRate >= 6 : undefined,
  );
  line(
    `${label}: speed-up`,
    `${(ourRate / plainRate).toFixed(2)}x`,
    label === 'prose' ? '>= 3.5x' : undefined,
    label === 'prose' ? ourRate / plainRate >= 3.5 : undefined,
  );
}

export async function benchCount(): Promise<void> {
  console.log('\n# count: o200k_base, single thread, in-process');
  let t = process.hrtime.bigint();
  const plain = new Tiktoken(o200k);
  line('js-tiktoken: new Tiktoken(o200k_base)', `${(seconds(t) * 1000).toFixed(0)} ms`);
  t = process.hrtime.bigint();
  const enc = await loadEncoding('o200k_base');
  line('llmcost: open the prebuilt o200k_base table', `${(seconds(t) * 1000).toFixed(0)} ms`);
  throughput('prose', proseCorpus(10 * MB), plain, () => new TokenCounter(enc));
  throughput('code', codeCorpus(10 * MB), plain, () => new TokenCounter(enc));

  console.log('\n# count: whole CLI');
  const dir = '.bench/count';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const prose = proseCorpus(12 * MB);
  writeFileSync(join(dir, 'one-kb.txt'), prose.slice(0, 1024));
  writeFileSync(join(dir, 'prose.txt'), prose.slice(0, 10 * MB));
  const cold = medianRunMs(['count', join(dir, 'one-kb.txt')], 10);
  line(
    'cold llmcost count of a 1 KB file (median)',
    `${cold.toFixed(0)} ms`,
    '<= 400 ms',
    cold <= 400,
  );
  for (const size of [6000, 12000, 50000]) {
    // Two halves in subfolders: the whole folder is one run's input, each half one of two processes'.
    const folder = join(dir, `files-${size}`);
    const halves = [join(folder, 'a'), join(folder, 'b')];
    for (const half of halves) mkdirSync(half, { recursive: true });
    for (let i = 0; i < 2000; i++)
      writeFileSync(
        join(halves[i < 1000 ? 0 : 1]!, `p${String(i).padStart(4, '0')}.md`),
        prose.slice(i * 5000, i * 5000 + size),
      );
    const [one, two, apart] = (await medianRunsMs(
      [
        [['count', folder, '--threads', '1']],
        [['count', folder, '--threads', '2']],
        halves.map((half) => ['count', half, '--threads', '1']),
      ],
      7,
    )) as [number, number, number];
    const mb = (2000 * size) / MB;
    line(
      `2,000 files of ${size / 1000} KB (${mb.toFixed(0)} MB), 1 thread`,
      `${one.toFixed(0)} ms`,
    );
    line(`2,000 files of ${size / 1000} KB, main thread + 1 worker`, `${two.toFixed(0)} ms`);
    line('  speed-up on 2 cores', `${(one / two).toFixed(2)}x`, '>= 1.6x', one / two >= 1.6);
    // What this machine's two cores give this work at best: no shared process, nothing serial between them.
    line('  two processes, 1,000 files each, at once', `${apart.toFixed(0)} ms`);
    line("  their speed-up: the machine's ceiling", `${(one / apart).toFixed(2)}x`);
  }
  const rssFile = peakRssMb(['count', join(dir, 'prose.txt')]);
  const rssDir = peakRssMb(['count', join(dir, 'files-50000')]);
  line('peak RSS, one 10 MB file', `${rssFile.toFixed(0)} MB`, '<= 300 MB', rssFile <= 300);
  line(
    'peak RSS, 2,000 files of 50 KB with a worker',
    `${rssDir.toFixed(0)} MB`,
    '<= 300 MB',
    rssDir <= 300,
  );
}
