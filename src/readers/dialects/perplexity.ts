import { withOption, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { num, obj, optNum, type Obj } from '../values.js';

/**
 * Perplexity's Sonar API answers in OpenAI's chat shape (dialects/openai.ts reads it) and adds to `usage`
 * (docs.perplexity.ai, "Pricing"):
 * - `search_context_size` (`low`, `medium`, `high`): the per-request fee of Sonar, Sonar Pro and Sonar
 *   Reasoning (Pro) depends on it, so the request is priced as `<model>-context-<size>`, a variant record
 *   (pricing/generator/billing-variants.ts). Without it the model's own record applies: its fee is the
 *   highest size's, as genai-prices records it.
 * - `citation_tokens`: search results the model read, billed at the input price (OpenRouter: "input
 *   tokens comprise prompt tokens + citation tokens"): counted as input.
 * - `num_search_queries`: Deep Research's searches, billed per 1,000: web searches.
 * - `reasoning_tokens`: Deep Research's reasoning step, apart from completion_tokens and total_tokens and
 *   billed at a price of its own ($3/M against $8/M output): a record of its own, the step's output,
 *   priced as `<model>-reasoning` (a variant whose output price is the reasoning price), under the
 *   response's dedup key and with no request of its own.
 * - `cost.total_cost`: what Perplexity billed for the request, the logged cost. With a reasoning step,
 *   `cost.reasoning_tokens_cost` is the step's logged cost and the rest the response's; a log without it
 *   logs the whole bill on the response's record and $0 on the step's, so the sum stays the bill.
 */
export const isPerplexityUsage = (u: Obj): boolean =>
  'search_context_size' in u || 'citation_tokens' in u || 'num_search_queries' in u;

const SIZES = new Set(['low', 'medium', 'high']);

/** The model a Sonar request is billed as: its search context size's variant when the log names one. */
function contextModel(model: string, u: Obj): string {
  const size = u.search_context_size;
  return typeof size === 'string' && SIZES.has(size) ? withOption(model, `context-${size}`) : model;
}

/**
 * A Sonar response's records: `read` reads the usage as OpenAI's (without the reasoning step) for the
 * model to bill; Perplexity's own counts and billed cost are added to it.
 */
export function perplexityRecords(
  u: Obj,
  model: string,
  read: (u: Obj, model: string) => UsageRecord,
): Outcome {
  const { reasoning_tokens: steps, ...rest } = u;
  const r = read(rest, contextModel(model, u));
  r.input += num(u.citation_tokens, 'citation_tokens');
  const searches = num(u.num_search_queries, 'num_search_queries');
  if (searches) r.webSearches = searches;
  const cost = obj(u.cost);
  const billed = optNum(cost?.total_cost, 'cost.total_cost');
  if (billed !== undefined) r.loggedCost = billed;
  const reasoning = num(steps, 'reasoning_tokens');
  if (!reasoning) return r;
  const step: UsageRecord = {
    model: withOption(model, 'reasoning'),
    input: 0,
    cacheRead: 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: reasoning,
    reasoning,
    requests: 0,
  };
  if (r.timestamp !== undefined) step.timestamp = r.timestamp;
  if (r.batch) step.batch = true;
  if (r.tags) step.tags = r.tags;
  if (r.dedup) step.dedup = { key: `${r.dedup.key}:reasoning`, keep: r.dedup.keep };
  if (r.loggedCost !== undefined) {
    // A cost the log carries is split, never counted twice (see above).
    const own =
      billed !== undefined
        ? optNum(cost?.reasoning_tokens_cost, 'cost.reasoning_tokens_cost')
        : undefined;
    step.loggedCost = own ?? 0;
    r.loggedCost -= step.loggedCost;
  }
  return [r, step];
}
