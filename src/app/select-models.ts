import { nearest } from '../core/similarity.js';
import type { PriceBook } from '../core/price-book.js';
import type { ModelRecord } from '../core/types.js';

export interface Selection {
  records: ModelRecord[];
  unknown: { name: string; candidates: string[] }[];
  /** Records the default view left out (platform copies, deprecated models, embeddings in compare). */
  hidden: number;
}

/**
 * Models named with --models (resolved like log names), else --provider's records, else the default view;
 * `all` lifts every filter but the names. `generating` keeps embedding models out unless asked for by name.
 */
export function selectModels(
  book: PriceBook,
  names: string[] | undefined,
  providers: string[] | undefined,
  opts: { all?: boolean; generating?: boolean } = {},
): Selection {
  const unknown: Selection['unknown'] = [];
  if (names?.length) {
    const records: ModelRecord[] = [];
    for (const name of names) {
      const res = book.resolve(name);
      if (res.ok) {
        if (!records.includes(res.record)) records.push(res.record);
      } else unknown.push({ name, candidates: res.candidates });
    }
    return { records, unknown, hidden: 0 };
  }
  const want = providers?.map((p) => p.toLowerCase());
  const textOnly = (r: ModelRecord) => !(opts.generating && r.mode === 'embedding');
  if (!want && !opts.all) {
    // The default view, precompiled for the bundled catalog: the whole catalog is not read for it.
    const view = book.defaultView();
    const records = view.records.filter(textOnly);
    return { records, unknown, hidden: view.total - records.length };
  }
  const pool = want ? book.records.filter((r) => want.includes(r.provider)) : book.records;
  const records = pool.filter((r) => opts.all || (r.status !== 'deprecated' && textOnly(r)));
  return { records, unknown, hidden: pool.length - records.length };
}

export function unknownLine(u: { name: string; candidates: string[] }): string {
  return `${u.name}: not in the price catalog (unpriced)${u.candidates.length ? `; did you mean ${u.candidates.join(', ')}?` : ''}`;
}

/** A warning for each --provider name no catalog record has, with the nearest provider names. */
export function unknownProviderLines(book: PriceBook, providers: string[] | undefined): string[] {
  if (!providers?.length) return [];
  const known = [...new Set(book.records.map((r) => r.provider))];
  return (providers ?? [])
    .map((p) => p.toLowerCase())
    .filter((p) => !known.includes(p))
    .map(
      (p) =>
        `llmcost: --provider "${p}" matches no provider in the catalog; did you mean ${nearest(p.slice(0, 80), known, 3).join(', ')}?`,
    );
}
