import { readText } from '../files/read-text.js';
import { resolve } from 'node:path';
import type { Budget } from '../commands/parse-args.js';
import { budget as parseBudget } from '../commands/parse-args.js';
import type { PriceBook } from '../core/price-book.js';
import { UsageError } from '../errors.js';
import { countText } from '../tokenize/count.js';
import type { ScenarioFile } from './scenario-schema.js';
import { buildScenario, resolveModel, type EstimateFlags, type Scenario } from './scenario.js';

export interface EstimateInput {
  scenario: Scenario;
  budget?: Budget;
  notes: string[];
}

interface Flags extends EstimateFlags {
  prompt?: string;
  budget?: Budget;
}

/** Scenario file (if any) + flags -> a validated scenario; --prompt is counted with the model's tokenizer. */
export async function loadEstimate(
  cwd: string,
  book: PriceBook,
  file: string | undefined,
  flags: Flags,
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
    try {
      budget = parseBudget(scenarioFile.budget);
    } catch (err) {
      throw new UsageError(`${file}: budget: ${(err as Error).message}`);
    }
  }
  return {
    scenario: buildScenario(book, scenarioFile, flags),
    ...(budget ? { budget } : {}),
    notes,
  };
}
