import { isoWeekOf } from '../../core/budget.js';
import { byCodeUnit } from '../../core/order.js';
import { joinKey } from '../../core/join-key.js';
import { own } from '../../core/own.js';
import { addUsage, emptyUsage, type Usage } from '../../core/types.js';

/** One recorded call, as the spend table needs it. */
export interface SpendEntry {
  /** Calendar day in the tracker's time zone. */
  day: string;
  /** The catalog id, or the name as logged when the model is unknown. */
  model: string;
  provider: string | undefined;
  tags: Record<string, string> | undefined;
  usage: Usage;
  /** USD; undefined when the model is not in the catalog (unpriced, never $0). */
  cost: number | undefined;
}

interface Row {
  entry: Omit<SpendEntry, 'usage' | 'cost'>;
  usage: Usage;
  records: number;
  cost: number;
  priced: number;
  unpriced: Usage;
}

/** A dimension of `summary({ by })`: a time period, the model, its provider, or a tag's name. */
export type SummaryDim = 'model' | 'day' | 'week' | 'month' | 'provider' | (string & {});

export interface SummaryGroup {
  /** The group's value for each `by` dimension, e.g. `{ model: 'gpt-4o', day: '2026-11-30' }`. */
  keys: Record<string, string>;
  records: number;
  usage: Usage;
  /** USD; null when nothing in the group could be priced. */
  cost: number | null;
  /** Tokens of models the catalog does not know (not in `cost`). */
  unpriced: Usage;
}

export interface Summary {
  by: string[];
  total: SummaryGroup;
  /** Dearest first, then by keys. */
  groups: SummaryGroup[];
}

/**
 * Spend per day, model, provider and tag set: everything `summary({ by })` can group by, kept as sums (a
 * long-running process does not hold its calls). Costs are the per-call costs the log carries, summed the
 * way `analyze` sums a log's costs.
 */
export class SpendTable {
  private readonly rows = new Map<string, Row>();

  add(e: SpendEntry): void {
    const tagKey = e.tags ? JSON.stringify(Object.entries(e.tags).sort()) : '';
    const key = joinKey([e.day, e.model, e.provider ?? '', tagKey]);
    let row = this.rows.get(key);
    if (!row) {
      const { usage: _u, cost: _c, ...entry } = e;
      this.rows.set(
        key,
        (row = {
          entry,
          usage: emptyUsage(),
          records: 0,
          cost: 0,
          priced: 0,
          unpriced: emptyUsage(),
        }),
      );
    }
    addUsage(row.usage, e.usage);
    row.records++;
    if (e.cost === undefined) addUsage(row.unpriced, e.usage);
    else {
      row.cost += e.cost;
      row.priced++;
    }
  }

  summary(by: readonly SummaryDim[]): Summary {
    const total = group({});
    const groups = new Map<string, SummaryGroup>();
    for (const row of this.rows.values()) {
      const keys = Object.fromEntries(by.map((d) => [d, valueOf(d, row.entry)]));
      const k = joinKey(by.map((d) => keys[d]!));
      let g = groups.get(k);
      if (!g) groups.set(k, (g = group(keys)));
      addRow(g, row);
      addRow(total, row);
    }
    const list = [...groups.values()].sort(
      (a, b) =>
        (b.cost ?? -1) - (a.cost ?? -1) ||
        byCodeUnit(Object.values(a.keys).join('\u0000'), Object.values(b.keys).join('\u0000')),
    );
    return { by: [...by], total, groups: by.length ? list : [] };
  }
}

function group(keys: Record<string, string>): SummaryGroup {
  return { keys, records: 0, usage: emptyUsage(), cost: null, unpriced: emptyUsage() };
}

function addRow(g: SummaryGroup, row: Row): void {
  g.records += row.records;
  addUsage(g.usage, row.usage);
  addUsage(g.unpriced, row.unpriced);
  if (row.priced > 0) g.cost = (g.cost ?? 0) + row.cost;
}

function valueOf(d: SummaryDim, e: Row['entry']): string {
  switch (d) {
    case 'day':
      return e.day;
    case 'week':
      return e.day === 'unknown' ? e.day : isoWeekOf(e.day);
    case 'month':
      return e.day === 'unknown' ? e.day : e.day.slice(0, 7);
    case 'model':
      return e.model;
    case 'provider':
      return e.provider ?? own(e.tags, 'provider') ?? '(unpriced)';
    default:
      return own(e.tags, d) ?? '(none)';
  }
}
