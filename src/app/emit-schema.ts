/**
 * The rows `analyze --emit` writes: one per request counted (after de-duplication and filters), priced as
 * the report prices it. Column names and types are a contract (README, "Beyond one machine"): a change
 * bumps EMIT_SCHEMA_VERSION.
 */
import type { Location } from '../core/aggregate.js';
import { BUCKETS, columnName } from '../core/buckets.js';
import { costOf } from '../core/cost.js';
import type { PriceKey } from '../core/pricing-keys.js';
import type { UsageRecord } from '../core/usage-record.js';
import type { Column, Row } from '../files/row-writers.js';
import { EMIT_SCHEMA_VERSION } from '../readers/dialects/llmcost-emit.js';

// The reader of these rows (analyze of an --emit file) owns the version it reads.
export { EMIT_SCHEMA_VERSION };

/** Token and event counts, in the bucket registry's order (web_searches, requests last). */
const COUNTS = BUCKETS.map((b) => ({ key: b.key, name: columnName(b.key) }));
const COSTS = BUCKETS.map((b) => ({ key: b.key, name: `cost_${columnName(b.unit)}` }));

/** The count columns' names in the schema's order: the buckets but requests, reasoning, requests. */
export const COUNT_COLUMNS = [
  ...COUNTS.filter((c) => c.key !== 'requests').map((c) => c.name),
  'reasoning',
  'requests',
];
/** The cost columns' names, in the registry's order. */
export const COST_COLUMNS = COSTS.map((c) => c.name);

export const EMIT_COLUMNS: Column[] = [
  { name: 'schema_version', type: 'int' },
  { name: 'ts', type: 'timestamp' },
  { name: 'file', type: 'string' },
  { name: 'line', type: 'int' },
  { name: 'dialect', type: 'string' },
  { name: 'model', type: 'string' },
  { name: 'model_id', type: 'string' },
  { name: 'provider', type: 'string' },
  ...COUNT_COLUMNS.map((name) => ({ name, type: 'int' as const })),
  { name: 'batch', type: 'bool' },
  { name: 'price_from', type: 'string' },
  { name: 'tier_threshold', type: 'int' },
  { name: 'time_window', type: 'string' },
  { name: 'logged_cost', type: 'double' },
  { name: 'calculated_cost', type: 'double' },
  { name: 'cost', type: 'double' },
  ...COST_COLUMNS.map((name) => ({ name, type: 'double' as const })),
  { name: 'tags', type: 'json' },
];

const COUNT_KEYS = COUNTS.filter((c) => c.key !== 'requests').map((c) => c.key);
const COST_KEYS = COSTS.map((c) => c.key);

/**
 * A counted request as a row in EMIT_COLUMNS' order: timestamps as ms since the epoch (writers format
 * them), absent counts 0, unpriced costs null; `cost` is the one the report counts (`--cost-source`).
 */
export function emitRow(
  r: UsageRecord,
  at: Location,
  price: PriceKey | undefined,
  useLog: boolean,
): Row {
  const c = price ? costOf(r, price.rates) : undefined;
  // Filled by index into an array of its final length (pushes grew it a few times a row: 4.5M rows).
  const row: Row = new Array<Row[number]>(EMIT_COLUMNS.length);
  row[0] = EMIT_SCHEMA_VERSION;
  row[1] = r.timestamp ?? null;
  row[2] = at.file;
  row[3] = at.line;
  row[4] = r.dialect ?? null;
  row[5] = r.model;
  row[6] = price?.record.id ?? null;
  row[7] = price?.record.provider ?? null;
  let i = 8;
  for (const k of COUNT_KEYS) row[i++] = r[k] ?? 0;
  row[i++] = r.reasoning;
  row[i++] = r.requests;
  row[i++] = !!r.batch;
  row[i++] = price?.from ?? null;
  row[i++] = price?.rates.tierThreshold ?? null;
  row[i++] = price?.rates.window ?? null;
  const logged = r.loggedCost ?? null;
  row[i++] = logged;
  row[i++] = c ? c.total : null;
  row[i++] = useLog ? logged : c ? c.total : null;
  for (const k of COST_KEYS) row[i++] = c ? (c[k] ?? 0) : null;
  row[i] = r.tags && hasKeys(r.tags) ? r.tags : null;
  return row;
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
