import {
  budgetLevel,
  checkBudget,
  daysInMonth,
  monthlyAmount,
  periodOf,
  type Budget,
  type BudgetLevel,
} from '../core/budget.js';
import type { PricedGroup } from '../core/price-groups.js';

/** What `analyze --budget` checks: every period over it, the current one, and the month-end forecast. */
export interface BudgetRules {
  budget?: Budget;
  /** Share of the budget at which the latest period earns a warning (`--warn-at`). */
  warnAt: number;
  /** Forecast the month's spend (with a budget, or `--forecast`). */
  forecast: boolean;
  /** Today in the report's time zone: the forecast's month and elapsed days. */
  today: string;
}

export interface PeriodSpend {
  period: string;
  amount: number;
  actual: number;
  overBy: number;
  overShare: number;
}

export interface Forecast {
  month: string;
  monthToDate: number;
  /** Days of the month elapsed, today counted whole. */
  days: number;
  daysInMonth: number;
  projected: number;
  /** The budget as an amount for this month (a weekly one times days/7), when there is a budget. */
  budget?: number;
  share?: number;
  over: boolean;
}

export interface BudgetResult {
  over: PeriodSpend[];
  /** The latest period with spend: what is left of it, and whether it passed the warning share. */
  latest?: { period: string; spent: number; remaining: number; level: BudgetLevel };
  forecast?: Forecast;
}

/** Spend per budget period (day, ISO week or month) from the priced days. */
function perPeriod(budget: Budget, days: PricedGroup[]): Map<string, number> {
  const per = new Map<string, number>();
  for (const d of days) {
    if (d.keys[0] === 'unknown' || d.cost === null) continue;
    const key = periodOf(budget.per, d.keys[0]!);
    per.set(key, (per.get(key) ?? 0) + d.cost);
  }
  return per;
}

/**
 * The month-end forecast from the month-to-date run rate: spend of the current month's days so far,
 * divided by the days elapsed (today counted whole, so an early-morning run does not extrapolate a few
 * hours), times the days in the month. Only when the data reaches into the current month.
 */
function forecastOf(r: BudgetRules, days: PricedGroup[]): Forecast | undefined {
  const month = r.today.slice(0, 7);
  const mine = days.filter((d) => d.keys[0]!.startsWith(month) && d.keys[0]! <= r.today);
  if (!mine.length) return undefined;
  const monthToDate = mine.reduce((s, d) => s + (d.cost ?? 0), 0);
  const elapsed = Number(r.today.slice(8, 10));
  const total = daysInMonth(r.today);
  const projected = (monthToDate / elapsed) * total;
  const budget = r.budget ? monthlyAmount(r.budget, total) : undefined;
  return {
    month,
    monthToDate,
    days: elapsed,
    daysInMonth: total,
    projected,
    ...(budget !== undefined
      ? {
          budget,
          share: budget > 0 ? projected / budget : Infinity,
          over: projected - budget > 1e-9,
        }
      : { over: false }),
  };
}

export function budgetResult(r: BudgetRules, days: PricedGroup[]): BudgetResult | undefined {
  if (!r.budget && !r.forecast) return undefined;
  const forecast = r.forecast ? forecastOf(r, days) : undefined;
  if (!r.budget) return { over: [], ...(forecast ? { forecast } : {}) };
  const b = r.budget;
  const per = perPeriod(b, days);
  const over = [...per]
    .map(([period, actual]) => ({ period, ...checkBudget(b.amount, b.per, actual) }))
    .filter((c) => c.over)
    .map(({ period, amount, actual, overBy, overShare }) => ({
      period,
      amount,
      actual,
      overBy,
      overShare,
    }));
  const lastKey = [...per.keys()].sort().at(-1);
  const spent = lastKey === undefined ? 0 : per.get(lastKey)!;
  return {
    over,
    ...(lastKey !== undefined
      ? {
          latest: {
            period: lastKey,
            spent,
            remaining: b.amount - spent,
            level: budgetLevel(spent, b.amount, r.warnAt),
          },
        }
      : {}),
    ...(forecast ? { forecast } : {}),
  };
}
