import { own } from './own.js';
/** Prompt-size gates for CI: per-file and total token budgets, and growth against a saved baseline. */
export interface Counted {
  path: string;
  tokens: number;
}

export interface BudgetRule {
  label: string;
  maxTokens: number;
  matches: (path: string) => boolean;
}

export interface Breach {
  path: string;
  kind: 'budget' | 'total' | 'growth';
  tokens: number;
  limit: number;
  /** Tokens over the limit (budget, total) or grown beyond the baseline (growth). */
  overBy: number;
  overShare: number;
  baseline?: number;
  rule?: string;
}

export function checkBudgets(files: Counted[], rules: BudgetRule[], maxTotal?: number): Breach[] {
  const breaches: Breach[] = [];
  for (const f of files) {
    const applicable = rules.filter((r) => r.matches(f.path));
    if (!applicable.length) continue;
    const strictest = applicable.reduce((a, b) => (b.maxTokens < a.maxTokens ? b : a));
    if (f.tokens > strictest.maxTokens) {
      const overBy = f.tokens - strictest.maxTokens;
      breaches.push({
        path: f.path,
        kind: 'budget',
        tokens: f.tokens,
        limit: strictest.maxTokens,
        overBy,
        overShare: overBy / strictest.maxTokens,
        rule: strictest.label,
      });
    }
  }
  if (maxTotal !== undefined) {
    const total = files.reduce((s, f) => s + f.tokens, 0);
    if (total > maxTotal) {
      breaches.push({
        path: '(total)',
        kind: 'total',
        tokens: total,
        limit: maxTotal,
        overBy: total - maxTotal,
        overShare: (total - maxTotal) / maxTotal,
      });
    }
  }
  return breaches;
}

export interface BaselineDiff {
  changed: { path: string; before: number; after: number; growth: number }[];
  added: Counted[];
  removed: Counted[];
  breaches: Breach[];
}

/** Files that grew more than `maxGrowth` (a share, 0.1 = 10%) fail; new and removed files are listed only. */
export function diffBaseline(
  files: Counted[],
  baseline: Record<string, number>,
  maxGrowth?: number,
): BaselineDiff {
  const now = new Map(files.map((f) => [f.path, f.tokens]));
  const diff: BaselineDiff = { changed: [], added: [], removed: [], breaches: [] };
  for (const f of files) {
    const before = own(baseline, f.path);
    if (before === undefined) {
      diff.added.push(f);
      continue;
    }
    if (before === f.tokens) continue;
    const growth = before > 0 ? (f.tokens - before) / before : Infinity;
    diff.changed.push({ path: f.path, before, after: f.tokens, growth });
    if (maxGrowth !== undefined && growth > maxGrowth + 1e-12) {
      const limit = Math.floor(before * (1 + maxGrowth));
      diff.breaches.push({
        path: f.path,
        kind: 'growth',
        tokens: f.tokens,
        limit,
        overBy: f.tokens - before,
        overShare: growth,
        baseline: before,
      });
    }
  }
  for (const [path, tokens] of Object.entries(baseline))
    if (!now.has(path)) diff.removed.push({ path, tokens });
  return diff;
}
