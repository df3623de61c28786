import { budgetLevel, periodOf } from '../../core/budget.js';
import type { BudgetSpec } from './budget-spec.js';
import type { BudgetStatus, BudgetVerdict, CheckResult, Verdict } from './budget-types.js';

const ADJECTIVE = { day: 'daily', week: 'weekly', month: 'monthly' } as const;
const usd = (v: number) => `$${v.toFixed(v !== 0 && Math.abs(v) < 1 ? 4 : 2)}`;

/** Spend per budget period, for the budgets a tracker was given; rebuilt from the log at start. */
export class BudgetState {
  /** Per budget: spend by period key. Old periods are dropped as new ones start. */
  private readonly spent: Map<string, number>[];

  constructor(readonly specs: readonly BudgetSpec[]) {
    this.spent = specs.map(() => new Map());
  }

  add(day: string, cost: number): void {
    this.specs.forEach((b, i) => {
      const key = periodOf(b.per, day);
      const m = this.spent[i]!;
      m.set(key, (m.get(key) ?? 0) + cost);
      if (m.size > 64) m.delete(m.keys().next().value!);
    });
  }

  status(today: string): BudgetStatus[] {
    return this.specs.map((b, i) => {
      const period = periodOf(b.per, today);
      const spent = this.spent[i]!.get(period) ?? 0;
      return {
        per: b.per,
        amount: b.amount,
        warnAt: b.warnAt,
        period,
        spent,
        remaining: b.amount - spent,
        level: budgetLevel(spent, b.amount, b.warnAt),
      };
    });
  }

  /** allow / warn / deny for a next call that may cost `worst`. */
  verdict(
    today: string,
    worst: number,
  ): Omit<CheckResult, 'inputTokens' | 'maxOutputTokens' | 'model'> {
    const budgets: BudgetVerdict[] = this.status(today).map((s) => {
      const projected = s.spent + worst;
      const level = budgetLevel(projected, s.amount, s.warnAt);
      const verdict: Verdict = level === 'over' ? 'deny' : level === 'warn' ? 'warn' : 'allow';
      return { ...s, projected, verdict };
    });
    const verdict: Verdict = budgets.some((b) => b.verdict === 'deny')
      ? 'deny'
      : budgets.some((b) => b.verdict === 'warn')
        ? 'warn'
        : 'allow';
    const worstBudget = budgets.find((b) => b.verdict === verdict);
    const message =
      verdict === 'allow' || !worstBudget
        ? `within budget: next call up to ${usd(worst)}`
        : `${verdict === 'deny' ? 'over' : 'near'} the ${ADJECTIVE[worstBudget.per]} budget: ${usd(worstBudget.spent)} spent in ${worstBudget.period} + up to ${usd(worst)} for this call = ${usd(worstBudget.projected)} of ${usd(worstBudget.amount)}`;
    return { verdict, worstCase: worst, budgets, message };
  }
}
