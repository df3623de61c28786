import { dirname, resolve } from 'node:path';
import { posixRelative } from '../files/paths.js';
import type { Prepared } from './prepared.js';
import type { Context } from '../context.js';
import type { Breach, BudgetRule } from '../core/prompt-budget.js';
import { compileGlob } from '../files/glob.js';
import { int, pct, usd } from '../reporters/format-values.js';

/** Config budgets (paths relative to the config file) and --max-tokens (every file). */
/** The budget flags and config entries of a count. */
export interface BudgetOptions {
  maxTokens?: number;
  budgets?: { path: string; maxTokens: number }[];
}

export function budgetRules(ctx: Context, p: Prepared, o: BudgetOptions): BudgetRule[] {
  const rules: BudgetRule[] = [];
  const base = p.config.file ? dirname(p.config.file) : ctx.cwd;
  for (const b of o.budgets ?? []) {
    const re = compileGlob(b.path.replace(/^\.\//, ''));
    rules.push({
      label: b.path,
      maxTokens: b.maxTokens,
      matches: (path) => re.test(posixRelative(base, resolve(ctx.cwd, path))),
    });
  }
  if (o.maxTokens !== undefined)
    rules.push({ label: '--max-tokens', maxTokens: o.maxTokens, matches: () => true });
  return rules;
}

export function breachLine(
  b: Breach,
  pricePerToken: number | undefined,
  requestsPerMonth: number | undefined,
): string {
  const money =
    pricePerToken !== undefined && requestsPerMonth !== undefined
      ? `; ${usd(b.overBy * pricePerToken * requestsPerMonth)}/month at ${int(requestsPerMonth)} requests/month`
      : '';
  if (b.kind === 'growth') {
    return `${b.path}: ${int(b.tokens)} tokens, grew by ${int(b.overBy)} (+${pct(b.overShare)}) from baseline ${int(b.baseline)}, over the limit ${int(b.limit)}${money}`;
  }
  const what = b.kind === 'total' ? 'total budget' : 'budget';
  return `${b.path}: ${int(b.tokens)} tokens, over ${what} ${int(b.limit)} by ${int(b.overBy)} (+${pct(b.overShare)})${money}`;
}
