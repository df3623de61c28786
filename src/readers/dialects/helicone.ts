import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { num, obj, optNum, str, tagValue, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/** The reference a request served from Helicone's own cache carries (its default is all zeros). */
const NO_CACHE_REFERENCE = /^[0-]*$/;

/**
 * Helicone's request rows (its REST API's `HeliconeRequest`, `/v1/request/query` and exports of it). Its
 * columns are disjoint buckets, as its own cost formula (packages/cost costOfPrompt) prices them:
 * `prompt_tokens` are the fresh input, beside `prompt_cache_read_tokens`, `prompt_cache_write_tokens` and
 * `prompt_audio_tokens`; `completion_tokens` beside `completion_audio_tokens`. A row whose `total_tokens`
 * equals prompt + completion alone (an older row keeping OpenAI's inclusive prompt) has its cache taken
 * out of the prompt. `costUSD` is the logged cost (a raw `cost` column, whose scale Helicone's export does
 * not document, is not read); a response Helicone served from its cache (`cache_reference_id`) made no
 * provider call and is skipped.
 */
export const helicone: Dialect = {
  name: 'helicone',
  detect: (o) =>
    typeof o.request_id === 'string' &&
    ('prompt_tokens' in o || 'completion_tokens' in o) &&
    ('request_created_at' in o || 'response_model' in o || 'request_model' in o),
  normalize(o): Outcome {
    if (str(o.cache_reference_id) && !NO_CACHE_REFERENCE.test(o.cache_reference_id as string))
      return { skip: 'Helicone cache hit (no provider call)' };
    if (o.prompt_tokens == null && o.completion_tokens == null)
      return { skip: 'Helicone request without token counts' };
    const read = num(o.prompt_cache_read_tokens, 'prompt_cache_read_tokens');
    const write = num(o.prompt_cache_write_tokens, 'prompt_cache_write_tokens');
    const audioIn = num(o.prompt_audio_tokens, 'prompt_audio_tokens');
    const prompt = num(o.prompt_tokens, 'prompt_tokens');
    const completion = num(o.completion_tokens, 'completion_tokens');
    const inclusive =
      read + write > 0 &&
      typeof o.total_tokens === 'number' &&
      o.total_tokens === prompt + completion;
    const r: UsageRecord = {
      model:
        str(o.response_model) ??
        str(o.model_override) ??
        str(o.model) ??
        str(o.request_model) ??
        UNKNOWN_MODEL,
      input: inclusive ? Math.max(0, prompt - read - write) : prompt,
      cacheRead: read,
      cacheWrite5m: write,
      cacheWrite1h: 0,
      output: completion,
      reasoning: 0,
      requests: 1,
    };
    const audioOut = num(o.completion_audio_tokens, 'completion_audio_tokens');
    if (audioIn) r.audioInput = audioIn;
    if (audioOut) r.audioOutput = audioOut;
    const ts = time(o.request_created_at);
    if (ts !== undefined) r.timestamp = ts;
    const cost = optNum(o.costUSD, 'costUSD');
    if (cost !== undefined) r.loggedCost = cost;
    r.dedup = { key: `helicone:${o.request_id as string}`, keep: 'first' };
    const tags = tagsOf(o);
    if (tags) r.tags = tags;
    return r;
  },
};

/** Custom properties (`Helicone-Property-*` headers, stored without the prefix) and the user. */
function tagsOf(o: Obj): Record<string, string> | undefined {
  let tags: Record<string, string> | undefined;
  const props = obj(o.request_properties) ?? obj(o.properties);
  for (const [k, v] of Object.entries(props ?? {})) {
    const value = tagValue(v);
    if (value !== undefined) (tags ??= Object.create(null) as Record<string, string>)[k] = value;
  }
  const user = tagValue(o.request_user_id ?? o.user_id);
  if (user) (tags ??= Object.create(null) as Record<string, string>).user = user;
  return tags;
}
