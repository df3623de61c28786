/**
 * `llmcost prices export`: the price rules where the logs are (core/rate-rows.ts). As SQL for one engine:
 * the rates table, a table of the model names the catalog knows, and the view `llmcost_priced` that prices
 * a table `llmcost_usage` (the columns `analyze --emit` writes) with analyze's rules. As CSV or Parquet:
 * the bare rates table.
 */
import { RATE_UNITS, rateRows, type RateRow } from '../core/rate-rows.js';
import type { PriceBook } from '../core/price-book.js';
import { BUCKETS, columnName } from '../core/buckets.js';
import type { Column, Row } from '../files/row-writers.js';
import { DIALECTS, type SqlDialect, type SqlType } from './sql-dialects.js';

const FIXED: { name: string; type: SqlType; nullable?: true }[] = [
  { name: 'model_id', type: 'text' },
  { name: 'provider', type: 'text' },
  { name: 'valid_from', type: 'date', nullable: true },
  { name: 'valid_to', type: 'date', nullable: true },
  { name: 'prompt_above', type: 'int' },
  { name: 'prompt_upto', type: 'int', nullable: true },
  { name: 'minute_from', type: 'int' },
  { name: 'minute_to', type: 'int' },
  { name: 'batch', type: 'bool' },
  { name: 'batch_fallback', type: 'bool' },
  { name: 'tier_threshold', type: 'int', nullable: true },
  { name: 'time_window', type: 'text', nullable: true },
];
const COLUMNS = [...FIXED, ...RATE_UNITS.map((u) => ({ name: u.column, type: 'double' as const }))];

const values = (r: RateRow): (string | number | boolean | null)[] => [
  r.model_id,
  r.provider,
  r.valid_from,
  r.valid_to,
  r.prompt_above,
  r.prompt_upto,
  r.minute_from,
  r.minute_to,
  r.batch,
  r.batch_fallback,
  r.tier_threshold,
  r.time_window,
  ...RATE_UNITS.map((u) => r.rates[u.unit]),
];

export function allRateRows(book: PriceBook): RateRow[] {
  return book.records.flatMap(rateRows);
}

/** The rates table as columns and rows for the row writers (CSV, Parquet). */
export function rateTable(book: PriceBook): { columns: Column[]; rows: Row[] } {
  const kinds: Record<SqlType, Column['type']> = {
    text: 'string',
    date: 'string',
    int: 'int',
    bool: 'bool',
    double: 'double',
  };
  return {
    columns: COLUMNS.map((c) => ({ name: c.name, type: kinds[c.type] })),
    rows: allRateRows(book).map(values),
  };
}

/** The usage columns the view reads (emit-schema.ts names them the same). */
const PROMPT = BUCKETS.filter((b) => b.prompt).map((b) => columnName(b.key));

function view(d: SqlDialect): string {
  const x = DIALECTS[d];
  const u = (c: string) => `COALESCE(u.${c}, 0)`;
  const dbl = x.types.double;
  const prompt = `CAST(${PROMPT.map(u).join(' + ')} AS ${dbl}) / GREATEST(${u('requests')}, 1)`;
  const tokens = RATE_UNITS.filter((r) => !r.perEvent)
    .map((r) => `${u(columnName(r.key))} * p.${r.column}`)
    .join('\n    + ');
  const events = RATE_UNITS.filter((r) => r.perEvent)
    .map((r) => `${u(columnName(r.key))} * p.${r.column}`)
    .join(' + ');
  const minute = `COALESCE(${x.minute('u.ts')}, -1)`;
  return x.createView(
    'llmcost_priced',
    `SELECT
  u.*,
  p.model_id AS llmcost_model_id,
  p.provider AS llmcost_provider,
  p.valid_from AS llmcost_price_from,
  p.tier_threshold AS llmcost_tier_threshold,
  p.time_window AS llmcost_time_window,
  p.batch_fallback AS llmcost_batch_fallback,
  (${tokens}) / 1000000.0
    + (${events}) / 1000.0 AS llmcost_cost
FROM llmcost_usage AS u
JOIN (
  -- A name the catalog knows (an id names itself) with its record's rows: one join with u, and no column
  -- name shared inside, so every engine keeps the columns' names as they are (ClickHouse qualifies them).
  SELECT n.llmcost_name, r.*
  FROM (SELECT name AS llmcost_name, model_id AS llmcost_named FROM llmcost_model_names) AS n
  JOIN llmcost_prices AS r ON r.model_id = n.llmcost_named
) AS p ON p.llmcost_name = u.model_id AND p.batch = COALESCE(u.batch, false)
WHERE ${prompt} > p.prompt_above
  AND (p.prompt_upto IS NULL OR ${prompt} <= p.prompt_upto)
  AND (
    (u.ts IS NULL AND p.valid_to IS NULL)
    OR (u.ts IS NOT NULL
      AND (p.valid_from IS NULL OR ${x.day('u.ts')} >= p.valid_from)
      AND (p.valid_to IS NULL OR ${x.day('u.ts')} < p.valid_to))
  )
  AND ${minute} >= p.minute_from
  AND ${minute} < p.minute_to`,
  );
}

function literal(d: SqlDialect, type: SqlType, v: string | number | boolean | null): string {
  if (v === null || (typeof v === 'number' && !Number.isFinite(v))) return 'NULL';
  if (type === 'text') return DIALECTS[d].str(v as string);
  if (type === 'date') return DIALECTS[d].date(v as string);
  if (type === 'bool') return v ? 'true' : 'false';
  return String(v);
}

type Cell = string | number | boolean | null;

function inserts(d: SqlDialect, table: string, types: SqlType[], rows: Cell[][]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    const chunk = rows
      .slice(i, i + 500)
      .map((r) => `(${r.map((v, k) => literal(d, types[k]!, v)).join(', ')})`);
    out.push(`INSERT INTO ${table} VALUES\n${chunk.join(',\n')}`);
  }
  return out;
}

/**
 * Every name the catalog answers to, with the model it names: each record's id names that record, then
 * each alias its first record's (the view resolves `model_id` through these, so an id always names itself).
 */
function names(book: PriceBook): Cell[][] {
  const seen = new Map<string, string>();
  for (const r of book.records) seen.set(r.id, r.id);
  for (const r of book.records) for (const n of r.aliases) if (!seen.has(n)) seen.set(n, r.id);
  return [...seen].map(([n, id]) => [n, id]);
}

/** The SQL script for one engine: statements separated by a semicolon at the end of a line. */
export function exportSql(book: PriceBook, d: SqlDialect, catalogDate: string): string {
  const x = DIALECTS[d];
  const col = (c: { name: string; type: SqlType; nullable?: true }) =>
    `  ${c.name} ${c.nullable ? x.nullable(x.types[c.type]) : x.types[c.type]}`;
  const statements = [
    x.createTable('llmcost_prices', COLUMNS.map(col).join(',\n')),
    ...inserts(
      d,
      'llmcost_prices',
      COLUMNS.map((c) => c.type),
      allRateRows(book).map(values),
    ),
    x.createTable(
      'llmcost_model_names',
      [col({ name: 'name', type: 'text' }), col({ name: 'model_id', type: 'text' })].join(',\n'),
    ),
    ...inserts(d, 'llmcost_model_names', ['text', 'text'], names(book)),
    view(d),
  ];
  return `-- llmcost price rules for ${d}, catalog of ${catalogDate}. Generated by \`llmcost prices export\`.
-- Needs a table or view llmcost_usage with the columns of \`llmcost analyze --emit\` (ts in UTC, model_id: a
-- catalog id or any name llmcost_model_names knows, batch, the token and event counts); llmcost_priced then
-- adds llmcost_cost (USD) and the record it priced at (llmcost_model_id) to each of its rows.
${statements.join(';\n')};
`;
}
