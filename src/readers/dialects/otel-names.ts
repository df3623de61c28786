import type { Obj } from '../values.js';
import { MLFLOW_USAGE } from './otel-mlflow.js';

/** The first of `keys` the span has (a convention's name, then older or other conventions' names). */
export const first = (a: Obj, keys: string[]): unknown => {
  for (const k of keys) if (a[k] !== undefined && a[k] !== null) return a[k];
  return undefined;
};

/**
 * Attribute names per bucket: the OpenTelemetry GenAI conventions, their older names (OpenLLMetry,
 * Strands' `cache_*_input_tokens`), Pydantic AI's `gen_ai.usage.details.*`, the AI SDK's `ai.usage.*` and
 * OpenInference's `llm.token_count.*` (Arize Phoenix; its prompt count includes cache reads and writes, as
 * the GenAI conventions' does, and so does Pydantic AI's input count).
 */
export const INPUT = [
  'gen_ai.usage.input_tokens',
  `${MLFLOW_USAGE}input_tokens`,
  'gen_ai.usage.prompt_tokens',
  'ai.usage.promptTokens',
  'llm.token_count.prompt',
];
export const OUTPUT = [
  'gen_ai.usage.output_tokens',
  `${MLFLOW_USAGE}output_tokens`,
  'gen_ai.usage.completion_tokens',
  'ai.usage.completionTokens',
  'llm.token_count.completion',
];
export const CACHE_READ = [
  'gen_ai.usage.cache_read.input_tokens',
  // Pydantic AI (Logfire): its usage details, under their own names or the provider's.
  'gen_ai.usage.details.cache_read_tokens',
  'gen_ai.usage.details.cache_read_input_tokens',
  `${MLFLOW_USAGE}cache_read_input_tokens`,
  // The AI SDK's: v6 splits its (whole) input; v5 passes each provider's cached count on (see aiSdkInput).
  'ai.usage.inputTokenDetails.cacheReadTokens',
  'ai.usage.cachedInputTokens',
  'gen_ai.usage.input_tokens.cached',
  'gen_ai.usage.cache_read_input_tokens',
  'llm.token_count.prompt_details.cache_read',
];
export const CACHE_WRITE = [
  'gen_ai.usage.cache_creation.input_tokens',
  'gen_ai.usage.details.cache_write_tokens',
  'gen_ai.usage.details.cache_creation_input_tokens',
  `${MLFLOW_USAGE}cache_creation_input_tokens`,
  'ai.usage.inputTokenDetails.cacheWriteTokens',
  'gen_ai.usage.cache_creation_input_tokens',
  'gen_ai.usage.cache_write_input_tokens',
  'llm.token_count.prompt_details.cache_write',
];
export const REASONING = [
  'gen_ai.usage.reasoning.output_tokens',
  'gen_ai.usage.details.reasoning_tokens',
  'llm.token_count.completion_details.reasoning',
];
export const TOTAL = [
  'gen_ai.usage.total_tokens',
  'llm.token_count.total',
  'llm.usage.total_tokens',
  `${MLFLOW_USAGE}total_tokens`,
];
export const MODEL = [
  'gen_ai.response.model',
  'mlflow.model',
  'gen_ai.request.model',
  'ai.model.id',
  'llm.response.model_name',
  'llm.model_name',
  'llm.request.model_name',
];
