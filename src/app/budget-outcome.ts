import type { Format } from '../reporters/index.js';
import type { Section } from '../reporters/report.js';

export interface BudgetOutcome {
  /** Lines for stderr: a breach is said there when the report's own output does not show it. */
  diagnostics: string[];
  exitCode: 0 | 1;
  /** The lines as a report section (red when over, green when within), when there are any. */
  section?: Extract<Section, { kind: 'text' }>;
}

/**
 * One rule for every budget and gate (analyze --budget, count budgets and baselines, estimate --budget):
 * breach lines are part of the human report (table, markdown) and go to stderr for machine formats
 * (json, csv), so CI logs show them either way and nothing is said twice; any breach exits 1 unless
 * `--no-exit-code`. `breaches` are the lines of what is over; `within` says what is not, when asked.
 */
export function budgetOutcome(
  format: Format,
  breaches: string[],
  exitOnBreach: boolean,
  within: string[] = [],
): BudgetOutcome {
  const over = breaches.length > 0;
  const lines = over ? breaches : within;
  return {
    diagnostics: over && (format === 'json' || format === 'csv') ? breaches : [],
    exitCode: over && exitOnBreach ? 1 : 0,
    ...(lines.length
      ? {
          section: {
            kind: 'text' as const,
            lines,
            tone: over ? ('bad' as const) : ('good' as const),
          },
        }
      : {}),
  };
}
