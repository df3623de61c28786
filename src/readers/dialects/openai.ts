import {
  UNKNOWN_MODEL,
  withOption,
  type Outcome,
  type UsageRecord,
} from '../../core/usage-record.js';
import { num, obj, str, time, unfinished, withoutCache, type Obj } from '../values.js';
import { isPerplexityUsage, perplexityRecords } from './perplexity.js';
import type { Dialect } from './types.js';

/**
 * OpenAI-style usage objects, as OpenAI and the providers that copy its shape write them:
 * - prompt_tokens (input_tokens) includes cached and cache-write tokens. The cached count is
 *   `*_tokens_details.cached_tokens`, xAI's native SDK's `cached_prompt_text_tokens`, Moonshot's (Kimi)
 *   `usage.cached_tokens`, Mistral's `usage.num_cached_tokens` (its API writes it beside prompt_tokens,
 *   without the details object, and bills those tokens at 10% of input), or DeepSeek's
 *   `prompt_cache_hit_tokens` (DeepSeek: prompt = hit + miss; a hit is a cache read, a miss plain input).
 *   Where two of them stand they count the same tokens: the largest.
 * - completion_tokens (output_tokens) includes reasoning at OpenAI. xAI bills reasoning on top of it
 *   (its total_tokens = prompt + completion + reasoning); see `reasoningOnTop`. Perplexity's reasoning
 *   step has a price of its own: perplexity.ts.
 */
export function openaiUsage(
  u: Obj,
  model: string,
  ts: number | undefined,
  extra?: Partial<UsageRecord>,
): UsageRecord {
  // Chat Completions, Responses, and the Realtime API's singular `input_token_details`.
  const inDetails =
    obj(u.prompt_tokens_details) ?? obj(u.input_tokens_details) ?? obj(u.input_token_details);
  const outDetails =
    obj(u.completion_tokens_details) ?? obj(u.output_tokens_details) ?? obj(u.output_token_details);
  const hits = num(u.prompt_cache_hit_tokens, 'prompt_cache_hit_tokens');
  const stated = u.prompt_tokens ?? u.input_tokens;
  const total =
    stated === undefined && 'prompt_cache_miss_tokens' in u
      ? hits + num(u.prompt_cache_miss_tokens, 'prompt_cache_miss_tokens')
      : num(stated, 'prompt_tokens');
  const cached = Math.max(
    inDetails ? num(inDetails.cached_tokens, 'cached_tokens') : 0,
    num(u.cached_prompt_text_tokens, 'cached_prompt_text_tokens'),
    num(u.cached_tokens, 'cached_tokens'),
    num(u.num_cached_tokens, 'num_cached_tokens'),
    hits,
  );
  const written = inDetails ? num(inDetails.cache_write_tokens, 'cache_write_tokens') : 0;
  const completion = num(u.completion_tokens ?? u.output_tokens, 'completion_tokens');
  const reasoning = outDetails
    ? num(outDetails.reasoning_tokens, 'reasoning_tokens')
    : num(u.reasoning_tokens, 'reasoning_tokens');
  // Audio and image tokens are inside prompt_tokens (cached ones inside cached_tokens) and audio output
  // inside completion_tokens; they have prices of their own (gpt-4o-audio, gpt-realtime).
  const audioIn = inDetails ? num(inDetails.audio_tokens, 'audio_tokens') : 0;
  const imageIn = inDetails ? num(inDetails.image_tokens, 'image_tokens') : 0;
  const cachedDetails = inDetails ? obj(inDetails.cached_tokens_details) : undefined;
  const cachedAudio = cachedDetails ? num(cachedDetails.audio_tokens, 'audio_tokens') : 0;
  const cachedImage = cachedDetails ? num(cachedDetails.image_tokens, 'image_tokens') : 0;
  const audioOut = outDetails ? num(outDetails.audio_tokens, 'audio_tokens') : 0;
  // Generated images (gpt-image-1.5 and later: output_tokens_details.image_tokens), priced apart.
  const imageOut = outDetails ? num(outDetails.image_tokens, 'image_tokens') : 0;
  const textOut = Math.max(0, completion - audioOut - imageOut);
  // Built with one fixed shape (no spreads): this runs once per record on the analyze hot path.
  const uncached = withoutCache(total, cached + written);
  const r: UsageRecord = {
    model,
    input: Math.max(0, uncached - (audioIn - cachedAudio) - (imageIn - cachedImage)),
    cacheRead: cached - cachedAudio,
    cacheWrite5m: written,
    cacheWrite1h: 0,
    output: reasoningOnTop(u, model, total, completion, reasoning) ? textOut + reasoning : textOut,
    reasoning,
    requests: 1,
  };
  if (audioIn > cachedAudio) r.audioInput = audioIn - cachedAudio;
  if (cachedAudio) r.audioCacheRead = cachedAudio;
  if (imageIn > cachedImage) r.imageInput = imageIn - cachedImage;
  if (audioOut) r.audioOutput = audioOut;
  if (imageOut) r.imageOutput = imageOut;
  if (ts !== undefined) r.timestamp = ts;
  return extra ? Object.assign(r, extra) : r;
}

/** xAI's own model names (`grok-…`, `xai/grok-…`); OpenRouter's `x-ai/…` reports OpenAI's semantics. */
const XAI_MODEL = /^(xai\/)?grok/i;

/**
 * Whether reasoning tokens come on top of completion_tokens. The record's own total_tokens decides when it
 * tells (prompt + completion + reasoning: on top; prompt + completion: included); without it, xAI's models
 * are on top (docs.x.ai: reasoning_tokens are billed as output beside completion_tokens) and every other
 * provider follows OpenAI ("reasoning tokens are still counted in the total completion tokens").
 */
function reasoningOnTop(
  u: Obj,
  model: string,
  prompt: number,
  completion: number,
  reasoning: number,
): boolean {
  if (reasoning <= 0) return false;
  const total = typeof u.total_tokens === 'number' ? u.total_tokens : undefined;
  if (total === prompt + completion + reasoning) return true;
  if (total === prompt + completion) return false;
  return XAI_MODEL.test(model);
}

/**
 * The model a request was billed as: OpenAI's flex and priority processing (`service_tier`) are priced as
 * variants of their own, `<model>-flex` and `<model>-priority` (pricing/generator/billing-variants.ts).
 * `default`, `auto` and `scale` bill as the model; Groq's `flex` (marked by its `x_groq` field) costs what
 * on-demand does.
 */
export function tieredModel(model: string, o: Obj): string {
  const tier = o.service_tier;
  return (tier === 'flex' || tier === 'priority') && !('x_groq' in o)
    ? withOption(model, tier)
    : model;
}

/** The optional fields of an OpenAI record: batch tier, a cost the log carries, and the response id. */
function openaiExtras(o: Obj, id: unknown, cost?: unknown): Partial<UsageRecord> | undefined {
  let extra: Partial<UsageRecord> | undefined;
  if (o.service_tier === 'batch') (extra ??= {}).batch = true;
  if (typeof cost === 'number') (extra ??= {}).loggedCost = cost;
  if (typeof id === 'string' && id) (extra ??= {}).dedup = { key: `openai:${id}`, keep: 'first' };
  return extra;
}

/**
 * Chat Completions responses and final stream chunks (also OpenRouter's usage accounting, with its cost,
 * and Perplexity's Sonar API, see perplexity.ts).
 */
export const openaiChat: Dialect = {
  name: 'openai-chat',
  detect: (o) =>
    o.object === 'chat.completion' ||
    o.object === 'chat.completion.chunk' ||
    (Array.isArray(o.choices) &&
      ('usage' in o || ('id' in o && 'created' in o) || 'prompt_filter_results' in o)),
  normalize(o): Outcome {
    // Groq's last stream chunk carries its usage in `x_groq.usage`, Moonshot's inside its choice.
    const u = obj(o.usage) ?? obj(obj(o.x_groq)?.usage) ?? choiceUsage(o.choices);
    if (!u) return { skip: isChunk(o) ? 'stream chunk without usage' : 'response without usage' };
    const model = tieredModel(str(o.model) ?? UNKNOWN_MODEL, o);
    const extra = openaiExtras(o, o.id, u.cost);
    if (extra?.dedup && o.object === 'chat.completion.chunk' && midStream(o.choices))
      extra.dedup.keep = 'largest';
    if (isPerplexityUsage(u))
      return perplexityRecords(u, model, (v, billed) =>
        openaiUsage(v, billed, time(o.created), extra),
      );
    return openaiUsage(u, model, time(o.created), extra);
  },
};

/**
 * A stream chunk: so marked, or (where a provider leaves `object` out, as Moonshot's and Azure's content
 * filter chunk do) choices with a `delta`, or Azure's `prompt_filter_results` chunk that opens a stream.
 */
function isChunk(o: Obj): boolean {
  if (o.object === 'chat.completion.chunk' || 'prompt_filter_results' in o) return true;
  const first = Array.isArray(o.choices) ? obj(o.choices[0]) : undefined;
  return first !== undefined && 'delta' in first;
}

/**
 * Moonshot's (Kimi) last stream chunk: `choices[0].usage`, the request's usage (not one choice's: it
 * counts the whole prompt), so the first choice that has one, never a sum.
 */
function choiceUsage(choices: unknown): Obj | undefined {
  if (!Array.isArray(choices)) return undefined;
  for (const c of choices as unknown[]) {
    const u = obj(obj(c)?.usage);
    if (u) return u;
  }
  return undefined;
}

/**
 * A chunk before the last of a stream that reports usage on every chunk (vLLM's and SGLang's continuous
 * usage stats: running totals): choices none of which has finished. Kept largest under the response id,
 * so the finished chunk (or the usage-only last one, kept first) counts, else the largest.
 */
const midStream = (choices: unknown) => unfinished(choices, 'finish_reason');

/** Responses API terminal events, and the Realtime API's `response.done` (its usage uses `*_token_details`). */
const TERMINAL = new Set([
  'response.completed',
  'response.incomplete',
  'response.failed',
  'response.done',
]);

/**
 * A Responses API stream event (`response.created`, `response.output_text.delta`, …, or the stream's
 * `error` event), saved a line each: the event names the response, or carries the stream's
 * `sequence_number`, or the output item it adds to.
 */
function isResponseEvent(o: Obj): boolean {
  if (typeof o.type !== 'string') return false;
  if (o.type === 'error') return 'sequence_number' in o && 'error' in o;
  return (
    o.type.startsWith('response.') &&
    ('response' in o || 'sequence_number' in o || 'output_index' in o || 'item_id' in o)
  );
}

/**
 * Responses API: bare response objects and terminal stream events; every other event (created,
 * in progress, the deltas) carries no usage, and the stream's `error` event is followed by
 * `response.failed`, which tells what was used.
 */
export const openaiResponses: Dialect = {
  name: 'openai-responses',
  detect: (o) => o.object === 'response' || isResponseEvent(o),
  normalize(o): Outcome {
    const r = o.object === 'response' ? o : obj(o.response);
    if (o.type === 'error' && o.object !== 'response') return { skip: 'stream error event' };
    if (o.object !== 'response' && !TERMINAL.has(o.type as string))
      return { skip: 'non-terminal response event' };
    const u = obj(r?.usage);
    if (!r || !u) return { skip: 'response without usage' };
    // A Realtime response names no model (the session does): the event's own `model`, if a logger added it.
    const model = tieredModel(str(r.model) ?? str(o.model) ?? UNKNOWN_MODEL, r);
    const searches = Array.isArray(r.output)
      ? (r.output as unknown[]).filter((x) => obj(x)?.type === 'web_search_call').length
      : 0;
    const extra = openaiExtras(r, r.id);
    return openaiUsage(
      u,
      model,
      time(r.created_at),
      searches ? { ...extra, webSearches: searches } : extra,
    );
  },
};

/** Batch API output lines: the body is a chat completion, a response or an embeddings list; batch-priced. */
export const openaiBatch: Dialect = {
  name: 'openai-batch',
  detect: (o) => typeof o.custom_id === 'string' && 'response' in o && !('result' in o),
  normalize(o): Outcome {
    const res = obj(o.response);
    if (!res || num(res.status_code, 'status_code') !== 200)
      return { skip: 'failed batch request' };
    const body = obj(res.body);
    const u = obj(body?.usage);
    const model = str(body?.model) ?? UNKNOWN_MODEL;
    if (!body || !u) return { skip: 'batch response without usage' };
    return openaiUsage(u, model, time(body.created ?? body.created_at), {
      batch: true,
      ...(str(body.id) ? { dedup: { key: `openai:${body.id}`, keep: 'first' } } : {}),
    });
  },
};
