import { UNKNOWN_MODEL, type Outcome } from '../../core/usage-record.js';
import { num, obj, str, time } from '../values.js';
import { openaiUsage } from './openai.js';
import type { Dialect } from './types.js';

/**
 * OpenAI Batch objects (`GET /v1/batches/{id}`: `object: "batch"`), which report the whole job's usage in
 * the Responses API's shape: `usage.input_tokens` includes `input_tokens_details.cached_tokens`, and
 * `output_tokens` includes `output_tokens_details.reasoning_tokens` (openaiUsage's rules).
 * - One record a job, batch-priced, counting `request_counts.completed` requests: a long-context tier is
 *   decided on the average prompt of the job's requests, never on its sum.
 * - Its day: `completed_at`, else `created_at`.
 * - A job saved again each time it was polled counts once: kept largest under its id. A job without usage
 *   (still running, or created before OpenAI reported it) is skipped by reason.
 */
export const openaiBatchJob: Dialect = {
  name: 'openai-batch-job',
  detect: (o) => o.object === 'batch' && typeof o.endpoint === 'string',
  normalize(o): Outcome {
    const u = obj(o.usage);
    if (!u) return { skip: 'batch job without usage' };
    const id = str(o.id);
    const r = openaiUsage(u, str(o.model) ?? UNKNOWN_MODEL, time(o.completed_at ?? o.created_at), {
      batch: true,
      ...(id ? { dedup: { key: `openai-batch-job:${id}`, keep: 'largest' as const } } : {}),
    });
    r.requests = num(obj(o.request_counts)?.completed, 'request_counts.completed');
    return r;
  },
};
