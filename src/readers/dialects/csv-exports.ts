import type { Outcome } from '../../core/usage-record.js';
import { bool, num, optNum, str, tagValue, time } from '../values.js';
import type { Dialect } from './types.js';

const TIME_COLUMNS = new Set(['start_time', 'end_time', 'start_time_iso', 'end_time_iso']);

/** A count column of the export, 0 when the column is absent or blank. */
const count = (o: Record<string, unknown>, k: string) => num(o[k], k);

/**
 * Audio and image tokens of an export row, and whether input_tokens/output_tokens already hold them. The
 * export writes `input_text_tokens` beside `input_tokens`; a row where input = text + audio + image counts
 * every modality in input_tokens (cached ones in input_cached_tokens), else (or without the text column)
 * they are beside it, as in the Usage API, whose token counts are text only.
 */
function modalities(o: Record<string, unknown>) {
  const audioIn = count(o, 'input_audio_tokens');
  const cachedAudio = count(o, 'input_cached_audio_tokens');
  const imageIn = count(o, 'input_image_tokens');
  const cachedImage = count(o, 'input_cached_image_tokens');
  const audioOut = count(o, 'output_audio_tokens');
  const imageOut = count(o, 'output_image_tokens');
  const text = o.input_text_tokens;
  const within =
    text !== undefined &&
    text !== '' &&
    count(o, 'input_tokens') === count(o, 'input_text_tokens') + audioIn + imageIn;
  return { audioIn, cachedAudio, imageIn, cachedImage, audioOut, imageOut, within };
}

/** A row whose cells other than the times are all blank (a day without usage). A loop, not entries(): per row. */
function emptyBucket(o: Record<string, unknown>): boolean {
  for (const k in o) {
    const v = o[k];
    if (v !== '' && v !== null && v !== undefined && !TIME_COLUMNS.has(k)) return false;
  }
  return true;
}

/**
 * The OpenAI usage-dashboard CSV export (activity): input_tokens includes input_cached_tokens; days
 * without usage are kept as rows whose non-time cells are all blank; counts may be written as 59200.0.
 * Audio and image columns are buckets of their own (see `modalities`).
 */
export const openaiExportCsv: Dialect = {
  name: 'openai-export-csv',
  detect: (o) => 'num_model_requests' in o && 'input_tokens' in o && 'output_tokens' in o,
  normalize(o): Outcome {
    if (emptyBucket(o)) return { skip: 'empty usage bucket' };
    const cached = num(o.input_cached_tokens, 'input_cached_tokens');
    const uncached =
      o.input_uncached_tokens !== undefined && o.input_uncached_tokens !== ''
        ? num(o.input_uncached_tokens, 'input_uncached_tokens')
        : Math.max(0, num(o.input_tokens, 'input_tokens') - cached);
    const m = modalities(o);
    // Within the totals, the audio and image shares come out of them (cached audio out of the cached).
    const freshAudio = Math.max(0, m.audioIn - m.cachedAudio);
    const freshImage = Math.max(0, m.imageIn - m.cachedImage);
    const output = num(o.output_tokens, 'output_tokens');
    const ts = time(o.start_time_iso ?? o.start_time);
    const tags: Record<string, string> = {};
    for (const k of ['project_id', 'user_id', 'api_key_id', 'service_tier']) {
      const v = tagValue(o[k]);
      if (v) tags[k] = v;
    }
    return {
      model: str(o.model) ?? '(not grouped by model)',
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: m.within ? Math.max(0, uncached - freshAudio - freshImage) : uncached,
      cacheRead: m.within ? Math.max(0, cached - m.cachedAudio) : cached,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: m.within ? Math.max(0, output - m.audioOut - m.imageOut) : output,
      reasoning: 0,
      requests: num(o.num_model_requests, 'num_model_requests') || 1,
      ...(freshAudio ? { audioInput: freshAudio } : {}),
      ...(m.cachedAudio ? { audioCacheRead: m.cachedAudio } : {}),
      ...(freshImage ? { imageInput: freshImage } : {}),
      ...(m.audioOut ? { audioOutput: m.audioOut } : {}),
      ...(m.imageOut ? { imageOutput: m.imageOut } : {}),
      ...(bool(o.batch) ? { batch: true } : {}),
      ...(Object.keys(tags).length ? { tags } : {}),
    };
  },
};

/** Generic request-level CSV (e.g. the Helicone export): prompt_tokens includes cached tokens. */
export const requestCsv: Dialect = {
  name: 'request-csv',
  detect: (o) => 'prompt_tokens' in o && 'completion_tokens' in o && 'model' in o,
  normalize(o): Outcome {
    const model = str(o.model);
    if (!model) return { invalid: 'no model' };
    const cached = num(o.cached_tokens, 'cached_tokens');
    const ts = time(o.request_created_at ?? o.created_at ?? o.timestamp);
    const cost = optNum(o.cost, 'cost');
    return {
      model,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: Math.max(0, num(o.prompt_tokens, 'prompt_tokens') - cached),
      cacheRead: cached,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: num(o.completion_tokens, 'completion_tokens'),
      reasoning: 0,
      requests: 1,
      ...(cost !== undefined ? { loggedCost: cost } : {}),
      ...(str(o.response_id)
        ? { dedup: { key: `csv:${o.response_id}`, keep: 'first' as const } }
        : {}),
    };
  },
};
