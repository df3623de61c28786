import { readText } from '../files/read-text.js';
import { resolve } from 'node:path';
import type { Budget } from '../core/budget.js';
import { BUDGET_FORMAT, parseBudget } from '../core/budget.js';
import type { PriceBook } from '../core/price-book.js';
import { UsageError } from '../errors.js';
import { countText } from '../tokenize/count.js';
import type { ScenarioFile } from './scenario-schema.js';
import { resolveModel } from './resolve-model.js';
import { buildScenario, type EstimateFlags, type Scenario } from './scenario.js';

export interface EstimateInput {
  scenario: Scenario;
  budget?: Budget;
  notes: string[];
}

export interface EstimateInputFlags extends EstimateFlags {
  prompt?: string;
  budget?: Budget;
}

/** Scenario file (if any) + flags -> a validated scenario; --prompt is counted with the model's tokenizer. */
export async function loadEstimate(
  cwd: string,
  book: PriceBook,
  file: string | undefined,
  flags: EstimateInputFlags,
): Promise<EstimateInput> {
  let scenarioFile: ScenarioFile = {};
  if (file) {
    const { readYaml } = await import('../config/load.js');
    const { parseOrThrow } = await import('../config/dotted-path.js');
    const { scenarioSchema } = await import('./scenario-schema.js');
    scenarioFile = parseOrThrow(scenarioSchema, readYaml(resolve(cwd, file)), file);
  }
  const notes: string[] = [];
  if (flags.prompt) {
    const modelName = flags.model ?? scenarioFile.model;
    if (!modelName) throw new UsageError('--prompt needs --model to choose a tokenizer');
    const record = resolveModel(book, modelName, '--model');
    // A prompt is read whole: 64 MiB is far past any model's context window.
    const text = readText(resolve(cwd, flags.prompt), flags.prompt, 64 * 1024 * 1024);
    const counted = await countText(text, record.tokenizer);
    flags = { ...flags, input: counted.tokens };
    notes.push(
      `input: ${flags.prompt} is ${counted.tokens} tokens (${counted.exact ? counted.encoding : `estimate for ${record.tokenizer}`}).`,
    );
  }
  let budget = flags.budget;
  if (!budget && scenarioFile.budget) {
    budget = parseBudget(scenarioFile.budget);
    if (!budget) throw new UsageError(`${file}: budget: ${BUDGET_FORMAT}`);
  }
  return {
    scenario: buildScenario(book, scenarioFile, flags),
    ...(budget ? { budget } : {}),
    notes,
  };
}
