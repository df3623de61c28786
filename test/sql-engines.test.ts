import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { Session } from 'chdb';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/temp.js';

/**
 * The exported price rules, run by two real engines in-process (DuckDB; ClickHouse as chdb) over the rows
 * `analyze --emit` wrote, give analyze's own totals per model and per day: tiers, windows, dated prices,
 * batch (with and without a batch price), cache writes, web searches, per-request fees, audio.
 */
const LOGS = [
  'fixtures/logs/sql-cases.jsonl',
  'fixtures/logs/openai-chat.jsonl',
  'fixtures/logs/deepseek.jsonl',
  'fixtures/logs/openai-batch.jsonl',
  'fixtures/logs/anthropic-batch.jsonl',
  'fixtures/logs/gemini.jsonl',
  'fixtures/logs/claude-code',
];

interface Totals {
  input: number;
  cacheRead: number;
  cacheWrite: number;
  output: number;
  cost: number;
}
type ByKey = Map<string, Totals>;

let dir = '';
const want: { model: ByKey; day: ByKey } = { model: new Map(), day: new Map() };

async function analyzeBy(by: string): Promise<ByKey> {
  const r = await runCli(['analyze', ...LOGS, '--by', by, '--cost-source', 'calculate', '--json']);
  expect(r.code, r.stderr).toBe(0);
  const out: ByKey = new Map();
  for (const g of JSON.parse(r.stdout).groups as Record<string, unknown>[]) {
    if (g.calculatedCost === null) continue; // unpriced: the SQL join leaves it out too
    out.set(String(g[by]), {
      input: g.input as number,
      cacheRead: g.cacheRead as number,
      cacheWrite: g.cacheWrite as number,
      output: g.output as number,
      cost: g.calculatedCost as number,
    });
  }
  return out;
}

/** Tokens of every row (analyze's groups count unpriced tokens too), dollars of the priced view. */
const QUERY = (key: string) => `WITH t AS (
  SELECT ${key} AS k, SUM(input) AS input, SUM(cache_read) AS cache_read,
    SUM(cache_write_5m + cache_write_1h) AS cache_write, SUM(output) AS output
  FROM llmcost_usage GROUP BY 1
), c AS (SELECT ${key} AS k, SUM(llmcost_cost) AS cost FROM llmcost_priced GROUP BY 1)
SELECT t.k AS k, t.input AS input, t.cache_read AS cache_read, t.cache_write AS cache_write,
  t.output AS output, c.cost AS cost
FROM t JOIN c ON t.k = c.k OR (t.k IS NULL AND c.k IS NULL) ORDER BY 1`;

/** Every priced row of the usage matches exactly one price row: none lost, none counted twice. */
const MATCHES = `SELECT (SELECT COUNT(*) FROM llmcost_priced) AS priced,
  (SELECT COUNT(*) FROM llmcost_usage WHERE model_id IS NOT NULL) AS usage`;

function expectSame(got: ByKey, expected: ByKey): void {
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [k, w] of expected) {
    const g = got.get(k)!;
    expect({ ...g, cost: 0 }, k).toEqual({ ...w, cost: 0 });
    expect(
      Math.abs(g.cost - w.cost) / Math.max(w.cost, 1e-12),
      `${k}: ${g.cost} vs ${w.cost}`,
    ).toBeLessThan(1e-9);
  }
}

const statements = (sql: string) =>
  sql
    .split(/;\n/)
    .map((s) => s.replace(/^(--[^\n]*\n)+/, '').trim())
    .filter(Boolean);

beforeAll(async () => {
  dir = tempDir('llmcost-sql');
  for (const file of ['usage.parquet', 'usage.csv']) {
    const r = await runCli([
      'analyze',
      ...LOGS,
      '--emit',
      join(dir, file),
      '--cost-source',
      'calculate',
    ]);
    expect(r.code, r.stderr).toBe(0);
  }
  for (const d of ['duckdb', 'clickhouse']) {
    const r = await runCli(['prices', 'export', '--dialect', d, '-o', join(dir, `${d}.sql`)]);
    expect(r.code, r.stderr).toBe(0);
  }
  want.model = await analyzeBy('model');
  want.day = await analyzeBy('day');
}, 60_000);

async function duck(usage: string): Promise<{ model: ByKey; day: ByKey }> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    await c.run(`CREATE VIEW llmcost_usage AS SELECT * FROM ${usage}`);
    await c.run(readFileSync(join(dir, 'duckdb.sql'), 'utf8'));
    const read = async (key: string) => {
      const rows = (await c.runAndReadAll(QUERY(key))).getRowObjectsJS();
      return new Map(
        rows.map((r) => [
          // analyze calls the day of a record without a time "unknown"
          r.k === null
            ? 'unknown'
            : String(r.k instanceof Date ? r.k.toISOString().slice(0, 10) : r.k),
          {
            input: Number(r.input),
            cacheRead: Number(r.cache_read),
            cacheWrite: Number(r.cache_write),
            output: Number(r.output),
            cost: Number(r.cost),
          },
        ]),
      );
    };
    const [m] = (await c.runAndReadAll(MATCHES)).getRowObjectsJS();
    expect(Number(m!.priced)).toBe(Number(m!.usage));
    return { model: await read('model_id'), day: await read('CAST(ts AS DATE)') };
  } finally {
    c.closeSync();
  }
}

describe('the price rules in DuckDB', () => {
  it('price the emitted Parquet as analyze does, per model and per day', async () => {
    const got = await duck(`'${join(dir, 'usage.parquet')}'`);
    expectSame(got.model, want.model);
    expectSame(got.day, want.day);
  });

  it('price the emitted CSV the same', async () => {
    const got = await duck(
      `read_csv('${join(dir, 'usage.csv')}', header = true, types = {'ts': 'TIMESTAMP'})`,
    );
    expectSame(got.model, want.model);
    expectSame(got.day, want.day);
  });
});

describe('the price rules in ClickHouse (chdb)', () => {
  it('price the emitted Parquet as analyze does, per model and per day', () => {
    const s = new Session(join(dir, 'clickhouse'));
    try {
      s.query(
        `CREATE VIEW llmcost_usage AS SELECT * FROM file('${join(dir, 'usage.parquet')}', Parquet)`,
      );
      for (const st of statements(readFileSync(join(dir, 'clickhouse.sql'), 'utf8'))) s.query(st);
      const read = (key: string): ByKey =>
        new Map(
          s
            .query(QUERY(key), 'JSONEachRow')
            .trim()
            .split('\n')
            .map((l) => JSON.parse(l) as Record<string, string | number | null>)
            .map((r) => [
              r.k === null ? 'unknown' : String(r.k),
              {
                input: Number(r.input),
                cacheRead: Number(r.cache_read),
                cacheWrite: Number(r.cache_write),
                output: Number(r.output),
                cost: Number(r.cost),
              },
            ]),
        );
      const m = JSON.parse(s.query(MATCHES, 'JSONEachRow')) as Record<string, string>;
      expect(Number(m.priced)).toBe(Number(m.usage));
      expectSame(read('model_id'), want.model);
      expectSame(read("toDate(ts, 'UTC')"), want.day);
    } finally {
      s.cleanup();
    }
  });
});
