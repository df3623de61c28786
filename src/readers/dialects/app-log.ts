import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { label, num, obj, str, tagValue, time, type Obj } from '../values.js';
import { anthropicUsage, billedModel } from './anthropic.js';
import { geminiUsage } from './gemini.js';
import { langchainUsage } from './langchain.js';
import { openaiUsage, tieredModel } from './openai.js';
import { isPerplexityUsage, perplexityRecords } from './perplexity.js';
import type { Dialect } from './types.js';

/**
 * The line an application writes after a call: its own envelope around a provider's documented usage
 * object, found at the top level or one level down (`response.usage`, `data.usage`, `result.usageMetadata`).
 * - `prompt_tokens`/`completion_tokens` (OpenAI, and the providers that copy it): openaiUsage's rules;
 *   Perplexity's (perplexity.ts) where the usage carries its fields.
 * - `input_tokens`/`output_tokens` with Anthropic's cache fields (`cache_read_input_tokens`,
 *   `cache_creation_input_tokens`, `cache_creation`), or a `claude` model: Anthropic's, where input
 *   excludes the cache. With `input_tokens_details` or neither: OpenAI Responses', where it includes it
 *   (without cache fields the two readings give the same buckets).
 * - `usageMetadata`: Gemini's.
 * - `usage.billed_units` (Cohere v2) or `meta.billed_units` (v1): Cohere's billed input and output.
 * - `usage_metadata` (a LangChain AIMessage, also as `dumpd` writes it under `kwargs`): langchain.ts's
 *   rule, input including the cache whatever the provider; the model from `response_metadata`.
 * Billing tier: Anthropic's `usage.service_tier: batch`, `speed: fast` and `inference_geo: us`, and the OpenAI
 * response's `service_tier` (flex, priority, batch), as the providers' own dialects read them.
 * Model: `model` (or `modelVersion`) beside the usage object, else at the top level; a record with usage
 * and no model keeps its tokens under UNKNOWN_MODEL. Time: timestamp, created_at, createdAt, time, ts,
 * created, date, @timestamp, createTime or logging_time (ISO 8601, epoch seconds or ms). Tags: `user` and the scalar values of
 * `metadata` and `tags`, so `--by feature` reads `metadata.feature`.
 */
export const appLog: Dialect = {
  name: 'app-log',
  detect: (o) => found(o) !== undefined,
  normalize(o): Outcome {
    const at = found(o);
    if (!at) return { invalid: 'no usage object' };
    const response = obj(at.holder.response_metadata);
    const model =
      str(at.holder.model) ??
      str(at.holder.modelVersion) ??
      str(response?.model_name) ??
      str(response?.model) ??
      str(o.model);
    const name = model ?? UNKNOWN_MODEL;
    const ts = time(TIME_FIELDS.map((k) => o[k] ?? at.holder[k]).find((v) => v !== undefined));
    const tags = tagsOf(o);
    if (at.kind === 'openai' && isPerplexityUsage(at.usage))
      return perplexityRecords(at.usage, name, (v, billed) => {
        const r = openaiUsage(v, billed, ts);
        if (tags) r.tags = tags;
        return r;
      });
    let r: UsageRecord;
    if (at.kind === 'gemini') r = { model: name, ...geminiUsage(at.usage) };
    else if (at.kind === 'cohere') r = cohereUsage(at.usage, name);
    else if (at.kind === 'langchain') {
      const u = at.usage;
      const details = [obj(u.input_token_details), obj(u.output_token_details)] as const;
      r = { model: name, ...langchainUsage(u.input_tokens, u.output_tokens, ...details) };
    } else if (at.kind === 'anthropic') {
      // The usage names how the request was billed, as in a message (anthropic.ts): a batch result, fast
      // mode and US-only inference are priced as such.
      r = { model: model ? billedModel(model, at.usage) : name, ...anthropicUsage(at.usage) };
      if (at.usage.service_tier === 'batch') r.batch = true;
    } else {
      // The response beside the usage names its processing tier (flex, priority; batch for a Batch API result).
      r = openaiUsage(at.usage, model ? tieredModel(model, at.holder) : name, undefined);
      if (at.holder.service_tier === 'batch') r.batch = true;
    }
    if (ts !== undefined) r.timestamp = ts;
    if (tags) r.tags = tags;
    return r;
  },
};

/**
 * Cohere bills `billed_units` (input and output tokens); `tokens` also counts the prompt template's tokens,
 * which are not billed (cohere-python's UsageBilledUnits and UsageTokens).
 */
function cohereUsage(b: Obj, model: string): UsageRecord {
  return {
    model,
    input: num(b.input_tokens, 'billed_units.input_tokens'),
    cacheRead: 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: num(b.output_tokens, 'billed_units.output_tokens'),
    reasoning: 0,
    requests: 1,
  };
}

const TIME_FIELDS = [
  'timestamp',
  'created_at',
  'createdAt',
  'time',
  'ts',
  'created',
  'date',
  '@timestamp',
  // Gemini's response (createTime), Vertex AI request-response logging's BigQuery rows (logging_time).
  'createTime',
  'logging_time',
];

interface Found {
  holder: Obj;
  usage: Obj;
  kind: 'openai' | 'anthropic' | 'gemini' | 'cohere' | 'langchain';
}

function usageIn(holder: Obj): Found | undefined {
  const meta = obj(holder.usageMetadata);
  if (meta && ('promptTokenCount' in meta || 'candidatesTokenCount' in meta))
    return { holder, usage: meta, kind: 'gemini' };
  const lc = obj(holder.usage_metadata);
  if (lc && ('input_tokens' in lc || 'output_tokens' in lc))
    return { holder, usage: lc, kind: 'langchain' };
  const u = obj(holder.usage);
  // Cohere: `usage.billed_units` (v2 chat) or `meta.billed_units` (v1, found one level down).
  const billed = obj((u ?? holder).billed_units);
  if (billed && ('input_tokens' in billed || 'output_tokens' in billed))
    return { holder, usage: billed, kind: 'cohere' };
  if (!u) return undefined;
  if ('prompt_tokens' in u || 'completion_tokens' in u) return { holder, usage: u, kind: 'openai' };
  if (!('input_tokens' in u || 'output_tokens' in u)) return undefined;
  const anthropic =
    'cache_read_input_tokens' in u ||
    'cache_creation_input_tokens' in u ||
    'cache_creation' in u ||
    (!('input_tokens_details' in u) && /claude/i.test(label(holder.model ?? '')));
  return { holder, usage: u, kind: anthropic ? 'anthropic' : 'openai' };
}

/** The usage object at the top level, else in the first top-level object that holds one. */
function found(o: Obj): Found | undefined {
  const top = usageIn(o);
  if (top) return top;
  for (const k in o) {
    const inner = obj(o[k]);
    const hit = inner && usageIn(inner);
    if (hit) return hit;
  }
  return undefined;
}

/** Tags in a prototype-less object: a key such as `__proto__` or `constructor` is only a name here. */
function tagsOf(o: Obj): Record<string, string> | undefined {
  let tags: Record<string, string> | undefined;
  const bag = (): Record<string, string> =>
    (tags ??= Object.create(null) as Record<string, string>);
  const user = tagValue(o.user);
  if (user && typeof o.user !== 'object') bag().user = user;
  for (const source of [obj(o.metadata), obj(o.tags)]) {
    if (!source) continue;
    for (const [k, v] of Object.entries(source)) {
      if (v === null || typeof v === 'object') continue;
      bag()[k] = String(v);
    }
  }
  return tags;
}
