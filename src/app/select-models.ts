import { nearest } from '../core/similarity.js';
import type { PriceBook } from '../core/price-book.js';
import type { ModelRecord } from '../core/types.js';

export interface Selection {
  records: ModelRecord[];
  unknown: { name: string; candidates: string[] }[];
}

/** Models named with --models (resolved like log names), else the whole catalog; then --provider. */
export function selectModels(
  book: PriceBook,
  names: string[] | undefined,
  providers: string[] | undefined,
): Selection {
  const unknown: Selection['unknown'] = [];
  let records: ModelRecord[];
  if (names?.length) {
    records = [];
    for (const name of names) {
      const res = book.resolve(name);
      if (res.ok) {
        if (!records.includes(res.record)) records.push(res.record);
      } else unknown.push({ name, candidates: res.candidates });
    }
  } else records = [...book.records];
  if (providers?.length) {
    const want = providers.map((p) => p.toLowerCase());
    records = records.filter((r) => want.includes(r.provider));
  }
  return { records, unknown };
}

export function unknownLine(u: { name: string; candidates: string[] }): string {
  return `${u.name}: not in the price catalog (unpriced)${u.candidates.length ? `; did you mean ${u.candidates.join(', ')}?` : ''}`;
}

/** A warning for each --provider name no catalog record has, with the nearest provider names. */
export function unknownProviderLines(book: PriceBook, providers: string[] | undefined): string[] {
  const known = [...new Set(book.records.map((r) => r.provider))];
  return (providers ?? [])
    .map((p) => p.toLowerCase())
    .filter((p) => !known.includes(p))
    .map(
      (p) =>
        `llmcost: --provider "${p}" matches no provider in the catalog; did you mean ${nearest(p.slice(0, 80), known, 3).join(', ')}?`,
    );
}
