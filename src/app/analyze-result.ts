import { activeBlock, blocks, type ActiveBlock } from './analyze-blocks.js';
import type { Aggregator } from '../core/aggregate.js';
import { costOf } from '../core/cost.js';
import { allTokens } from '../core/buckets.js';
import { priceGroup, type PricedGroup } from '../core/price-groups.js';
import type { ModelRecord } from '../core/types.js';
import { billedPart } from './analyze-billed.js';
import { dimName } from './analyze-report.js';
import { budgetResult, type BudgetResult } from './analyze-budget.js';
import { Calendar } from '../core/time-buckets.js';
import type { AnalyzeOptions } from './analyze-options.js';

/** An analysis priced and ordered: what every format shows, before any of it is worded. */
export interface AnalyzeResult {
  total: PricedGroup;
  groups: PricedGroup[];
  days: PricedGroup[];
  repriced: { model: string; cost: number }[];
  budget?: BudgetResult;
  billed: ReturnType<typeof billedPart>;
  /** Days with data, token usage and cost reports together, in order. */
  spanned: string[];
  /** With --by block: the block still open now. */
  active?: ActiveBlock;
  /** Priced sums per day, model and provider, when the aggregator kept them. */
  dayModels: PricedGroup[];
}

export function analyzeResult(
  agg: Aggregator,
  reprice: ModelRecord[],
  o: AnalyzeOptions,
): AnalyzeResult {
  const byBlock = o.by[0] === 'block';
  const groups = byBlock
    ? blocks(agg.groups.values(), o.costSource)
    : [...agg.groups.values()].map((g) => priceGroup(g, o.costSource));
  const timeFirst = ['day', 'week', 'month', 'block'].includes(dimName(o.by[0]!));
  groups.sort((a, b) =>
    timeFirst
      ? a.keys.join().localeCompare(b.keys.join())
      : (b.cost ?? -1) - (a.cost ?? -1) || allTokens(b.usage) - allTokens(a.usage),
  );
  const active = byBlock && o.now !== undefined ? activeBlock(groups, o.now) : undefined;
  const days = [...agg.days.values()]
    .map((g) => priceGroup(g, o.costSource))
    .sort((a, b) => a.keys[0]!.localeCompare(b.keys[0]!));
  const billed = billedPart(agg.billed.values());
  const dated = days.filter((d) => d.keys[0] !== 'unknown').map((d) => d.keys[0]!);
  return {
    total: priceGroup(agg.total, o.costSource),
    groups,
    days,
    repriced: reprice.map((m, i) => ({
      model: m.id,
      cost: [...agg.reprice[i]!.values()].reduce((s, b) => s + costOf(b, b.price.rates).total, 0),
    })),
    ...budgetOf(o, days),
    billed,
    spanned: [...new Set([...dated, ...billed.days])].sort(),
    ...(active ? { active } : {}),
    dayModels: [...agg.dayModels.values()].map((g) => priceGroup(g, o.costSource)),
  };
}

function budgetOf(o: AnalyzeOptions, days: PricedGroup[]): { budget?: BudgetResult } {
  const budget = budgetResult(
    {
      ...(o.budget ? { budget: o.budget } : {}),
      warnAt: o.warnAt,
      forecast: o.forecast || !!o.budget,
      today: new Calendar(o.tz).day(o.now ?? 0),
    },
    days,
  );
  return budget ? { budget } : {};
}
