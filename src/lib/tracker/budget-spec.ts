import {
  BUDGET_FORMAT,
  DEFAULT_WARN_AT,
  parseBudget,
  type BudgetPeriod,
} from '../../core/budget.js';
import { InvalidArgumentError } from '../errors.js';

/** A budget: `"100/week"`, or `{ amount: 100, per: 'week', warnAt: 0.9 }`. */
export type BudgetInput = string | { amount: number; per: BudgetPeriod; warnAt?: number };

export interface BudgetSpec {
  amount: number;
  per: BudgetPeriod;
  /** The share of `amount` at which `check` says warn (default 0.8). */
  warnAt: number;
}

/** A budget checked and completed; INVALID_ARGUMENT with the expected form otherwise. */
export function parseBudgetSpec(b: BudgetInput): BudgetSpec {
  if (typeof b === 'string') {
    const parsed = parseBudget(b);
    if (!parsed) throw new InvalidArgumentError(`budget "${b}": ${BUDGET_FORMAT}`);
    return { ...parsed, warnAt: DEFAULT_WARN_AT };
  }
  if (!b || typeof b !== 'object' || !(Number.isFinite(b.amount) && b.amount >= 0))
    throw new InvalidArgumentError('budget.amount must be a number >= 0 (USD)');
  if (b.per !== 'day' && b.per !== 'week' && b.per !== 'month')
    throw new InvalidArgumentError(`budget.per must be day, week or month, not ${String(b.per)}`);
  const warnAt = b.warnAt ?? DEFAULT_WARN_AT;
  if (!(Number.isFinite(warnAt) && warnAt > 0 && warnAt <= 1))
    throw new InvalidArgumentError(
      'budget.warnAt must be a share above 0 and at most 1 (0.8 = 80%)',
    );
  return { amount: b.amount, per: b.per, warnAt };
}
