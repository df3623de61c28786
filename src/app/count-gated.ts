import { resolve } from 'node:path';
import type { Context } from '../context.js';
import {
  checkBudgets,
  diffBaseline,
  type BaselineDiff,
  type Breach,
} from '../core/prompt-budget.js';
import type { ModelRecord } from '../core/types.js';
import { UsageError } from '../errors.js';
import { countingFor, type Counting } from '../tokenize/families.js';
import { readBaseline, writeBaseline } from './baseline-file.js';
import { inputCost, requestsPerMonth } from './count-compute.js';
import { breachLine, budgetRules } from './count-gate.js';
import type { CountOptions } from './count-options.js';
import type { Prepared } from './prepared.js';

export interface Gate {
  breaches: Breach[];
  /** One line per breach, with the monthly cost of the excess when --requests is given. */
  messages: { path: string; message: string }[];
  baseline?: BaselineDiff;
}

/** Budgets (flags and config), the baseline comparison and its saving: what a CI gate decides. */
export function gate(
  ctx: Context,
  p: Prepared,
  o: CountOptions,
  files: { path: string; tokens: number }[],
  primary: Counting,
  model: ModelRecord,
): Gate {
  const breaches = checkBudgets(files, budgetRules(ctx, p, o), o.maxTotal);
  let baseline: BaselineDiff | undefined;
  if (o.baseline) {
    const doc = readBaseline(resolve(ctx.cwd, o.baseline), o.baseline);
    if (doc.encoding !== primary.encoding) {
      throw new UsageError(
        `baseline ${o.baseline} was counted with ${doc.encoding}, this run with ${primary.encoding}`,
        `count with --encoding ${doc.encoding}, or save a new baseline`,
      );
    }
    baseline = diffBaseline(files, doc.files, o.maxGrowth);
    breaches.push(...baseline.breaches);
  }
  if (o.saveBaseline)
    writeBaseline(
      resolve(ctx.cwd, o.saveBaseline),
      o.saveBaseline,
      primary.encoding,
      Object.fromEntries(files.map((f) => [f.path, f.tokens])),
    );
  const perMonth = requestsPerMonth(o);
  const million = { tokens: { [countingFor(model.tokenizer).encoding]: 1_000_000 } };
  const pricePerToken =
    perMonth === undefined ? undefined : inputCost(model, million, o.date) / 1_000_000;
  const messages = breaches.map((b) => ({
    path: b.path,
    message: breachLine(b, pricePerToken, perMonth),
  }));
  return { breaches, messages, ...(baseline ? { baseline } : {}) };
}
