import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { num, obj, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/** OpenAI usage objects: prompt/input counts include cached and cache-write tokens; output includes reasoning. */
export function openaiUsage(
  u: Obj,
  model: string,
  ts: number | undefined,
  extra?: Partial<UsageRecord>,
): UsageRecord {
  const inDetails = obj(u.prompt_tokens_details) ?? obj(u.input_tokens_details);
  const outDetails = obj(u.completion_tokens_details) ?? obj(u.output_tokens_details);
  const total = num(u.prompt_tokens ?? u.input_tokens);
  const cached = inDetails ? num(inDetails.cached_tokens) : 0;
  const written = inDetails ? num(inDetails.cache_write_tokens) : 0;
  // Built with one fixed shape (no spreads): this runs once per record on the analyze hot path.
  const r: UsageRecord = {
    model,
    input: Math.max(0, total - cached - written),
    cacheRead: cached,
    cacheWrite5m: written,
    cacheWrite1h: 0,
    output: num(u.completion_tokens ?? u.output_tokens),
    reasoning: outDetails ? num(outDetails.reasoning_tokens) : 0,
    requests: 1,
  };
  if (ts !== undefined) r.timestamp = ts;
  return extra ? Object.assign(r, extra) : r;
}

/** The optional fields of an OpenAI record: batch tier, a cost the log carries, and the response id. */
function openaiExtras(o: Obj, id: unknown, cost?: unknown): Partial<UsageRecord> | undefined {
  let extra: Partial<UsageRecord> | undefined;
  if (o.service_tier === 'batch') (extra ??= {}).batch = true;
  if (typeof cost === 'number') (extra ??= {}).loggedCost = cost;
  if (typeof id === 'string' && id) (extra ??= {}).dedup = { key: `openai:${id}`, keep: 'first' };
  return extra;
}

/** Chat Completions responses and final stream chunks (also OpenRouter's usage accounting, with its cost). */
export const openaiChat: Dialect = {
  name: 'openai-chat',
  detect: (o) =>
    o.object === 'chat.completion' ||
    o.object === 'chat.completion.chunk' ||
    (Array.isArray(o.choices) && 'usage' in o),
  normalize(o): Outcome {
    const u = obj(o.usage);
    if (!u)
      return {
        skip:
          o.object === 'chat.completion.chunk'
            ? 'stream chunk without usage'
            : 'response without usage',
      };
    const model = str(o.model);
    if (!model) return { invalid: 'no model' };
    return openaiUsage(u, model, time(o.created), openaiExtras(o, o.id, u.cost));
  },
};

const TERMINAL = new Set(['response.completed', 'response.incomplete', 'response.failed']);

/** Responses API: bare response objects and terminal stream events; created/in-progress events carry no usage. */
export const openaiResponses: Dialect = {
  name: 'openai-responses',
  detect: (o) =>
    o.object === 'response' ||
    (typeof o.type === 'string' && o.type.startsWith('response.') && 'response' in o),
  normalize(o): Outcome {
    const r = o.object === 'response' ? o : obj(o.response);
    if (o.object !== 'response' && !TERMINAL.has(o.type as string))
      return { skip: 'non-terminal response event' };
    const u = obj(r?.usage);
    if (!r || !u) return { skip: 'response without usage' };
    const model = str(r.model);
    if (!model) return { invalid: 'no model' };
    return openaiUsage(u, model, time(r.created_at), openaiExtras(r, r.id));
  },
};

/** Batch API output lines: the body is a chat completion, a response or an embeddings list; batch-priced. */
export const openaiBatch: Dialect = {
  name: 'openai-batch',
  detect: (o) => typeof o.custom_id === 'string' && 'response' in o && !('result' in o),
  normalize(o): Outcome {
    const res = obj(o.response);
    if (!res || num(res.status_code) !== 200) return { skip: 'failed batch request' };
    const body = obj(res.body);
    const u = obj(body?.usage);
    const model = str(body?.model);
    if (!body || !u) return { skip: 'batch response without usage' };
    if (!model) return { invalid: 'no model' };
    return openaiUsage(u, model, time(body.created ?? body.created_at), {
      batch: true,
      ...(str(body.id) ? { dedup: { key: `openai:${body.id}`, keep: 'first' } } : {}),
    });
  },
};

function usageApiResult(r: Obj, start: unknown): UsageRecord {
  const cached = num(r.input_cached_tokens);
  const written = num(r.input_cache_write_tokens);
  const uncached =
    r.input_uncached_tokens !== undefined && r.input_uncached_tokens !== null
      ? num(r.input_uncached_tokens)
      : Math.max(0, num(r.input_tokens) - cached - written);
  const tags: Record<string, string> = {};
  for (const k of ['project_id', 'user_id', 'api_key_id', 'service_tier'])
    if (str(r[k])) tags[k] = r[k] as string;
  const ts = time(start);
  return {
    model: str(r.model) ?? '(not grouped by model)',
    ...(ts !== undefined ? { timestamp: ts } : {}),
    input: uncached,
    cacheRead: cached,
    cacheWrite5m: written,
    cacheWrite1h: 0,
    output: num(r.output_tokens),
    reasoning: 0,
    requests: num(r.num_model_requests) || 1,
    ...(r.batch === true ? { batch: true } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
  };
}

/** Organization Usage API: pages of daily buckets, single buckets, or single results. */
export const openaiUsageApi: Dialect = {
  name: 'openai-usage-api',
  detect: (o) =>
    o.object === 'page' ||
    o.object === 'bucket' ||
    o.object === 'organization.usage.completions.result' ||
    o.object === 'organization.costs.result',
  normalize(o): Outcome {
    if (o.object === 'organization.costs.result') return { skip: 'cost line item (no tokens)' };
    if (o.object === 'organization.usage.completions.result')
      return usageApiResult(o, o.start_time);
    const buckets = o.object === 'page' ? (Array.isArray(o.data) ? o.data : []) : [o];
    const out: UsageRecord[] = [];
    for (const b of buckets) {
      const bucket = obj(b);
      for (const r of Array.isArray(bucket?.results) ? bucket.results : []) {
        const result = obj(r);
        if (result?.object === 'organization.usage.completions.result')
          out.push(usageApiResult(result, bucket!.start_time));
      }
    }
    return out.length ? out : { skip: 'usage page without completion results' };
  },
};
