import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { line, median, wallMs } from './timing.js';

const LIB = new URL('../pkg/index.js', import.meta.url).href;

/** A probe that imports the library with readFileSync watched, uses it, and says which tables it read. */
const PROBE = `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const read = fs.readFileSync; let tables = 0;
fs.readFileSync = (p, ...a) => (String(p).includes('tables') && tables++, read(p, ...a));
syncBuiltinESMExports();
const l = await import('${LIB}');
const t = l.createTracker({ timeZone: 'UTC' });
t.record({ object: 'chat.completion', model: 'gpt-4o', choices: [], usage: { prompt_tokens: 10, completion_tokens: 2 } });
l.priceUsage('claude-sonnet-4-5', { input: 1 }); l.compareModels({ input: 1, output: 1 });
const before = tables; l.countTokens('hello');
console.log(before + ' ' + tables);`;

export async function benchLibrary(): Promise<void> {
  console.log("\n# library: import('llmcost'), tracker.record");
  const dir = mkdtempSync(join(tmpdir(), 'llmcost-bench-lib-'));
  try {
    const importer = join(dir, 'import.mjs');
    writeFileSync(importer, `await import('${LIB}');\n`);
    // Interleaved, so a slow spell of the machine hits both alike.
    const bare: number[] = [];
    const lib: number[] = [];
    for (let i = 0; i <= 30; i++) {
      const b = wallMs(['-e', '0']);
      const l = wallMs([importer]);
      if (i === 0) continue; // warm-up
      bare.push(b);
      lib.push(l);
    }
    const over = median(lib) - median(bare);
    line('node -e 0 (median of 30)', `${median(bare).toFixed(0)} ms`);
    line("node: await import('llmcost') (median)", `${median(lib).toFixed(0)} ms`);
    line('  import cost over bare node', `${over.toFixed(0)} ms`, '<= 40 ms', over <= 40);

    const probe = join(dir, 'probe.mjs');
    writeFileSync(probe, PROBE);
    const out = spawnSync(process.execPath, [probe], { encoding: 'utf8' }).stdout.trim();
    const [before, after] = out.split(' ').map(Number);
    line(
      'rank tables read before / after a count',
      `${before} / ${after}`,
      '0 before',
      before === 0 && after === 1,
    );
    await benchRecord(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** tracker.record per call over 100,000 calls, logging to a file, beside a JSON round trip of the same object. */
async function benchRecord(dir: string): Promise<void> {
  const { createTracker } = (await import(LIB)) as typeof import('../lib/index.js');
  const N = 100_000;
  const response = (i: number) => ({
    id: `chatcmpl-${i}`,
    object: 'chat.completion',
    created: 1764500000,
    model: i % 3 ? 'gpt-4o-mini-2024-07-18' : 'claude-sonnet-4-5',
    choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }],
    usage: {
      prompt_tokens: 1200 + (i % 500),
      completion_tokens: 300,
      prompt_tokens_details: { cached_tokens: 1024 },
    },
  });
  const responses = Array.from({ length: N }, (_, i) => response(i));
  const tracker = createTracker({
    log: join(dir, 'usage.jsonl'),
    timeZone: 'UTC',
    budgets: ['100/day', '500/week'],
  });
  const tags = { feature: 'search' };
  const t0 = performance.now();
  for (const r of responses) tracker.record(r, { tags });
  const recordMs = performance.now() - t0;
  await tracker.close();
  const t1 = performance.now();
  let n = 0;
  for (const r of responses)
    n += (JSON.parse(JSON.stringify(r)) as { usage: object }).usage ? 1 : 0;
  const jsonMs = performance.now() - t1;
  const us = (recordMs * 1000) / N;
  line('tracker.record, 100,000 calls, logged (mean)', `${us.toFixed(2)} µs`, '<= 20 µs', us <= 20);
  line('  JSON.stringify+parse of the same objects', `${((jsonMs * 1000) / n).toFixed(2)} µs`);
}
