import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeApi, type FakeApi } from '../helpers/fake-llm-api.js';
import { tempDir } from '../helpers/temp.js';

/**
 * The packed tarball, installed by name into a project of its own: imported (ESM and CommonJS), type-checked,
 * and the README's library examples run against it, with the real SDKs pointed at a local server.
 * Needs the build (`npm test` builds first).
 */
const run = promisify(execFile);
const ROOT = resolve(import.meta.dirname, '../..');
let project: string;
let api: FakeApi;

async function node(file: string, env: Record<string, string> = {}) {
  try {
    const r = await run(process.execPath, [file], {
      cwd: project,
      env: { ...process.env, ...env, NO_COLOR: '1' },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  project = tempDir('consumer');
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', project], { cwd: ROOT });
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'))!;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({ name: 'consumer', private: true, type: 'module' }),
  );
  await run(
    'npm',
    ['install', `./${tarball}`, '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    { cwd: project },
  );
  // The SDKs are optional peers: the consumer brings its own (here, the project's dev dependencies).
  mkdirSync(join(project, 'node_modules/@anthropic-ai'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules/openai'), join(project, 'node_modules/openai'));
  symlinkSync(
    join(ROOT, 'node_modules/@anthropic-ai/sdk'),
    join(project, 'node_modules/@anthropic-ai/sdk'),
  );
  api = await startFakeApi();
}, 180_000);
afterAll(() => api?.close());

describe('the packed package', () => {
  it('imports by name with import and require, and loads no rank table until a count', async () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const read = fs.readFileSync;
const tables = [];
fs.readFileSync = (p, ...a) => (String(p).includes('tables') && tables.push(String(p)), read(p, ...a));
syncBuiltinESMExports();
const l = await import('llmcost');
l.priceUsage('gpt-4o', { input: 1000, output: 100 });
l.normalizeUsage({ type: 'message', model: 'claude-haiku-4-5', usage: { input_tokens: 1, output_tokens: 1 } });
const before = tables.length;
const n = l.countTokens('hello world').tokens;
console.log(JSON.stringify({ before, after: tables.length, n, exports: Object.keys(l).length }));
`,
    );
    const esm = await node('esm.mjs');
    expect(esm.stderr).toBe('');
    expect(JSON.parse(esm.stdout)).toEqual({
      before: 0,
      after: 1,
      n: 2,
      exports: expect.any(Number),
    });
    writeFileSync(
      join(project, 'cjs.cjs'),
      `const { priceUsage, countTokens, createTracker, UnknownModelError } = require('llmcost');
const cost = priceUsage('gpt-4o', { input: 1e6, output: 0 }, { date: '2026-11-30' }).cost.total;
let code;
try { priceUsage('no-such-model', { input: 1 }); } catch (e) { code = e instanceof UnknownModelError && e.code; }
console.log(JSON.stringify({ cost, tokens: countTokens('hello world').tokens, code, tracker: typeof createTracker().record }));
`,
    );
    const cjs = await node('cjs.cjs');
    expect(cjs.code, cjs.stderr).toBe(0);
    expect(JSON.parse(cjs.stdout)).toEqual({
      cost: 2.5,
      tokens: 2,
      code: 'UNKNOWN_MODEL',
      tracker: 'function',
    });
  });

  it('type-checks a consumer against its declarations', async () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { createTracker, priceUsage, UnknownModelError, type CheckResult, type PricedUsage } from 'llmcost';
const p: PricedUsage = priceUsage('gpt-4o', { input: 1 });
const t = createTracker({ budgets: ['10/week', { amount: 5, per: 'day', warnAt: 0.9 }] });
const c: CheckResult = t.check({ model: 'gpt-4o', inputTokens: 10 });
const total: number = p.cost.total + c.worstCase;
// @ts-expect-error a misspelt bucket is a type error
priceUsage('gpt-4o', { inptu: 1 });
// @ts-expect-error budgets are per day, week or month
createTracker({ budgets: [{ amount: 1, per: 'year' }] });
export { total, UnknownModelError };
`,
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const r = await run(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--types',
        'node',
        '--typeRoots',
        join(ROOT, 'node_modules/@types'),
        'consumer.ts',
      ],
      { cwd: project },
    ).catch((e: { stdout: string }) => ({ stdout: e.stdout, failed: true }));
    expect(r.stdout).toBe('');
  });

  it("runs the README's library examples, and analyze reads the log they write", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Use as a library'),
      readme.indexOf('\n## ', readme.indexOf('## Use as a library') + 5),
    );
    const examples = [...section.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBe(4);
    const env = {
      OPENAI_BASE_URL: `${api.base}/v1`,
      OPENAI_API_KEY: 'test',
      ANTHROPIC_BASE_URL: api.base,
      ANTHROPIC_API_KEY: 'test',
      TZ: 'UTC',
    };
    for (const [i, code] of examples.entries()) {
      writeFileSync(join(project, `example-${i}.mjs`), code);
      const r = await node(`example-${i}.mjs`, env);
      expect(r.code, `example ${i}: ${r.stderr}`).toBe(0);
      expect(r.stderr, `example ${i}`).toBe('');
      expect(r.stdout, `example ${i}`).not.toBe('');
    }
    const bin = join(project, 'node_modules/llmcost/bin/llmcost.js');
    const analyzed = await run(
      process.execPath,
      [bin, 'analyze', 'llm-usage.jsonl', '--by', 'service', '--json', '--tz', 'UTC'],
      { cwd: project },
    );
    const doc = JSON.parse(analyzed.stdout);
    // Two calls through the SDK wrappers, two recorded by hand, each in its service.
    expect(doc.summary.records).toBe(4);
    expect(doc.groups.map((g: { service: string }) => g.service).sort()).toEqual([
      'batch-jobs',
      'support-bot',
    ]);
    expect(doc.summary.unpriced.tokens).toBe(0);
  });
});
