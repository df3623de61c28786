import { checkBudget, type Budget, type BudgetCheck } from '../core/budget.js';
import { estimate, savings, worstCase, type Estimate, type Workload } from '../core/estimate.js';
import type { PriceBook } from '../core/price-book.js';
import { NoBatchPriceError } from '../core/price-period.js';
import { project, type MonthProjection } from '../core/projection.js';
import { perDay } from '../core/workload.js';
import { UsageError } from '../errors.js';
import { resolveModel } from './resolve-model.js';
import type { Scenario } from './scenario.js';

export interface EstimateRun {
  scenario: Scenario;
  budget?: Budget;
  exitOnBudget: boolean;
  /** The share of the budget at which a projection earns a warning line (`--warn-at`). */
  warnAt?: number;
  date: string;
  notes: string[];
}

/** Everything an estimate report shows, computed; no text. */
export interface EstimateResult {
  scenario: Scenario;
  workload: Workload;
  estimate: Estimate;
  savings: ReturnType<typeof savings>;
  months: MonthProjection[];
  yearly: number;
  worst?: ReturnType<typeof worstCase>;
  compared: {
    model: string;
    costPerRequest: number;
    dailyCost: number;
    monthlyCost: number;
    vsEstimate: number | null;
  }[];
  budget?: BudgetCheck;
  /** With a monthly budget and growth: the first projected month over it. */
  overMonth?: MonthProjection;
  /** The levers in use, as named in the savings table. */
  active: Set<string>;
}

function run<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof NoBatchPriceError) {
      throw new UsageError(
        `${err.modelId} has no batch price in the catalog, so --batch-share cannot be priced`,
        'drop --batch-share, or add batchInput/batchOutput with --pricing FILE.yaml',
      );
    }
    throw err;
  }
}

function workloadOf(s: Scenario, day: string): Workload {
  return {
    requestsPerDay: perDay(s.requests, s.per, s.daysPerMonth),
    daysPerMonth: s.daysPerMonth,
    day,
    routes: s.routes,
    levers: {
      responseCacheHitRate: s.cacheHitRate,
      batchShare: s.batchShare,
      ...(s.prefixHitRate !== undefined ? { prefixHitRate: s.prefixHitRate } : {}),
      ...(s.cacheTtl ? { cacheTtl: s.cacheTtl } : {}),
    },
  };
}

/** The projected spend per budget period: a week is seven days of the daily cost. */
function projectedPer(per: Budget['per'], e: Estimate): number {
  return per === 'day' ? e.dailyCost : per === 'week' ? e.dailyCost * 7 : e.monthlyCost;
}

export function computeEstimate(book: PriceBook, o: EstimateRun): EstimateResult {
  const s = o.scenario;
  const w = workloadOf(s, o.date);
  const e = run(() => estimate(w));
  const months = project(e.monthlyCost, s.growth, s.months);
  const yearly = project(e.monthlyCost, s.growth, 12).at(-1)!.cumulative;
  if (![e.monthlyCost, yearly, ...months.map((m) => m.cumulative)].every(Number.isFinite))
    throw new UsageError(
      'the estimate is not a finite number: requests, token counts or growth are too large',
      'check --requests, --input, --output and --growth (or the scenario file)',
    );
  const compared = s.compare.map((name) => {
    const record = resolveModel(book, name, '--compare');
    const alt = run(() => estimate({ ...w, routes: [{ ...s.primary, share: 1, record }] }));
    return {
      model: record.id,
      costPerRequest: alt.costPerRequest,
      dailyCost: alt.dailyCost,
      monthlyCost: alt.monthlyCost,
      vsEstimate: e.monthlyCost ? alt.monthlyCost / e.monthlyCost : null,
    };
  });
  const b = o.budget;
  const overMonth = b?.per === 'month' ? months.find((m) => m.cost > b.amount + 1e-9) : undefined;
  return {
    scenario: s,
    workload: w,
    estimate: e,
    savings: run(() => savings(w, s.primary)),
    months,
    yearly,
    ...(s.maxOutput !== undefined ? { worst: run(() => worstCase(w, s.maxOutput!)) } : {}),
    compared,
    ...(b ? { budget: checkBudget(b.amount, b.per, projectedPer(b.per, e)) } : {}),
    ...(overMonth ? { overMonth } : {}),
    active: new Set<string>([
      ...(s.routes.length > 1 ? ['routing'] : []),
      ...(s.cacheHitRate > 0 ? ['response cache'] : []),
      ...(s.routes.some((r) => r.cachedPrefix > 0) ? ['prompt cache'] : []),
      ...(s.batchShare > 0 ? ['batch'] : []),
    ]),
  };
}
