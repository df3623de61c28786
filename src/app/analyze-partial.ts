/**
 * `analyze --partial FILE` and `analyze --merge FILES`: an analysis of one shard written as its sums, and
 * any number of those reduced to the report one pass over every shard gives. Format llmcost.partial/1:
 *
 *   { format, llmcost, catalog: {date, source}, options: {...what decides the sums}, threads,
 *     state: { groups, days, dayModels: [key, group][], total, reprice: [key, bucket][][], top, billed,
 *              batchFallbacks }, tally: { lines, records, ..., skipped/duplicates/malformed/dialects } }
 *
 * A group is { keys, usage, records, loggedCost, loggedRecords, buckets: [key, bucket][], unpriced,
 * unpricedModels: [], first?, last? }; a bucket is its token sums, `logged` and `price`, the price key
 * (`model id|period|tier|window|b`), rebuilt from the catalog on merge. Responses are de-duplicated within
 * a shard: shard by file or by response id and the merge equals the single pass.
 */
import type { Aggregator, Bucket, GroupAcc } from '../core/aggregate.js';
import { stateOf } from '../core/aggregate-merge.js';
import type { Tally } from './analyze-tally.js';
import type { AnalyzeOptions } from './analyze-options.js';
import type { CatalogChoice } from '../pricing/user-catalog.js';

export const PARTIAL_FORMAT = 'llmcost.partial/1';

type Json = Record<string, unknown>;

/** What must be the same in every partial for their sums to add up (and what --merge reports with). */
export function partialOptions(o: AnalyzeOptions): Json {
  return {
    by: o.by,
    tz: o.tz,
    since: o.since ?? null,
    until: o.until ?? null,
    models: o.models ?? null,
    costSource: o.costSource,
    top: o.top ?? 0,
    repriceAs: o.repriceAs ?? null,
    dialect: o.dialectName ?? null,
    map: o.map ?? null,
  };
}

const bucketsOut = (m: Map<string, Bucket>) =>
  [...m].map(([k, b]) => [k, { ...b, price: b.price.key }]);
const groupOut = (g: GroupAcc) => ({
  ...g,
  buckets: bucketsOut(g.buckets),
  unpricedModels: [...g.unpricedModels],
});

/** The partial document of an analysis (JSON text). */
export function partialJson(
  agg: Aggregator,
  tally: Tally,
  o: AnalyzeOptions,
  catalog: CatalogChoice,
  version: string,
  threads: number,
): string {
  const s = stateOf(agg);
  const pairs = (xs: [string, GroupAcc][]) => xs.map(([k, g]) => [k, groupOut(g)]);
  return JSON.stringify({
    format: PARTIAL_FORMAT,
    llmcost: version,
    catalog: { date: catalog.date, source: catalog.source },
    options: partialOptions(o),
    threads,
    state: {
      groups: pairs(s.groups),
      days: pairs(s.days),
      dayModels: pairs(s.dayModels),
      total: groupOut(s.total),
      reprice: s.reprice.map((m) => bucketsOut(new Map(m))),
      top: s.top,
      billed: s.billed,
      batchFallbacks: s.batchFallbacks,
    },
    tally: {
      ...tally.toJSON(),
      skipped: [...tally.skipped],
      duplicates: [...tally.duplicates],
      malformed: [...tally.malformed],
      dialects: [...tally.dialects],
      fieldsSeen: [...tally.fieldsSeen],
    },
  });
}
