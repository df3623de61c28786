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
import { readFileSync } from 'node:fs';
import type { Aggregator, Bucket, GroupAcc } from '../core/aggregate.js';
import { mergeState, stateOf, type AggregateState } from '../core/aggregate-merge.js';
import type { PriceBook } from '../core/price-book.js';
import { PriceKeys } from '../core/pricing-keys.js';
import { UsageError } from '../errors.js';
import { partialSchema } from './partial-schema.js';
import { mergeTally, Tally } from './analyze-tally.js';
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

export interface Partial {
  file: string;
  doc: Json;
}

/** Reads and checks one partial: a file that is not one is a usage error naming it. */
export function readPartial(file: string, shown: string): Partial {
  let doc: Json;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as Json;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`--merge: cannot read ${shown}: ${code ?? 'not JSON'}`);
  }
  if (doc?.format !== PARTIAL_FORMAT)
    throw new UsageError(
      `--merge: ${shown} is not an llmcost partial (${PARTIAL_FORMAT})`,
      'make partials with llmcost analyze SHARD --partial out.json',
    );
  const checked = partialSchema.safeParse(doc);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new UsageError(
      `--merge: ${shown} is damaged: ${issue.path.join('.') || '(top)'}: ${issue.message}`,
      'make it again with llmcost analyze SHARD --partial',
    );
  }
  return { file: shown, doc };
}

/** Refuses partials made with other prices or options than the first, naming what differs. */
export function checkSame(parts: Partial[]): void {
  const first = parts[0]!;
  for (const p of parts.slice(1)) {
    for (const k of ['catalog', 'options'] as const) {
      const a = JSON.stringify(first.doc[k]);
      const b = JSON.stringify(p.doc[k]);
      if (a !== b)
        throw new UsageError(
          `--merge: ${p.file} was made with another ${k === 'catalog' ? 'price catalog' : 'set of options'} than ${first.file} (${b} vs ${a})`,
          'make every partial with the same llmcost, catalog and analyze options',
        );
    }
  }
}

function groupIn(g: Json, keys: PriceKeys, book: PriceBook, file: string): GroupAcc {
  return {
    ...(g as unknown as GroupAcc),
    buckets: bucketsIn(g.buckets as [string, Json][], keys, book, file),
    unpricedModels: new Set(g.unpricedModels as string[]),
  };
}

function bucketsIn(
  entries: [string, Json][],
  keys: PriceKeys,
  book: PriceBook,
  file: string,
): Map<string, Bucket> {
  return new Map(
    entries.map(([k, b]) => {
      const price = keys.fromKey(b.price as string, (id) => book.byId(id));
      if (!price)
        throw new UsageError(
          `--merge: ${file} prices a model this catalog lacks (${String(b.price)})`,
        );
      return [k, { ...(b as unknown as Bucket), price }];
    }),
  );
}

/** Adds every partial's sums into `agg` and `tally`, in the order given. */
export function mergePartials(
  parts: Partial[],
  agg: Aggregator,
  tally: Tally,
  book: PriceBook,
  top: number,
): void {
  const keys = new PriceKeys();
  for (const { file, doc } of parts) {
    const s = doc.state as Json;
    const pairs = (xs: unknown) =>
      (xs as [string, Json][]).map(
        ([k, g]) => [k, groupIn(g, keys, book, file)] as [string, GroupAcc],
      );
    const state: AggregateState = {
      groups: pairs(s.groups),
      days: pairs(s.days),
      dayModels: pairs(s.dayModels),
      total: groupIn(s.total as Json, keys, book, file),
      reprice: (s.reprice as [string, Json][][]).map((m) => [...bucketsIn(m, keys, book, file)]),
      top: s.top as AggregateState['top'],
      billed: s.billed as AggregateState['billed'],
      batchFallbacks: s.batchFallbacks as number,
    };
    mergeState(agg, state, 0, top);
    const t = doc.tally as Json;
    const from = Object.assign(new Tally(), {
      lines: t.lines,
      records: t.records,
      filtered: t.filtered,
      withoutModel: t.withoutModel,
    }) as Tally;
    for (const key of ['skipped', 'duplicates', 'malformed', 'dialects'] as const)
      for (const [reason, n] of t[key] as [string, number][]) from.bump(from[key], reason, n);
    from.samples.push(...(t.malformedSamples as Tally['samples']));
    for (const f of t.fieldsSeen as string[]) from.fieldsSeen.add(f);
    mergeTally(tally, from, 0);
  }
}
