import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import {
  bool,
  label,
  num,
  objectOrJson,
  optNum,
  str,
  tagValue,
  time,
  type Obj,
} from '../values.js';
import type { Dialect } from './types.js';

/**
 * PostHog LLM analytics events as PostHog exports them (a batch export's JSON lines, an events export):
 * `{event: "$ai_generation", properties: {$ai_model, $ai_provider, $ai_input_tokens, …}, timestamp,
 * distinct_id, uuid}`; `properties` may be a JSON string. `$ai_generation` and `$ai_embedding` are calls;
 * `$ai_trace`, `$ai_span`, `$ai_metric` and `$ai_feedback` are not, and are skipped.
 *
 * Buckets follow PostHog's own cost rule (its ingestion's input-costs): `$ai_input_tokens` excludes the
 * cache for Anthropic-style reporting (`$ai_provider` anthropic, a model naming anthropic or starting with
 * claude) and includes the cache reads and writes otherwise;
 * an explicit `$ai_cache_reporting_exclusive` decides when the event carries it, and Vercel's AI Gateway
 * (`$ai_provider` gateway, `$ai_framework` vercel) is inclusive unless its input is below its own cache
 * counts. Audio and image input (`$ai_audio_input_tokens`, `$ai_image_input_tokens`) are inside the input,
 * cached audio (`$ai_cache_read_audio_tokens`) inside the cache reads. `$ai_output_tokens` holds the
 * reasoning (`$ai_reasoning_tokens`) and the audio and image output, except where PostHog's SDKs pass
 * Gemini's counts on as Gemini reports them: for gemini-2.5 and gemini-3 models the thoughts are beside
 * the output and billed on top, as PostHog's output-costs adds them. `$ai_text_output_tokens`, where
 * given, is the text output. `$ai_total_cost_usd`, PostHog's price, is the logged cost.
 */
export const posthog: Dialect = {
  name: 'posthog',
  detect: (o) => typeof o.event === 'string' && o.event.startsWith('$ai_') && 'properties' in o,
  normalize(o): Outcome {
    if (o.event !== '$ai_generation' && o.event !== '$ai_embedding')
      return { skip: 'PostHog event that is not a call' };
    const p = objectOrJson(o.properties);
    if (!p) return { invalid: 'properties' };
    const input = num(p.$ai_input_tokens, '$ai_input_tokens');
    const output = num(p.$ai_output_tokens, '$ai_output_tokens');
    const read = num(p.$ai_cache_read_input_tokens, '$ai_cache_read_input_tokens');
    const write = num(p.$ai_cache_creation_input_tokens, '$ai_cache_creation_input_tokens');
    if (bool(p.$ai_is_error) && input + output + read + write === 0)
      return { skip: 'failed call without tokens' };
    const anthropic = anthropicStyle(p);
    const exclusive = cacheExclusive(p, anthropic, input, read, write);
    const audio = num(p.$ai_audio_input_tokens, '$ai_audio_input_tokens');
    const image = num(p.$ai_image_input_tokens, '$ai_image_input_tokens');
    const cachedAudio = Math.min(
      num(p.$ai_cache_read_audio_tokens, '$ai_cache_read_audio_tokens'),
      audio,
      read,
    );
    // Inclusive input holds the cache reads and writes (OpenAI-style usage counts cache_write_tokens
    // inside the prompt too; PostHog itself prices no write premium outside Anthropic, the catalog does).
    const inside = exclusive ? 0 : read + write;
    const model = str(p.$ai_model) ?? UNKNOWN_MODEL;
    const out = outputOf(p, model);
    const rec: UsageRecord = {
      model,
      input: Math.max(0, input - inside - (audio - cachedAudio) - image),
      cacheRead: read - cachedAudio,
      cacheWrite5m: write,
      cacheWrite1h: 0,
      output: out.text,
      reasoning: out.reasoning,
      requests: 1,
    };
    if (out.audio) rec.audioOutput = out.audio;
    if (out.image) rec.imageOutput = out.image;
    if (audio > cachedAudio) rec.audioInput = audio - cachedAudio;
    if (cachedAudio) rec.audioCacheRead = cachedAudio;
    if (image) rec.imageInput = image;
    const searches = num(p.$ai_web_search_count, '$ai_web_search_count');
    if (searches) rec.webSearches = searches;
    const cost = optNum(p.$ai_total_cost_usd, '$ai_total_cost_usd');
    if (cost !== undefined) rec.loggedCost = cost;
    const provider = str(p.$ai_provider);
    if (provider && provider.toLowerCase() !== 'gateway') rec.servedBy = provider;
    const ts = time(o.timestamp ?? p.$time);
    if (ts !== undefined) rec.timestamp = ts;
    const id = str(o.uuid);
    if (id) rec.dedup = { key: `posthog:${id}`, keep: 'first' };
    const tags = tagsOf(o, p);
    if (tags) rec.tags = tags;
    return rec;
  },
};

/** Gemini models whose SDK counts PostHog passes on with the thoughts beside the output. */
const THOUGHTS_BESIDE = /^gemini-(2\.5|3(\.\d+)?)-/;

function outputOf(p: Obj, model: string) {
  const audio = num(p.$ai_audio_output_tokens, '$ai_audio_output_tokens');
  const image = num(p.$ai_image_output_tokens, '$ai_image_output_tokens');
  const reasoning = num(p.$ai_reasoning_tokens, '$ai_reasoning_tokens');
  const explicit = p.$ai_text_output_tokens;
  let text =
    explicit !== undefined && explicit !== null
      ? num(explicit, '$ai_text_output_tokens')
      : Math.max(0, num(p.$ai_output_tokens, '$ai_output_tokens') - audio - image);
  if (THOUGHTS_BESIDE.test(model.toLowerCase())) text += reasoning;
  return { text, audio, image, reasoning: Math.min(reasoning, text) };
}

function anthropicStyle(p: Obj): boolean {
  const provider = str(p.$ai_provider)?.toLowerCase();
  const model = str(p.$ai_model)?.toLowerCase();
  return (
    provider === 'anthropic' || !!model?.includes('anthropic') || !!model?.startsWith('claude')
  );
}

function cacheExclusive(p: Obj, anthropic: boolean, input: number, read: number, write: number) {
  const explicit = p.$ai_cache_reporting_exclusive;
  if (typeof explicit === 'boolean') return explicit;
  if (!anthropic) return false;
  const gateway =
    str(p.$ai_provider)?.toLowerCase() === 'gateway' &&
    str(p.$ai_framework)?.toLowerCase() === 'vercel';
  return gateway ? input < read + write : true;
}

/** The person (`distinct_id`), the session and the trace; custom `$ai_`-free properties are left out. */
function tagsOf(o: Obj, p: Obj): Record<string, string> | undefined {
  let tags: Record<string, string> | undefined;
  for (const [v, k] of [
    [o.distinct_id, 'user'],
    [p.$ai_session_id ?? p.$session_id, 'session'],
    [p.$ai_trace_id, 'trace'],
  ] as const) {
    const t = tagValue(v);
    if (t) (tags ??= {})[k] = label(t);
  }
  return tags;
}
