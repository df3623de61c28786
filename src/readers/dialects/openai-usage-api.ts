import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { num, obj, str, time, type Obj } from '../values.js';
import { costsApiResult } from './cost-reports.js';
import { tieredModel } from './openai.js';
import type { Dialect } from './types.js';

/**
 * A Usage API result's tokens: input includes the cached and cache-written tokens unless
 * `input_uncached_tokens` says what is left; audio in and out apart.
 */
function usageApiResult(r: Obj, start: unknown): UsageRecord {
  const cached = num(r.input_cached_tokens, 'input_cached_tokens');
  const written = num(r.input_cache_write_tokens, 'input_cache_write_tokens');
  const uncached =
    r.input_uncached_tokens !== undefined && r.input_uncached_tokens !== null
      ? num(r.input_uncached_tokens, 'input_uncached_tokens')
      : Math.max(0, num(r.input_tokens, 'input_tokens') - cached - written);
  const tags: Record<string, string> = {};
  for (const k of ['project_id', 'user_id', 'api_key_id', 'service_tier'])
    if (str(r[k])) tags[k] = r[k] as string;
  const ts = time(start);
  // Text counts: audio is counted apart (input_audio_tokens includes its cached part, not split out).
  const audioIn = num(r.input_audio_tokens, 'input_audio_tokens');
  const audioOut = num(r.output_audio_tokens, 'output_audio_tokens');
  return {
    model: tieredModel(str(r.model) ?? '(not grouped by model)', r),
    ...(ts !== undefined ? { timestamp: ts } : {}),
    input: uncached,
    cacheRead: cached,
    cacheWrite5m: written,
    cacheWrite1h: 0,
    output: num(r.output_tokens, 'output_tokens'),
    reasoning: 0,
    requests: num(r.num_model_requests, 'num_model_requests') || 1,
    ...(audioIn ? { audioInput: audioIn } : {}),
    ...(audioOut ? { audioOutput: audioOut } : {}),
    ...(r.batch === true ? { batch: true } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
  };
}

/** Usage API results counted in tokens: completions (input, cached, output, audio) and embeddings (input). */
const TOKEN_RESULTS = new Set([
  'organization.usage.completions.result',
  'organization.usage.embeddings.result',
]);

/**
 * A Usage API result that is not billed by tokens (images, audio speeches and transcriptions, moderations,
 * vector stores, code interpreter sessions): skipped, by its kind.
 */
const otherUsage = (object: unknown): Outcome | undefined =>
  typeof object === 'string' && object.startsWith('organization.usage.')
    ? {
        skip: `OpenAI usage not billed by tokens (${object.slice('organization.usage.'.length, -'.result'.length || undefined)})`,
      }
    : undefined;

/**
 * Organization Usage API (completions and embeddings results: tokens) and Costs API (costs results: billed
 * amounts, see cost-reports.ts): pages of daily buckets, single buckets, or single results.
 */
export const openaiUsageApi: Dialect = {
  name: 'openai-usage-api',
  detect: (o) =>
    o.object === 'page' ||
    o.object === 'bucket' ||
    (typeof o.object === 'string' && o.object.startsWith('organization.usage.')) ||
    o.object === 'organization.costs.result',
  normalize(o): Outcome {
    if (o.object === 'organization.costs.result') return costsApiResult(o, o.start_time);
    if (TOKEN_RESULTS.has(o.object as string)) return usageApiResult(o, o.start_time);
    const other = otherUsage(o.object);
    if (other) return other;
    const buckets = o.object === 'page' ? (Array.isArray(o.data) ? o.data : []) : [o];
    const out: UsageRecord[] = [];
    const skipped: Outcome[] = [];
    for (const b of buckets) {
      const bucket = obj(b);
      for (const r of Array.isArray(bucket?.results) ? bucket.results : []) {
        const result = obj(r);
        if (TOKEN_RESULTS.has(result?.object as string))
          out.push(usageApiResult(result!, bucket!.start_time));
        else if (otherUsage(result?.object)) skipped.push(otherUsage(result?.object)!);
        else if (result?.object === 'organization.costs.result') {
          const line = costsApiResult(result, bucket!.start_time);
          if ('model' in line) out.push(line);
          else skipped.push(line);
        }
      }
    }
    if (out.length) return out;
    return skipped[0] ?? { skip: 'usage page without results' };
  },
};
