import type { ModelRecord, PricePeriod } from '../core/types.js';

export interface Repriced {
  id: string;
  provider: string;
  old: PriceRow;
  new: PriceRow;
  /** The largest factor between an old and a new price (2 = doubled or halved). */
  factor: number;
}

export interface PriceRow {
  input: number;
  output: number;
  cacheRead?: number;
  from?: string;
}

export interface CatalogChanges {
  added: ModelRecord[];
  removed: ModelRecord[];
  repriced: Repriced[];
}

const current = (r: ModelRecord): PricePeriod => r.prices[r.prices.length - 1]!;
const row = (p: PricePeriod): PriceRow => ({
  input: p.input,
  output: p.output,
  ...(p.cacheRead !== undefined ? { cacheRead: p.cacheRead } : {}),
  ...(p.from ? { from: p.from } : {}),
});

function factor(a: number | undefined, b: number | undefined): number {
  if (a === undefined || b === undefined || a === b) return 1;
  if (a === 0 || b === 0) return Infinity;
  return Math.max(a / b, b / a);
}

/** Models added, removed and repriced (current input, output or cache-read price) from one catalog to another. */
export function catalogChanges(
  before: readonly ModelRecord[],
  after: readonly ModelRecord[],
): CatalogChanges {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const repriced: Repriced[] = [];
  for (const [id, r] of now) {
    const o = old.get(id);
    if (!o) continue;
    const a = current(o);
    const b = current(r);
    const f = Math.max(
      factor(a.input, b.input),
      factor(a.output, b.output),
      factor(a.cacheRead, b.cacheRead),
    );
    if (f > 1 + 1e-9)
      repriced.push({ id, provider: r.provider, old: row(a), new: row(b), factor: f });
  }
  return {
    added: after.filter((r) => !old.has(r.id)),
    removed: before.filter((r) => !now.has(r.id)),
    repriced: repriced.sort((x, y) => y.factor - x.factor || (x.id < y.id ? -1 : 1)),
  };
}

/** The same models' price moves of more than tenfold: a units slip in a map, refused without --force. */
export function tenfold(changes: CatalogChanges): Repriced[] {
  return changes.repriced.filter((r) => r.factor > 10);
}
