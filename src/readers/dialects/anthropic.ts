import { addUsage } from '../../core/types.js';
import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { label, num, obj, str, type Obj } from '../values.js';
import type { Dialect } from './types.js';

type Buckets = ReturnType<typeof bucketsOf>;

/**
 * An Anthropic usage object: input_tokens excludes cache reads and writes. Writes split by TTL when
 * `cache_creation` says so; older responses without it wrote with the default 5-minute TTL. A response
 * that sampled more than once in one request lists each step in `usage.iterations` (`message`,
 * `compaction`, `advisor_message`, …); the top-level counts leave some out (a server-side compaction's
 * tokens are billed but not in them), so the steps are summed instead. A step with a `model` of its own
 * (the advisor tool's sub-inference) is billed at that model's prices: `advisorUsages` gives those.
 */
export function anthropicUsage(u: Obj): Buckets {
  const steps = u.iterations;
  if (!Array.isArray(steps) || !steps.length) return bucketsOf(u);
  let sum: Buckets | undefined;
  for (const step of steps) {
    const s = obj(step);
    if (!s || otherModel(s)) continue;
    const b = bucketsOf(s);
    if (!sum) sum = b;
    else addUsage(sum, b);
  }
  // Steps of other models only: the response's own counts are its model's.
  if (!sum) return bucketsOf(u);
  sum.requests = 1; // one response, however many steps it sampled
  // Per-request fees (web searches) the response reports once, at the top.
  const top = num(obj(u.server_tool_use)?.web_search_requests, 'web_search_requests');
  if (top) sum.webSearches = Math.max(top, sum.webSearches ?? 0);
  return sum;
}

/** The model a step names for itself (an advisor's); a step naming none, or "", is the response's own. */
function otherModel(step: Obj): string | undefined {
  return typeof step.model === 'string' && step.model ? step.model : undefined;
}

/**
 * The steps of a response billed at another model's prices (the advisor tool's), each a record of its own
 * with `shared` (batch, time, tags) and, under the response's dedup key, a key of its own: counted once.
 */
export function advisorRecords(
  u: Obj,
  shared: Partial<UsageRecord>,
  key: string | undefined,
): UsageRecord[] {
  const steps = u.iterations;
  if (!Array.isArray(steps)) return [];
  const out: UsageRecord[] = [];
  for (const step of steps) {
    const s = obj(step);
    const model = s && otherModel(s);
    if (!model) continue;
    out.push({
      model,
      ...bucketsOf(s),
      ...shared,
      ...(key ? { dedup: { key: `${key}:advisor:${out.length}`, keep: 'first' as const } } : {}),
    });
  }
  return out;
}

function bucketsOf(
  u: Obj,
): Pick<
  UsageRecord,
  'input' | 'cacheRead' | 'cacheWrite5m' | 'cacheWrite1h' | 'output' | 'reasoning' | 'requests'
> & { webSearches?: number } {
  const written = num(u.cache_creation_input_tokens, 'cache_creation_input_tokens');
  const split = obj(u.cache_creation);
  const w1h = split ? num(split.ephemeral_1h_input_tokens, 'ephemeral_1h_input_tokens') : 0;
  const w5m = split ? num(split.ephemeral_5m_input_tokens, 'ephemeral_5m_input_tokens') : written;
  // Server tools: web searches are billed per 1,000 on top of tokens.
  const searches = num(obj(u.server_tool_use)?.web_search_requests, 'web_search_requests');
  // A literal, not a spread of an optional part: this runs for every assistant line of an agent's tree.
  const r: Buckets = {
    input: num(u.input_tokens, 'input_tokens'),
    cacheRead: num(u.cache_read_input_tokens, 'cache_read_input_tokens'),
    cacheWrite5m: split && w5m + w1h < written ? written - w1h : w5m,
    cacheWrite1h: w1h,
    output: num(u.output_tokens, 'output_tokens'),
    reasoning: num(obj(u.output_tokens_details)?.thinking_tokens),
    requests: 1,
  };
  if (searches) r.webSearches = searches;
  return r;
}

/**
 * The model a request was billed as: fast mode (`usage.speed: "fast"`) and US-only inference
 * (`usage.inference_geo: "us"`) are priced as variants of their own, `<model>-fast`, `<model>-us`,
 * `<model>-fast-us` (pricing/generator/billing-variants.ts). Other values (`standard`, `global`, Claude
 * Code's `not_available`) bill as the model itself.
 */
export function billedModel(model: string, u: Obj): string {
  const fast = u.speed === 'fast';
  const us = u.inference_geo === 'us';
  return fast || us ? `${model}${fast ? '-fast' : ''}${us ? '-us' : ''}` : model;
}

function message(m: Obj, batch: boolean): Outcome {
  const u = obj(m.usage);
  const model = str(m.model);
  if (!u) return { skip: 'message without usage' };
  if (!model) return { invalid: 'no model' };
  const id = str(m.id);
  const key = id ? `anthropic:${id}` : undefined;
  const extra = batch || u.service_tier === 'batch' ? { batch: true } : {};
  const main: UsageRecord = {
    model: billedModel(model, u),
    ...anthropicUsage(u),
    ...extra,
    ...(key ? { dedup: { key, keep: 'first' as const } } : {}),
  };
  const advisors = advisorRecords(u, extra, key);
  return advisors.length ? [main, ...advisors] : main;
}

/** Messages API responses (no timestamp in the object). */
export const anthropicMessage: Dialect = {
  name: 'anthropic-message',
  detect: (o) => o.type === 'message' && 'usage' in o,
  normalize: (o) => message(o, false),
};

/** A message a batch returned (Anthropic's Message Batches, Bedrock batch inference): batch-priced. */
export const batchMessage = (m: Obj): Outcome => message(m, true);

/** Message Batches results: one line per request; only succeeded requests carry usage. */
export const anthropicBatch: Dialect = {
  name: 'anthropic-batch',
  detect: (o) => typeof o.custom_id === 'string' && 'result' in o,
  normalize(o): Outcome {
    const result = obj(o.result);
    if (result?.type !== 'succeeded')
      return { skip: `${label(result?.type ?? 'unknown')} batch request` };
    const m = obj(result.message);
    return m ? batchMessage(m) : { invalid: 'succeeded result without message' };
  },
};
