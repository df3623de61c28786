import { FLAT_MODALITY_FIELDS } from '../../readers/dialects/flat.js';
import type { UsageRecord } from '../../core/usage-record.js';

/**
 * One call as a flat llmcost JSONL record (the `llmcost` dialect `analyze` reads; README, "Log formats"):
 * exclusive buckets, the model as the provider named it, the cost at the time of the call (absent for a
 * model the catalog does not know), the tags, and the response id for joining with other logs.
 */
export function logLine(
  r: UsageRecord,
  at: number,
  cost: number | undefined,
  tags: Record<string, string> | undefined,
  responseId: string | undefined,
): string {
  const o: Record<string, unknown> = {
    timestamp: new Date(at).toISOString(),
    model: r.model,
    input_tokens: r.input,
    cache_read_tokens: r.cacheRead,
    cache_write_tokens: r.cacheWrite5m,
    cache_write_1h_tokens: r.cacheWrite1h,
    output_tokens: r.output,
    reasoning_tokens: r.reasoning,
    requests: r.requests,
  };
  for (const [key, field] of FLAT_MODALITY_FIELDS) if (r[key]) o[field] = r[key];
  if (cost !== undefined) o.cost = cost;
  if (r.batch) o.batch = true;
  if (tags && Object.keys(tags).length) o.tags = tags;
  if (responseId) o.response_id = responseId;
  return `${JSON.stringify(o)}\n`;
}
