/**
 * `npm run bench -- beyond`: #15's figures on the 1 GB OpenAI-style log of the analyze bench: analyze
 * with --emit JSONL, CSV and Parquet against the same run without it (interleaved pairs), and --merge of
 * 16 partials.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeOpenAiLog } from './logs.js';
import { BIN, line, median } from './timing.js';

const MB = 1024 * 1024;
/** Rounds of (without, with) pairs per format. */
const ROUNDS = 3;

/**
 * Milliseconds a child process takes to write `bytes` bytes to `path` in 1 MiB writes and rename it in
 * place (as --emit puts its file), the file removed after: what the page cache alone costs on this machine.
 */
function writeLoopMs(path: string, bytes: number): number {
  const code = `const fs=require('node:fs');const b=Buffer.alloc(1<<20,97);const t=process.argv[1]+'.tmp';const fd=fs.openSync(t,'w');for(let w=0;w<${bytes};w+=b.length)fs.writeSync(fd,b,0,Math.min(b.length,${bytes}-w));fs.closeSync(fd);fs.renameSync(t,process.argv[1]);`;
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', code, path], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (r.status !== 0) throw new Error(`write loop: ${r.stderr}`);
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  rmSync(path, { force: true });
  return ms;
}

function timedMs(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`llmcost ${args.join(' ')}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function benchBeyond(): Promise<void> {
  console.log('\n# beyond one machine: --emit and --merge on the 1 GB log');
  const dir = '.bench/analyze';
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'openai-1gb.jsonl');
  if (!existsSync(log)) await writeOpenAiLog(log, 1024 * MB);
  const out = join(dir, 'emit');
  mkdirSync(out, { recursive: true });
  // The VM's speed drifts up to 40% within minutes: each --emit run is paired with a run without it
  // right before, three rounds interleaved, and the ratio is the median of the pairs'.
  const formats = [
    ['jsonl', 1.3],
    ['csv', 1.3],
    ['parquet', 2],
  ] as const;
  const ratios = formats.map(() => [] as number[]);
  const sizes = formats.map(() => 0);
  const floors = formats.map(() => [] as number[]);
  const plain: number[] = [];
  for (let round = 0; round < ROUNDS; round++)
    for (const [k, [format]] of formats.entries()) {
      const base = timedMs(['analyze', log, '--json']);
      plain.push(base);
      const file = join(out, `rows.${format}`);
      // Removed first: renaming over an existing file makes ext4 flush it (auto_da_alloc), a cost of its own.
      rmSync(file, { force: true });
      ratios[k]!.push(timedMs(['analyze', log, '--json', '--emit', file]) / base);
      sizes[k] = statSync(file).size;
      rmSync(file);
      // The floor under any encoder: the same bytes written by a bare loop, as a share of the run without.
      floors[k]!.push(writeLoopMs(file, sizes[k]!) / base);
    }
  line(
    `analyze ${(statSync(log).size / MB).toFixed(0)} MB, no --emit (median of ${plain.length})`,
    `${(median(plain) / 1000).toFixed(1)} s`,
  );
  for (const [k, [format, target]] of formats.entries()) {
    const r = ratios[k]!;
    const m = median([...r]);
    line(
      `  --emit ${format} (${(sizes[k]! / MB).toFixed(0)} MB; pairs ${Math.min(...r).toFixed(2)}-${Math.max(...r).toFixed(2)}x)`,
      `${m.toFixed(2)}x`,
      `<= ${target}x`,
      m <= target,
    );
    line(
      `    its bytes written by a bare loop (1 MiB writes), over the run without`,
      `+${((median([...floors[k]!]) * 100) | 0).toString()}%`,
    );
  }
  const shards = join(dir, 'shards');
  if (!existsSync(shards) || readdirSync(shards).length !== 16) {
    rmSync(shards, { recursive: true, force: true });
    mkdirSync(shards);
    spawnSync('split', ['-n', 'l/16', '-d', '--additional-suffix=.jsonl', log, join(shards, 's')]);
  }
  const parts = join(dir, 'partials');
  rmSync(parts, { recursive: true, force: true });
  mkdirSync(parts);
  for (const s of readdirSync(shards))
    timedMs([
      'analyze',
      join(shards, s),
      '--by',
      'day,model',
      '--partial',
      join(parts, `${s}.json`),
    ]);
  const files = readdirSync(parts).map((f) => join(parts, f));
  const merge = timedMs(['analyze', '--merge', ...files, '--json']);
  line(
    `--merge of ${files.length} partials (--by day,model)`,
    `${(merge / 1000).toFixed(2)} s`,
    '< 1 s',
    merge < 1000,
  );
}
