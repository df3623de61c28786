import type { Outcome } from '../../core/usage-record.js';
import { bool, num, obj, optNum, str, tagValue, time } from '../values.js';
import type { Dialect } from './types.js';

/**
 * The documented flat llmcost record, one per line:
 * {timestamp, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens,
 *  cache_write_1h_tokens, reasoning_tokens, requests, cost, batch, tags: {...}}, and where a call had them
 * audio_input_tokens, audio_cache_read_tokens, image_input_tokens, audio_output_tokens,
 * image_output_tokens, web_searches.
 * Every bucket is exclusive: input_tokens is the uncached text input; output includes reasoning.
 */
const MODALITIES = [
  ['audioInput', 'audio_input_tokens'],
  ['audioCacheRead', 'audio_cache_read_tokens'],
  ['imageInput', 'image_input_tokens'],
  ['audioOutput', 'audio_output_tokens'],
  ['imageOutput', 'image_output_tokens'],
  ['webSearches', 'web_searches'],
] as const;

/** The flat record's field for each optional bucket (the tracker writes them, this reads them). */
export const FLAT_MODALITY_FIELDS = MODALITIES;

export const flat: Dialect = {
  name: 'llmcost',
  detect: (o) => 'model' in o && 'input_tokens' in o && 'output_tokens' in o && !('usage' in o),
  normalize(o): Outcome {
    const model = str(o.model);
    if (!model) return { invalid: 'no model' };
    const ts = time(o.timestamp);
    const cost = optNum(o.cost, 'cost');
    const tags = obj(o.tags);
    const modal: Partial<Record<(typeof MODALITIES)[number][0], number>> = {};
    for (const [key, field] of MODALITIES) {
      const n = num(o[field], field);
      if (n) modal[key] = n;
    }
    return {
      ...modal,
      model,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: num(o.input_tokens, 'input_tokens'),
      cacheRead: num(o.cache_read_tokens, 'cache_read_tokens'),
      cacheWrite5m: num(o.cache_write_tokens, 'cache_write_tokens'),
      cacheWrite1h: num(o.cache_write_1h_tokens, 'cache_write_1h_tokens'),
      output: num(o.output_tokens, 'output_tokens'),
      reasoning: num(o.reasoning_tokens, 'reasoning_tokens'),
      requests: optNum(o.requests, 'requests') ?? 1,
      ...(cost !== undefined ? { loggedCost: cost } : {}),
      ...(bool(o.batch) ? { batch: true } : {}),
      ...(tags
        ? { tags: Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, tagValue(v) ?? ''])) }
        : {}),
      ...(str(o.id) ? { dedup: { key: `llmcost:${o.id}`, keep: 'first' as const } } : {}),
    };
  },
};
