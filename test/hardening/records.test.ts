// #12 classes 1, 2 and 6: one record never stops a run; impossible numbers are malformed; hostile sizes.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../src/readers/csv-records.js';
import { lineBatches } from '../../src/readers/lines.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const good = '{"model":"gpt-4o","input_tokens":100,"output_tokens":10}';
const lines = (...l: string[]) => l.join('\n') + '\n';
async function analyze(stdin: string, ...args: string[]) {
  const r = await runCli(['analyze', '-', '--json', ...args], { stdin });
  expect(r.stderr).not.toContain('internal error');
  return { ...r, doc: r.code === 0 || r.code === 1 ? JSON.parse(r.stdout) : undefined };
}

describe('class 1: one record never stops the run', () => {
  it.each([
    [
      'a model named after Object.prototype',
      '{"model":"__proto__/anthropic.claude-3-haiku-20240307-v1:0","input_tokens":1,"output_tokens":1}',
      // an unknown prefix, then a Bedrock id: priced as Bedrock's Claude 3 Haiku, nothing else
      'priced',
    ],
    ['a toString/ prefix', '{"model":"toString/x","input_tokens":1,"output_tokens":1}', 'unpriced'],
    [
      'a timestamp of 1e16',
      '{"model":"gpt-4o","input_tokens":1,"output_tokens":1,"timestamp":1e16}',
      'timestamp out of range',
    ],
    [
      'a tag nested 100,000 deep',
      `{"model":"gpt-4o","input_tokens":1,"output_tokens":1,"tags":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`,
      'tag value nested too deeply',
    ],
  ])('%s', async (_name, bad, outcome) => {
    const { code, doc } = await analyze(lines(good, bad, good));
    expect(code).toBe(0);
    expect(doc.summary.usage.input).toBeGreaterThanOrEqual(200);
    if (outcome === 'unpriced') expect(doc.summary.unpriced.tokens).toBe(2);
    else if (outcome === 'priced') expect(doc.summary.unpriced.tokens).toBe(0);
    else expect(doc.malformed).toEqual({ [outcome]: 1 });
  });

  it('keeps the rows before an unclosed CSV quote and reports the rest as malformed', async () => {
    const dir = tempDir('csv');
    const file = join(dir, 'q.csv');
    writeFileSync(file, 'model,prompt_tokens,completion_tokens\ngpt-4o,10,1\n"gpt-4o,1,1\n');
    const r = await runCli(['analyze', file, '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.usage.input).toBe(10);
    expect(Object.keys(doc.malformed)).toEqual(['invalid CSV: Quote Not Closed']);
  });

  it('bounds the reasons a report keeps: a reason carrying a value from the log cannot grow it without end', async () => {
    const lines = Array.from({ length: 1500 }, (_, i) =>
      JSON.stringify({ sessionID: 's', role: `r${i}`, id: `m${i}` }),
    );
    const { doc } = await analyze(`${good}\n${lines.join('\n')}\n`);
    const skipped: Record<string, number> = doc.skipped;
    expect(Object.keys(skipped)).toHaveLength(1001); // 1,000 named, then the rest together
    expect(skipped['other reasons (past 1,000 kinds)']).toBe(500);
    expect(Object.values(skipped).reduce((a, b) => a + b, 0)).toBe(1500);
    const text = await runCli(['analyze', '-'], { stdin: lines.join('\n') });
    const line = text.stdout.split('\n').find((l) => l.startsWith('skipped (not usage):'))!;
    expect(line.length).toBeLessThan(400);
    expect(line).toContain('and 995 more kinds (--json lists them)');
  });

  it('numbers CSV records by the line they end on, whatever the chunking', async () => {
    const text =
      'model,prompt_tokens,note\n\ngpt-4o,1,"two\nlines"\ngpt-4o,2,\n\n\ngpt-4o,3,"a ""q"""\ngpt-4o,4,x';
    for (const size of [1, 3, 7, 4096]) {
      const chunks = async function* () {
        for (let at = 0; at < text.length; at += size) yield Buffer.from(text.slice(at, at + size));
      };
      const got = [];
      for await (const row of csvRows(chunks())) got.push('record' in row ? row.line : row.error);
      expect(got, `chunks of ${size}`).toEqual([4, 5, 8, 9]);
    }
  });

  it('stops holding a CSV record past the record limit (an unclosed quote would hold the whole file)', async () => {
    const chunks = async function* () {
      yield Buffer.from('model,prompt_tokens\ngpt-4o,10\n"gpt-4o');
      // 64 KB pieces for as long as the reader takes them: it must give up after the limit.
      for (let i = 0; i < 1000; i++) yield Buffer.alloc(64 * 1024, 120);
    };
    const rows = [];
    for await (const row of csvRows(chunks(), 256 * 1024)) rows.push(row);
    expect(rows).toEqual([
      { record: { model: 'gpt-4o', prompt_tokens: '10' }, line: 2 },
      { error: 'invalid CSV: record longer than 262144 bytes (an unclosed quote?)', line: 3 },
    ]);
  });

  it('reads CSV rows whatever line ending each has (a CRLF header over LF rows was one record)', async () => {
    const csv =
      'model,prompt_tokens,completion_tokens\r\ngpt-4o,10,1\ngpt-4o,20,2\r\ngpt-4o,30,3\n';
    const rows = [];
    for await (const row of csvRows(
      (async function* () {
        yield Buffer.from(csv);
      })(),
    ))
      rows.push(row);
    expect(rows.map((r) => ('record' in r ? r.record.prompt_tokens : r.error))).toEqual([
      '10',
      '20',
      '30',
    ]);
  });

  it('reads a CSV cell holding JSON as the object it holds, and a cell that only looks like it as text', async () => {
    const csv = [
      'model,usage,note',
      'gpt-4o,"{""prompt_tokens"":1000,""completion_tokens"":50,""prompt_tokens_details"":{""cached_tokens"":400}}","[not json"',
      'gpt-4o,"{""prompt_tokens"":10,""__proto__"":{""polluted"":1}}",{}',
    ].join('\n');
    const rows = [];
    for await (const row of csvRows(
      (async function* () {
        yield Buffer.from(csv);
      })(),
    ))
      rows.push(row);
    expect(rows[0]).toMatchObject({
      record: {
        usage: { prompt_tokens: 1000, prompt_tokens_details: { cached_tokens: 400 } },
        note: '[not json',
      },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { doc } = await analyze(csv, '--dialect', 'app-log');
    expect(doc.summary.usage).toMatchObject({ input: 600 + 10, cacheRead: 400, output: 50 });
  });

  it('reads --by constructor as a field no record has, not as Object.prototype.constructor', async () => {
    const r = await runCli(['analyze', '-', '--by', 'constructor'], { stdin: lines(good) });
    expect(r.stdout).not.toContain('native code');
    expect(r.stdout).toContain('(none)');
    const tagged = await analyze(
      lines('{"model":"gpt-4o","input_tokens":1,"output_tokens":1,"tags":{"constructor":"x"}}'),
      '--by',
      'constructor',
    );
    expect(tagged.doc.groups[0].constructor).toBe('x');
  });

  it('compares a prompt file named constructor with its baseline', async () => {
    const dir = tempDir('base');
    writeFileSync(join(dir, 'constructor'), 'hello world');
    const base = join(dir, 'base.json');
    expect(
      (await runCli(['count', 'constructor', '--save-baseline', base], { cwd: dir })).code,
    ).toBe(0);
    const r = await runCli(['count', 'constructor', '--baseline', base, '--max-growth', '10%'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout + r.stderr).not.toContain('NaN');
  });

  it('treats __proto__ and toString as ordinary ids in --pricing files', async () => {
    const dir = tempDir('pricing');
    const file = join(dir, 'p.yaml');
    writeFileSync(file, 'models:\n  - id: toString\n    input: 1\n    output: 2\n');
    const r = await runCli(['analyze', '-', '--pricing', file, '--json'], {
      stdin: lines('{"model":"toString","input_tokens":1000000,"output_tokens":0}'),
    });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).summary.cost).toBeCloseTo(1, 9);
    writeFileSync(file, 'models:\n  - id: __proto__\n    input: 1\n    output: 2\n');
    const proto = await runCli(['compare', '--input', '1', '--output', '1', '--pricing', file]);
    expect(proto.stderr).not.toContain('internal error');
  });
});

describe('class 2: impossible numbers are malformed, with the field named', () => {
  it.each([
    ['-5', 'invalid input_tokens (negative)'],
    ['1e400', 'invalid input_tokens (not finite)'],
    ['1.5', 'invalid input_tokens (not a whole number)'],
    ['1e308', 'invalid input_tokens (too large)'],
    ['9007199254740993', 'invalid input_tokens (too large)'],
    ['"9007199254740993"', 'invalid input_tokens (too large)'],
    ['"1e400"', 'invalid input_tokens (not finite)'],
    ['"-5"', 'invalid input_tokens (negative)'],
    ['"1.5"', 'invalid input_tokens (not a whole number)'],
    ['"  "', 'invalid input_tokens (not a number)'],
    ['"0x10"', 'invalid input_tokens (not a number)'],
    ['"x"', 'invalid input_tokens (not a number)'],
    ['true', 'invalid input_tokens (boolean)'],
    ['{}', 'invalid input_tokens (an object)'],
    ['[1]', 'invalid input_tokens (an array)'],
  ])('input_tokens %s', async (value, reason) => {
    const bad = `{"model":"gpt-4o","input_tokens":${value},"output_tokens":1}`;
    const { doc } = await analyze(lines(good, bad));
    expect(doc.malformed).toEqual({ [reason]: 1 });
    expect(doc.summary.usage.input).toBe(100);
  });

  it('accepts counts written as whole numbers in text, as CSV and OTLP write them', async () => {
    const { doc } = await analyze(
      lines('{"model":"gpt-4o","input_tokens":"1,200","output_tokens":"3.0"}'),
    );
    expect(doc.summary.usage).toMatchObject({ input: 1200, output: 3 });
  });

  it.each([
    [
      [
        'estimate',
        '--model',
        'gpt-4o',
        '-i',
        '500',
        '-o',
        '300',
        '-n',
        '1000',
        '--growth',
        '1e308',
      ],
      '--growth',
    ],
    [['analyze', 'fixtures/logs/openai-chat.jsonl', '--until', '2025-02-30'], '--until'],
    [
      [
        'analyze',
        'fixtures/logs/openai-chat.jsonl',
        '--since',
        '2025-10-05',
        '--until',
        '2025-10-01',
      ],
      '--since 2025-10-05 is after --until',
    ],
  ])('%j exits 2 naming %s', async (args, named) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(named);
    expect(r.stdout).toBe('');
  });

  it.each([
    ['growth', '1e308', 'growth: must be at most 1000% a month'],
    ['input', '1e400', 'input: '],
    ['requests', '1e300', 'requests: must be at most'],
  ])('a scenario with %s: %s exits 2 with the path', async (key, value, message) => {
    const dir = tempDir('scenario');
    const base = { model: 'gpt-4o', requests: '1000', input: '500', output: '300' };
    const yaml = Object.entries({ ...base, [key]: value }).map(([k, v]) => `${k}: ${v}`);
    writeFileSync(join(dir, 's.yaml'), yaml.join('\n') + '\n');
    const r = await runCli(['estimate', 's.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it.each([
    ['by: {a: 1}', 'analyze.by: expected a value, got object'],
    ['top: [1, 2]', 'analyze.top: expected one value, not a list'],
    ['strict: "yes"', 'analyze.strict: expected true or false'],
  ])('config %s is a dotted-path error', async (line, message) => {
    const dir = tempDir('config');
    writeFileSync(join(dir, 'llmcost.config.yaml'), `analyze:\n  ${line}\n`);
    const r = await runCli(['analyze', '-'], { cwd: dir, stdin: lines(good) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('class 6: bounded cost on hostile sizes', () => {
  it('caps --top at 1000: each listed request is held, and a list of a million was quadratic', async () => {
    const r = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--top', '1000000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected a whole number from 1 to 1000');
    const ok = await runCli([
      'analyze',
      'fixtures/logs/openai-chat.jsonl',
      '--top',
      '1000',
      '--json',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).top.length).toBeGreaterThan(0);
  });

  it('caps --threads at the cores the machine has', async () => {
    const { doc } = await analyze(lines(good), '--threads', '128');
    expect(doc.threads).toBeLessThanOrEqual(2);
  });

  it('names ten unknown models and says how many more, with all of them in JSON', async () => {
    const many = Array.from(
      { length: 2000 },
      (_, i) => `{"model":"m-${i}","input_tokens":1,"output_tokens":1}`,
    );
    const r = await runCli(['analyze', '-'], { stdin: lines(...many) });
    expect(r.stdout).toMatch(/from m-0, .* and 1,990 more/);
    const { doc } = await analyze(lines(...many));
    expect(doc.summary.unpriced.models).toHaveLength(2000);
  });

  it('joins a line split across many chunks once, and reports a line past the limit without holding it', async () => {
    async function* chunks(): AsyncGenerator<Buffer> {
      yield Buffer.from('{"a":1}\n');
      for (let i = 0; i < 5000; i++) yield Buffer.from('x'.repeat(1000)); // one 5 MB line
      yield Buffer.from('\n{"b":2}\n{"c":');
      yield Buffer.from('3}\n');
    }
    const got: { lines: string[]; tooLong?: number[] }[] = [];
    for await (const b of lineBatches(chunks(), 1_000_000)) got.push(b);
    expect(got.flatMap((b) => b.tooLong ?? [])).toEqual([2]);
    expect(got.flatMap((b) => b.lines)).toEqual(['{"a":1}', '{"b":2}', '{"c":3}']);
  });
});
