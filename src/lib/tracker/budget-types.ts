import type { BudgetPeriod } from '../../core/budget.js';

/** One budget's state in its current period. */
export interface BudgetStatus {
  per: BudgetPeriod;
  amount: number;
  warnAt: number;
  /** The current period's key: `2026-11-30`, `2026-W49` or `2026-11`, in the tracker's time zone. */
  period: string;
  spent: number;
  /** `amount - spent`; negative once over. */
  remaining: number;
  level: 'ok' | 'warn' | 'over';
}

export type Verdict = 'allow' | 'warn' | 'deny';

/** A budget as `check` sees it: with the next call's worst case added. */
export interface BudgetVerdict extends BudgetStatus {
  /** `spent` plus the worst case of the next call. */
  projected: number;
  verdict: Verdict;
}

export interface CheckResult {
  /** deny when any budget would be overrun, warn when any would pass its warning share, else allow. */
  verdict: Verdict;
  /** The next call's worst-case cost (USD): its prompt and every output token it may produce. */
  worstCase: number;
  inputTokens: number;
  maxOutputTokens: number;
  /** The catalog id priced. */
  model: string;
  budgets: BudgetVerdict[];
  /** Why, in one line, for a log or an error message. */
  message: string;
}
