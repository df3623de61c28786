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

export const EMIT_COLUMNS: Column[] = [
  { name: 'schema_version', type: 'int' },
  { name: 'ts', type: 'timestamp' },
  { name: 'file', type: 'string' },
  { name: 'line', type: 'int' },
  { name: 'dialect', type: 'string' },
  { name: 'model', type: 'string' },
  { name: 'model_id', type: 'string' },
  { name: 'provider', type: 'string' },
  ...COUNTS.filter((c) => c.key !== 'requests').map((c) => ({
    name: c.name,
    type: 'int' as const,
  })),
  { name: 'reasoning', type: 'int' },
  { name: 'requests', type: 'int' },
  { name: 'batch', type: 'bool' },
  { name: 'price_from', type: 'string' },
  { name: 'tier_threshold', type: 'int' },
  { name: 'time_window', type: 'string' },
  { name: 'logged_cost', type: 'double' },
  { name: 'calculated_cost', type: 'double' },
  { name: 'cost', type: 'double' },
  ...COSTS.map((c) => ({ name: c.name, type: 'double' as const })),
  { name: 'tags', type: 'json' },
];

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
  const row: Row = [
    EMIT_SCHEMA_VERSION,
    r.timestamp ?? null,
    at.file,
    at.line,
    r.dialect ?? null,
    r.model,
    price?.record.id ?? null,
    price?.record.provider ?? null,
  ];
  for (const k of COUNTS) if (k.key !== 'requests') row.push(r[k.key] ?? 0);
  row.push(r.reasoning, r.requests, !!r.batch);
  row.push(price?.from ?? null, price?.rates.tierThreshold ?? null, price?.rates.window ?? null);
  const logged = r.loggedCost ?? null;
  row.push(logged, c ? c.total : null, useLog ? logged : c ? c.total : null);
  for (const k of COSTS) row.push(c ? (c[k.key] ?? 0) : null);
  row.push(r.tags && Object.keys(r.tags).length ? r.tags : null);
  return row;
}
