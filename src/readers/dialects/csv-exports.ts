import type { Outcome } from '../../core/usage-record.js';
import { bool, num, optNum, str, tagValue, time } from '../values.js';
import type { Dialect } from './types.js';

const TIME_COLUMNS = new Set(['start_time', 'end_time', 'start_time_iso', 'end_time_iso']);

/**
 * The OpenAI usage-dashboard CSV export (activity): input_tokens includes input_cached_tokens; days
 * without usage are kept as rows whose non-time cells are all blank; counts may be written as 59200.0.
 */
export const openaiExportCsv: Dialect = {
  name: 'openai-export-csv',
  detect: (o) => 'num_model_requests' in o && 'input_tokens' in o && 'output_tokens' in o,
  normalize(o): Outcome {
    if (
      Object.entries(o).every(
        ([k, v]) => TIME_COLUMNS.has(k) || v === '' || v === null || v === undefined,
      )
    )
      return { skip: 'empty usage bucket' };
    const cached = num(o.input_cached_tokens, 'input_cached_tokens');
    const uncached =
      o.input_uncached_tokens !== undefined && o.input_uncached_tokens !== ''
        ? num(o.input_uncached_tokens, 'input_uncached_tokens')
        : Math.max(0, num(o.input_tokens, 'input_tokens') - cached);
    const ts = time(o.start_time_iso ?? o.start_time);
    const tags: Record<string, string> = {};
    for (const k of ['project_id', 'user_id', 'api_key_id', 'service_tier']) {
      const v = tagValue(o[k]);
      if (v) tags[k] = v;
    }
    return {
      model: str(o.model) ?? '(not grouped by model)',
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: uncached,
      cacheRead: cached,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: num(o.output_tokens, 'output_tokens'),
      reasoning: 0,
      requests: num(o.num_model_requests, 'num_model_requests') || 1,
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
