import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportSql } from '../../src/app/prices-export.js';
import { SQL_DIALECTS } from '../../src/app/sql-dialects.js';
import { PriceBook } from '../../src/core/price-book.js';
import { rateRows } from '../../src/core/rate-rows.js';
import { loadPriceBook } from '../../src/pricing/catalog.js';

const catalog = loadPriceBook([]);
/** A tier (Gemini), dated prices with a daily window (DeepSeek), a batch price and a price cut (GPT-4o). */
const small = new PriceBook(
  ['gemini-2.5-pro', 'deepseek-chat', 'gpt-4o'].map((id) => catalog.byId(id)!),
);

describe('prices export --format sql', () => {
  // DuckDB and ClickHouse run the script in test/sql-engines.test.ts; PostgreSQL and BigQuery are held to
  // these files, generated from the same definition (UPDATE_EXPECTED=1 rewrites them after a deliberate change).
  for (const d of SQL_DIALECTS)
    it(`writes the ${d} script as reviewed`, () => {
      const file = new URL(`./expected/prices-${d}.sql`, import.meta.url);
      const sql = exportSql(small, d, '2026-09-23');
      if (process.env.UPDATE_EXPECTED === '1') writeFileSync(file, sql);
      expect(existsSync(file), 'run with UPDATE_EXPECTED=1 once').toBe(true);
      expect(sql).toBe(readFileSync(file, 'utf8'));
    });

  it('escapes quotes (and, where they escape, backslashes) in names', () => {
    const odd = { ...catalog.byId('gpt-4o')!, id: "o'brien\\x", aliases: [] };
    const book = new PriceBook([odd]);
    expect(exportSql(book, 'postgres', 'd')).toContain("'o''brien\\x'");
    expect(exportSql(book, 'clickhouse', 'd')).toContain("'o\\'brien\\\\x'");
    expect(exportSql(book, 'bigquery', 'd')).toContain("'o\\'brien\\\\x'");
  });
});

describe('rate rows', () => {
  it('cover every minute of the day and every prompt size exactly once per period and batch', () => {
    for (const r of catalog.records) {
      const rows = rateRows(r);
      for (const key of new Set(rows.map((x) => `${x.valid_from}|${x.batch}`))) {
        const mine = rows.filter((x) => `${x.valid_from}|${x.batch}` === key);
        for (const [prompt, minute] of [
          [0, -1],
          [1000, 0],
          [150_000, 1000],
          [250_000, 1439],
          [2_000_000, 600],
        ] as const) {
          const hits = mine.filter(
            (x) =>
              prompt > x.prompt_above &&
              (x.prompt_upto === null || prompt <= x.prompt_upto) &&
              minute >= x.minute_from &&
              minute < x.minute_to,
          );
          expect(hits.length, `${r.id} ${key} ${prompt} ${minute}`).toBe(1);
        }
      }
    }
  });
});
