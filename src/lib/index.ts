/**
 * llmcost as a library: the pricing core, the tokenizer, usage normalization, a usage tracker with budgets,
 * and SDK wrappers, with nothing of the CLI. See the README, "Use as a library".
 *
 * @packageDocumentation
 */
export {
  createPricing,
  defaultPricing,
  listModels,
  resolveModel,
  type ModelFilter,
  type Pricing,
  type ResolvedModel,
} from './catalog.js';
export { priceUsage, type PriceOptions, type PricedUsage, type UsageInput } from './price-usage.js';
export {
  normalizeUsage,
  normalizeUsageAll,
  type NormalizeOptions,
  type UsageRecord,
} from './normalize.js';
export {
  countChatTokens,
  countTokens,
  type ChatMessage,
  type CountOptions,
  type EncodingName,
  type TokenCount,
} from './count.js';
export { compareModels, type CompareResult, type CompareWorkload } from './compare.js';
export {
  estimateWorkload,
  type EstimateOptions,
  type Scenario,
  type WorkloadEstimate,
} from './estimate.js';
export {
  createTracker,
  type RecordOptions,
  type TrackedCall,
  type Tracker,
  type TrackerOptions,
} from './tracker/tracker.js';
export type { BudgetInput, BudgetSpec } from './tracker/budget-spec.js';
export type { BudgetStatus, BudgetVerdict, CheckResult, Verdict } from './tracker/budget-types.js';
export type { CheckRequest } from './tracker/check.js';
export type { Summary, SummaryDim, SummaryGroup } from './tracker/spend-table.js';
export { trackOpenAI } from './sdk/openai.js';
export { trackAnthropic } from './sdk/anthropic.js';
export type { WrapOptions } from './sdk/observe.js';
export {
  BudgetExceededError,
  InvalidArgumentError,
  InvalidUsageError,
  LlmcostError,
  NoBatchPriceError,
  UnknownModelError,
  type LlmcostErrorCode,
} from './errors.js';
export type {
  CostBreakdown,
  ModelRecord,
  PricePeriod,
  PriceTier,
  Tokenizer,
  Usage,
} from '../core/types.js';
export type { Rates } from '../core/price-period.js';
export type { ModelOverride } from '../pricing/overrides-schema.js';
export { CATALOG_DATE } from '../pricing/catalog.js';
export { VERSION } from '../version.js';
