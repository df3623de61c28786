import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/** Logs that share no response between files (a shard is a file or a run of files, in this order). */
const FILES = [
  'fixtures/logs/openai-chat.jsonl',
  'fixtures/logs/bad.jsonl',
  'fixtures/logs/deepseek.jsonl',
  'fixtures/logs/claude-code',
  'fixtures/logs/gemini.jsonl',
  'fixtures/logs/app-log.jsonl',
  'fixtures/logs/llmcost-flat.jsonl',
  'fixtures/logs/sql-cases.jsonl',
  'fixtures/logs/openai-batch.jsonl',
];
const SHARDINGS: string[][][] = [
  FILES.map((f) => [f]),
  [FILES.slice(0, 4), FILES.slice(4)],
  [FILES.slice(0, 1), FILES.slice(1, 7), FILES.slice(7)],
  [FILES],
];
/** The groupings the README shows, with the options that keep more than sums. */
const BYS = [
  ['--by', 'model'],
  ['--by', 'day,model', '--top', '5'],
  ['--by', 'day'],
  ['--by', 'week'],
  ['--by', 'month'],
  ['--by', 'provider', '--reprice-as', 'gpt-4o-mini,claude-haiku-4-5'],
  ['--by', 'session'],
  ['--by', 'project,model'],
  ['--by', 'block'],
  ['--by', 'metadata.feature'],
  ['--by', 'feature,team'],
];

describe('analyze --partial / --merge', () => {
  for (const by of BYS)
    it(`merges shards into the single pass's report, byte for byte (${by.join(' ')})`, async () => {
      const one = await runCli(['analyze', ...FILES, ...by, '--json', '--threads', '1']);
      expect(one.code, one.stderr).toBe(0);
      for (const [s, shards] of SHARDINGS.entries()) {
        const dir = tempDir('llmcost-merge');
        const parts = shards.map((_, k) => join(dir, `part-${k}.json`));
        for (const [k, shard] of shards.entries()) {
          const r = await runCli([
            'analyze',
            ...shard,
            ...by,
            '--threads',
            '1',
            '--partial',
            parts[k]!,
          ]);
          expect(r.code, r.stderr).toBe(0);
          expect(r.stdout).toBe('');
        }
        const merged = await runCli(['analyze', '--merge', ...parts, '--json']);
        expect(merged.code, merged.stderr).toBe(0);
        expect(merged.stdout, `sharding ${s}`).toBe(one.stdout);
      }
    });

  it('renders every format from the merge as from the single pass', async () => {
    const dir = tempDir('llmcost-merge-fmt');
    const parts = [FILES.slice(0, 4), FILES.slice(4)].map((shard, k) => join(dir, `p${k}.json`));
    for (const [k, shard] of [FILES.slice(0, 4), FILES.slice(4)].entries())
      await runCli(['analyze', ...shard, '--by', 'day,model', '--partial', parts[k]!]);
    for (const f of ['table', 'csv', 'markdown', 'html']) {
      const one = await runCli([
        'analyze',
        ...FILES,
        '--by',
        'day,model',
        '--format',
        f,
        '--threads',
        '1',
      ]);
      const merged = await runCli(['analyze', '--merge', ...parts, '--format', f]);
      expect(merged.stdout, f).toBe(one.stdout);
      expect(merged.code).toBe(one.code);
    }
  });

  it('refuses partials of other options or another catalog, and files that are not partials', async () => {
    const dir = tempDir('llmcost-merge-bad');
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await runCli(['analyze', FILES[0]!, '--by', 'day', '--partial', a]);
    await runCli(['analyze', FILES[2]!, '--by', 'model', '--partial', b]);
    let r = await runCli(['analyze', '--merge', a, b]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.json was made with another set of options/);
    r = await runCli(['analyze', '--merge', a, '--by', 'model']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/made with --by \["day"\], not \["model"\]/);
    const doc = JSON.parse(readFileSync(b, 'utf8'));
    doc.options.by = ['day'];
    doc.catalog.date = '2020-01-01';
    writeFileSync(b, JSON.stringify(doc));
    r = await runCli(['analyze', '--merge', a, b]);
    expect(r.stderr).toMatch(/another price catalog/);
    r = await runCli(['analyze', '--merge', FILES[0]!]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*openai-chat\.jsonl: not JSON/);
    r = await runCli(['analyze', '--merge', 'fixtures/logs/openai-usage-api.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not an llmcost partial/);
  });
});

describe('analyze of partials without --merge', () => {
  it('says they are partials and names the fix, instead of "unrecognized record shape"', async () => {
    const file = join(tempDir('llmcost-partials-as-logs'), 'p.json');
    await runCli(['analyze', FILES[0]!, '--partial', file]);
    const r = await runCli(['analyze', file]);
    expect(r.stderr).toMatch(/1 an llmcost partial, not a log \(add --merge\)/);
  });
});

describe('analyze --merge with what needs records', () => {
  it('is refused in one line', async () => {
    const r = await runCli(['analyze', '--merge', 'x.json', '--emit', 'rows.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--merge reads partials, which hold sums, not records/);
  });
});

describe('analyze --merge of a damaged partial', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a partial damaged by hand, any shape
  type Doc = any;
  const cases: [string, (d: Doc) => void, RegExp][] = [
    ['no state', (d) => delete d.state, /damaged: state: /],
    ['groups not a list', (d) => (d.state.groups = {}), /damaged: state\.groups: /],
    ['a usage of text', (d) => (d.state.total.usage = 'lots'), /damaged: state\.total\.usage: /],
    ['a negative count', (d) => (d.state.total.records = -4), /damaged: state\.total\.records: /],
    [
      'half a token',
      (d) => (d.state.total.usage.input = 0.5),
      /damaged: state\.total\.usage\.input: /,
    ],
    [
      'more tokens than a double holds exactly',
      (d) => (d.state.groups[0][1].usage.output = 2 ** 60),
      /damaged: state\.groups\.0\.1\.usage\.output: /,
    ],
    ['no tally', (d) => delete d.tally, /damaged: tally: /],
    // Found by the damaged-files property test (seed 777): a day's keys emptied was an internal error.
    [
      "a day's keys emptied",
      (d) => (d.state.days[0][1].keys = []),
      /damaged: state\.days\.0\.1\.keys: /,
    ],
    [
      "a group's keys, one short of --by",
      (d) => d.state.groups[0][1].keys.pop(),
      /damaged: state\.groups\.0\.1\.keys: /,
    ],
    [
      "a group's keys other than its name",
      (d) => (d.state.groups[0][1].keys[0] = 'elsewhere'),
      /damaged: state\.groups\.0\.1\.keys: /,
    ],
    [
      'a day not a date',
      (d) => (d.state.days[0] = ['x', { ...d.state.days[0][1], keys: ['x'] }]),
      /damaged: state\.days\.0\.0: expected a day/,
    ],
    [
      'a price of a model unknown here',
      (d) => (d.state.total.buckets[0][1].price = 'nope|0|-1|-1|'),
      /prices a model this catalog lacks/,
    ],
  ];
  for (const [name, damage, message] of cases)
    it(`is one line and exit 2 (${name})`, async () => {
      const dir = tempDir('llmcost-merge-damaged');
      const file = join(dir, 'p.json');
      await runCli(['analyze', FILES[0]!, '--partial', file]);
      const doc = JSON.parse(readFileSync(file, 'utf8'));
      damage(doc);
      writeFileSync(file, JSON.stringify(doc));
      const r = await runCli(['analyze', '--merge', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/internal error/);
    });
});
