import type { Budget } from '../core/budget.js';
import type { RatioBand } from '../core/price-groups.js';
import type { RowFormat } from '../files/row-writers.js';
import type { EngineSpec } from './analyze-engine.js';

/** What `llmcost analyze` was asked: sources, how to read and group them, budgets and strictness. */
export interface AnalyzeOptions extends EngineSpec {
  sources: string[];
  band: RatioBand;
  budget?: Budget;
  /** The share of the budget at which the latest period earns a warning line (`--warn-at`, default 0.8). */
  warnAt: number;
  /** A month-end forecast even without a budget (`--forecast`). */
  forecast: boolean;
  /** What fails the run (exit 1): periods over the budget, the forecast over it. */
  failOn: ('budget' | 'forecast')[];
  exitOnBudget: boolean;
  strict: boolean;
  threads: number;
  parallelMinBytes?: number;
  /** Records a tree thread may hold unsettled before it waits (analyze-tree.ts; tests lower it). */
  treeMaxPending?: number;
  /** `--emit FILE|-`: every counted request written out as a row (emit-schema.ts). */
  emit?: { path: string; format: RowFormat };
  /** `--partial FILE`: write the sums of this shard instead of a report (analyze-partial.ts). */
  partial?: string;
  /** `--merge`: the sources are partials; the option names given on the command line. */
  merge?: { explicit: Set<string> };
  /** The time now (ms), for the active `--by block`. */
  now?: number;
}
