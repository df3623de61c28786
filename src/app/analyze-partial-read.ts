/** Partials read back, checked and added up (`analyze --merge`; the format: analyze-partial.ts). */
import { readFileSync } from 'node:fs';
import type { Aggregator, Bucket, GroupAcc } from '../core/aggregate.js';
import { mergeState, type AggregateState } from '../core/aggregate-merge.js';
import type { PriceBook } from '../core/price-book.js';
import { PriceKeys } from '../core/pricing-keys.js';
import { codeText, UsageError } from '../errors.js';
import { PARTIAL_FORMAT } from './analyze-partial.js';
import { partialSchema } from './partial-schema.js';
import { mergeTally, Tally } from './analyze-tally.js';

type Json = Record<string, unknown>;

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
    throw new UsageError(`--merge: cannot read ${shown}: ${code ? codeText(code) : 'not JSON'}`);
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
