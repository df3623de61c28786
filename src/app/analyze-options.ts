import type { Budget } from '../core/budget.js';
import type { RatioBand } from '../core/price-groups.js';
import type { EngineSpec } from './analyze-engine.js';

/** What `llmcost analyze` was asked: sources, how to read and group them, budgets and strictness. */
export interface AnalyzeOptions extends EngineSpec {
  sources: string[];
  band: RatioBand;
  budget?: Budget;
  exitOnBudget: boolean;
  strict: boolean;
  threads: number;
  parallelMinBytes?: number;
  /** The time now (ms), for the active `--by block`. */
  now?: number;
}
