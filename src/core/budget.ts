export type BudgetPeriod = 'day' | 'month';

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

/** "100/day", "$2,500/month", "2500/mo"; undefined when the text is none of these. */
export function parseBudget(v: string): Budget | undefined {
  const m = /^\s*\$?([\d,_]*\.?\d+)\s*\/\s*(day|d|daily|month|mo|monthly)\s*$/i.exec(v);
  if (!m?.[1] || !m[2]) return undefined;
  const amount = Number(m[1].replace(/[,_]/g, ''));
  if (!Number.isFinite(amount)) return undefined;
  return { amount, per: m[2].toLowerCase().startsWith('d') ? 'day' : 'month' };
}

export const BUDGET_FORMAT = 'expected AMOUNT/day or AMOUNT/month, e.g. 50/day.';
