import { DEFAULT_WARN_AT } from '../core/budget.js';
import { int, pct, usd } from '../reporters/format-values.js';
import { budgetOutcome } from './budget-outcome.js';
import { computeEstimate, type EstimateResult, type EstimateRun } from './estimate-compute.js';
import { estimateDocument } from './estimate-document.js';
import { routeNotes } from './estimate-report.js';
import type { Prepared } from './prepared.js';
import { ok, type AppResult } from './result.js';

export type { EstimateRun };

/** Over-budget lines (the first month over, with growth), or the within-budget line. */
function budgetLines(r: EstimateResult, amount: number): { over: string[]; within: string[] } {
  const b = r.budget;
  if (!b) return { over: [], within: [] };
  if (b.over)
    return {
      over: [
        `over budget: projected ${usd(b.actual)}/${b.per} exceeds ${usd(b.amount)}/${b.per} by ${usd(b.overBy)} (+${pct(b.overShare)})`,
      ],
      within: [],
    };
  if (r.overMonth)
    return {
      over: [
        `over budget from month ${r.overMonth.month}: ${usd(r.overMonth.cost)} exceeds ${usd(amount)}/month at ${pct(r.scenario.growth, 0)} monthly growth`,
      ],
      within: [],
    };
  return {
    over: [],
    within: [
      `within budget: ${usd(b.actual)}/${b.per} of ${usd(b.amount)}/${b.per}, ${usd(b.amount - b.actual)} remaining`,
    ],
  };
}

/** compute -> budget -> report. */
export function runEstimate(p: Prepared, o: EstimateRun): AppResult {
  const r = computeEstimate(p.book, o);
  const notes = [...o.notes, ...routeNotes(r.estimate)];
  if (r.worst)
    notes.push(
      `worst case, every response at ${int(r.scenario.maxOutput!)} output tokens: ${usd(r.worst.dailyCost)}/day, ${usd(r.worst.monthlyCost)}/month.`,
    );
  const lines = budgetLines(r, o.budget?.amount ?? 0);
  const outcome = budgetOutcome(p.format, lines.over, o.exitOnBudget, lines.within);
  const report = estimateDocument(r, o.date, notes, outcome.section);
  const b = r.budget;
  const warn =
    b && !b.over && !r.overMonth && b.actual >= b.amount * (o.warnAt ?? DEFAULT_WARN_AT)
      ? [
          `llmcost: warning: projected ${usd(b.actual)}/${b.per} is ${pct(b.actual / b.amount, 0)} of the ${usd(b.amount)}/${b.per} budget; ${usd(b.amount - b.actual)} remaining`,
        ]
      : [];
  return ok(p.render(report), [...warn, ...outcome.diagnostics], outcome.exitCode);
}
