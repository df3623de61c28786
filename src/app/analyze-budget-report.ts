import { budgetOutcome } from './budget-outcome.js';
import type { BudgetResult } from './analyze-budget.js';
import type { AnalyzeOptions } from './analyze-options.js';
import type { Format } from '../reporters/index.js';
import type { Section } from '../reporters/report.js';
import { pct, usd } from '../reporters/format-values.js';

export interface BudgetReport {
  section?: Extract<Section, { kind: 'text' }>;
  diagnostics: string[];
  exitCode: 0 | 1;
}

/**
 * The budget's words: each period over it, what is left of the latest one, the month-end forecast, and a
 * warning line (stderr, exit 0) when the latest period passed `--warn-at`. What fails the run is
 * `--fail-on`: periods over the budget (default), the forecast over it, or both.
 */
export function budgetReport(
  r: BudgetResult | undefined,
  o: AnalyzeOptions,
  format: Format,
): BudgetReport {
  if (!r) return { diagnostics: [], exitCode: 0 };
  const b = o.budget;
  const over = b
    ? r.over.map(
        (x) =>
          `over budget on ${x.period}: ${usd(x.actual)} exceeds ${usd(x.amount)}/${b.per} by ${usd(x.overBy)} (+${pct(x.overShare)})`,
      )
    : [];
  const f = r.forecast;
  const forecastLine = f
    ? `at this rate: ${usd(f.projected)} by month end (${f.month}, ${usd(f.monthToDate)} in ${f.days} of ${f.daysInMonth} days)${f.budget !== undefined ? `, ${pct(f.share!, 0)} of the ${usd(f.budget)} budget for the month` : ''}`
    : undefined;
  const l = r.latest;
  const latestLine =
    b && l
      ? `${l.period}: ${usd(l.spent)} of ${usd(b.amount)}/${b.per} spent, ${usd(Math.max(0, l.remaining))} remaining`
      : undefined;
  const failing = [
    ...(o.failOn.includes('budget') ? over : []),
    ...(o.failOn.includes('forecast') && f?.over ? [`forecast over budget: ${forecastLine}`] : []),
  ];
  const outcome = budgetOutcome(format, failing, o.exitOnBudget);
  const lines = [
    ...over,
    ...(b && !over.length ? [`within budget: no ${b.per} over ${usd(b.amount)}`] : []),
    ...(latestLine ? [latestLine] : []),
    ...(forecastLine ? [forecastLine] : []),
  ];
  const warn =
    b && l?.level === 'warn'
      ? [
          `llmcost: warning: ${l.period} spend ${usd(l.spent)} is ${pct(l.spent / b.amount, 0)} of the ${usd(b.amount)}/${b.per} budget (warn at ${pct(o.warnAt, 0)}); ${usd(l.remaining)} remaining`,
        ]
      : [];
  return {
    section: {
      kind: 'text',
      lines,
      tone: over.length || f?.over ? 'bad' : l?.level === 'warn' ? 'warn' : 'good',
    },
    diagnostics: [...warn, ...outcome.diagnostics],
    exitCode: outcome.exitCode,
  };
}
