export type BudgetPeriod = 'day' | 'week' | 'month';

export interface BudgetCheck {
  amount: number;
  per: BudgetPeriod;
  actual: number;
  over: boolean;
  overBy: number;
  overShare: number;
}

export function checkBudget(amount: number, per: BudgetPeriod, actual: number): BudgetCheck {
  const overBy = actual - amount;
  return {
    amount,
    per,
    actual,
    over: overBy > 1e-9,
    overBy,
    overShare: amount > 0 ? overBy / amount : Infinity,
  };
}

export interface Budget {
  amount: number;
  per: BudgetPeriod;
}

/** The share of a budget at which spending earns a warning, unless told otherwise. */
export const DEFAULT_WARN_AT = 0.8;

/** "100/day", "$250/week", "$2,500/month", "2500/mo"; undefined when the text is none of these. */
export function parseBudget(v: string): Budget | undefined {
  const m =
    /^\s*\$?([\d,_]*\.?\d+)\s*\/\s*(day|d|daily|week|wk|w|weekly|month|mo|monthly)\s*$/i.exec(v);
  if (!m?.[1] || !m[2]) return undefined;
  const amount = Number(m[1].replace(/[,_]/g, ''));
  if (!Number.isFinite(amount)) return undefined;
  const unit = m[2].toLowerCase();
  return { amount, per: unit.startsWith('d') ? 'day' : unit.startsWith('w') ? 'week' : 'month' };
}

export const BUDGET_FORMAT = 'expected AMOUNT/day, AMOUNT/week or AMOUNT/month, e.g. 50/day.';

/** "80%", "0.8" or "80" -> 0.8; undefined unless the share is above 0 and at most 1. */
export function parseShare(v: string): number | undefined {
  const t = v.trim();
  const n = t.endsWith('%') ? Number(t.slice(0, -1)) / 100 : Number(t);
  const share = !t.endsWith('%') && n > 1 ? n / 100 : n;
  return Number.isFinite(share) && share > 0 && share <= 1 ? share : undefined;
}

/** ISO week (YYYY-Www) of a calendar day (YYYY-MM-DD). */
export function isoWeekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  // The ISO week belongs to the year of its Thursday; count weeks from that year's 1 January.
  date.setUTCDate(date.getUTCDate() + 3 - ((date.getUTCDay() + 6) % 7));
  const jan1 = Date.UTC(date.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((date.getTime() - jan1) / 604_800_000);
  return `${date.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** The budget period (day, ISO week or month key) a calendar day falls in. */
export function periodOf(per: BudgetPeriod, day: string): string {
  return per === 'day' ? day : per === 'week' ? isoWeekOf(day) : day.slice(0, 7);
}

/** Days in the month of a calendar day. */
export function daysInMonth(day: string): number {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)), 0)).getUTCDate();
}

/** A budget per period expressed per month of `days` days (for the month-end forecast). */
export function monthlyAmount(b: Budget, days: number): number {
  return b.per === 'month' ? b.amount : b.per === 'week' ? (b.amount * days) / 7 : b.amount * days;
}

export type BudgetLevel = 'ok' | 'warn' | 'over';

/** Where spending stands against a budget: over it, at or past the warning share, or fine. */
export function budgetLevel(spent: number, amount: number, warnAt: number): BudgetLevel {
  if (spent - amount > 1e-9) return 'over';
  return spent >= amount * warnAt - 1e-12 ? 'warn' : 'ok';
}
