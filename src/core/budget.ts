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
