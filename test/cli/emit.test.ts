import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMIT_COLUMNS } from '../../src/app/emit-schema.js';
import { writeOpenAiLog } from '../../src/bench/logs.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const LOGS = [
  'fixtures/logs/sql-cases.jsonl',
  'fixtures/logs/claude-code',
  'fixtures/logs/openai-chat.jsonl',
];

describe('analyze --emit', () => {
  it('writes one row per counted request, priced as the report prices it, and still prints the report', async () => {
    const dir = tempDir('llmcost-emit');
    const file = join(dir, 'rows.jsonl');
    const r = await runCli(['analyze', ...LOGS, '--emit', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    const rows = readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(doc.summary.records);
    expect(Object.keys(rows[0])).toEqual(EMIT_COLUMNS.map((c) => c.name));
    expect(rows.every((x) => x.schema_version === 2)).toBe(true);
    const sum = (k: string) => rows.reduce((n, x) => n + (x[k] ?? 0), 0);
    expect(sum('input')).toBe(doc.summary.usage.input);
    expect(sum('output')).toBe(doc.summary.usage.output);
    expect(Math.abs(sum('cost') - doc.summary.cost)).toBeLessThan(1e-9);
    const tier = rows.find((x) => x.model === 'gemini-2.5-pro' && x.requests === 1);
    expect(tier).toMatchObject({
      model_id: 'gemini-2.5-pro',
      tier_threshold: 200000,
      dialect: 'llmcost',
    });
    const window = rows.find((x) => x.ts === '2025-03-10T17:00:00.000Z');
    expect(window.time_window).toMatch(/^16:30-00:30$/);
    const unpriced = rows.find((x) => x.model === 'my-finetune-v3');
    expect(unpriced).toMatchObject({ model_id: null, calculated_cost: null, cost: null });
    expect(
      JSON.parse(JSON.stringify(rows.find((x) => x.dialect === 'claude-code').tags)),
    ).toHaveProperty('session');
    expect(readdirSync(dir)).toEqual(['rows.jsonl']); // no temporary file left
  });

  it('streams JSON lines to stdout with --emit -, and nothing else', async () => {
    const r = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--emit', '-']);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const l of lines) expect(JSON.parse(l)).toHaveProperty('model');
  });

  it('with --emit -, reads no further while stdout has not drained (a slow reader)', async () => {
    const log = join(tempDir('llmcost-emit-slow'), 'big.jsonl');
    await writeOpenAiLog(log, 6 * 1024 * 1024);
    let waiting = false;
    let waits = 0;
    let writesWhileWaiting = 0;
    let out = 0;
    const r = await runCli(['analyze', log, '--emit', '-', '--threads', '1'], {
      onStdout: () => {
        if (waiting) writesWhileWaiting++;
      },
      stdoutDrained: () => {
        waits++;
        waiting = true;
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            waiting = false;
            resolve();
          }, 2),
        );
      },
    });
    for (const l of r.stdout.split('\n')) if (l) out++;
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(log, 'utf8').trim().split('\n').length;
    expect(out).toBe(lines);
    expect(waits).toBeGreaterThan(3);
    // Writes come between waits, never while one is pending: the reading waited each time.
    expect(writesWhileWaiting).toBe(0);
  });

  it('writes CSV with a header, quoting what needs it', async () => {
    const dir = tempDir('llmcost-emit-csv');
    const odd = join(dir, 'a, "b"');
    mkdirSync(odd);
    const log = join(odd, 'x.jsonl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(log, readFileSync('fixtures/logs/openai-chat.jsonl'));
    const out = join(dir, 'rows.csv');
    const r = await runCli(['analyze', log, '--emit', out], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const [head, first] = readFileSync(out, 'utf8').split('\n');
    expect(head).toBe(EMIT_COLUMNS.map((c) => c.name).join(','));
    expect(first).toContain('"a, ""b""/x.jsonl"');
  });

  it('says what is wrong in one line, exit 2, and leaves nothing behind', async () => {
    const dir = tempDir('llmcost-emit-bad');
    const cases = [
      [['--emit', join(dir, 'rows.txt')], /cannot tell the format/],
      [['--emit', '-', '--emit-format', 'parquet'], /Parquet needs a file/],
      [
        ['--emit', join(dir, 'missing', 'rows.csv')],
        /cannot write .*: no such file or folder \(ENOENT\)/,
      ],
      [['--emit-format', 'csv'], /--emit-format needs --emit/],
    ] as const;
    for (const [args, message] of cases) {
      const r = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    }
    expect(readdirSync(dir)).toEqual([]);
    mkdirSync(join(dir, 'rows.jsonl'));
    const r = await runCli([
      'analyze',
      'fixtures/logs/openai-chat.jsonl',
      '--emit',
      join(dir, 'rows.jsonl'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*rows\.jsonl: it is a folder \(EISDIR\)/);
    expect(readdirSync(dir)).toEqual(['rows.jsonl']); // the folder, and no temporary file beside it
  });
});

describe('analyze of rows it emitted', () => {
  // Every log fixture, and a tree with tags: the rows read back give the report the log gave.
  const sources = readdirSync('fixtures/logs')
    .filter((f) => /\.(jsonl|csv)$/.test(f) && f !== 'bad.jsonl')
    .map((f) => [join('fixtures/logs', f), 'day,model'])
    .concat([
      ['fixtures/logs/claude-code', 'session,model'],
      // Rows that sum many requests, tiered by the report's context window rather than their sums.
      ['fixtures/logs/anthropic-usage-report.json', 'day,model'],
      ['fixtures/logs/openai-usage-api.json', 'day,model'],
    ]);
  const report = (stdout: string) => {
    const j = JSON.parse(stdout);
    return { summary: j.summary, groups: j.groups, days: j.days };
  };
  it.each(sources)('%s: the same sums and costs, from JSONL and CSV', async (source, by) => {
    const dir = tempDir('llmcost-emit-read-back');
    for (const format of ['jsonl', 'csv']) {
      const rows = join(dir, `rows.${format}`);
      const first = await runCli(['analyze', source!, '--by', by!, '--emit', rows, '--json']);
      expect(first.code, first.stderr).toBe(0);
      const again = await runCli(['analyze', rows, '--by', by!, '--json']);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).not.toMatch(/malformed/);
      expect(report(again.stdout)).toEqual(report(first.stdout));
    }
  });

  it('refuses rows of another schema version, counting them, and reads the rest', async () => {
    const dir = tempDir('llmcost-emit-read-back');
    const rows = join(dir, 'rows.jsonl');
    await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--emit', rows]);
    const lines = readFileSync(rows, 'utf8').trim().split('\n');
    lines[0] = lines[0]!.replace('"schema_version":2', '"schema_version":3');
    // A row of schema 1 (before image_output) is read as one of 2.
    lines[1] = lines[1]!
      .replace('"schema_version":2', '"schema_version":1')
      .replace(/"(cost_)?image_output":[^,]*,/g, '');
    const r = await runCli(['analyze', '-', '--json'], { stdin: lines.join('\n') + '\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).records).toBe(lines.length - 1);
    expect(r.stderr).toMatch(/1 unsupported schema_version \(this llmcost reads 1 and 2\)/);
  });
});
