import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { label, num, obj, str, tagValue, time, type Obj } from '../values.js';
import { costLine } from './cost-reports.js';
import type { Dialect } from './types.js';

/**
 * Anthropic's Admin API reports (`GET /v1/organizations/usage_report/messages` and `/cost_report`): pages
 * `{data: [{starting_at, ending_at, results}], has_more, next_page}`, or one bucket per line.
 * - Usage results: `uncached_input_tokens`, `cache_read_input_tokens`, `cache_creation.ephemeral_5m/1h_input_tokens`,
 *   `output_tokens`, `server_tool_use.web_search_requests`; `model` is null unless the report is grouped by
 *   it. `service_tier: batch` is batch-priced. A row sums many requests, so the long-context price is
 *   decided by its `context_window` ("200k-1M"), never by its sum; a report not grouped by context window
 *   is priced at the base rate. The report counts no requests: its records carry 0.
 * - Cost results: `amount` is a decimal string in cents ("123.45" USD is $1.2345), read as a billed line
 *   (cost-reports.ts), named `<model>, <token_type>` or by its `description`.
 */
export const anthropicUsageApi: Dialect = {
  name: 'anthropic-usage-api',
  detect: (o) =>
    isBucket(o) || (Array.isArray(o.data) && 'has_more' in o && isBucket(obj(o.data[0]))),
  normalize(o): Outcome {
    const buckets = isBucket(o) ? [o] : (o.data as unknown[]);
    const out: UsageRecord[] = [];
    let skipped: Outcome | undefined;
    for (const b of buckets) {
      const bucket = obj(b);
      for (const item of Array.isArray(bucket?.results) ? bucket.results : []) {
        const r = obj(item);
        if (!r) continue;
        const got =
          'amount' in r ? costResult(r, bucket!.starting_at) : usageResult(r, bucket!.starting_at);
        if ('model' in got) out.push(got);
        else skipped ??= got;
      }
    }
    return out.length ? out : (skipped ?? { skip: 'usage report page without results' });
  },
};

function isBucket(o: Obj | undefined): boolean {
  return !!o && typeof o.starting_at === 'string' && 'ending_at' in o && Array.isArray(o.results);
}

/** Context windows the report names, as the prompt size of each request in them. */
const WINDOW: Record<string, number> = { '0-200k': 0, '200k-1M': 200_001 };

function usageResult(r: Obj, start: unknown): UsageRecord {
  const writes = obj(r.cache_creation) ?? {};
  const rec: UsageRecord = {
    model: str(r.model) ?? '(not grouped by model)',
    input: num(r.uncached_input_tokens, 'uncached_input_tokens'),
    cacheRead: num(r.cache_read_input_tokens, 'cache_read_input_tokens'),
    cacheWrite5m: num(writes.ephemeral_5m_input_tokens, 'ephemeral_5m_input_tokens'),
    cacheWrite1h: num(writes.ephemeral_1h_input_tokens, 'ephemeral_1h_input_tokens'),
    output: num(r.output_tokens, 'output_tokens'),
    reasoning: 0,
    requests: 0,
    promptSize: WINDOW[label(r.context_window)] ?? 0,
  };
  const searches = num(obj(r.server_tool_use)?.web_search_requests, 'web_search_requests');
  if (searches) rec.webSearches = searches;
  if (r.service_tier === 'batch') rec.batch = true;
  const ts = time(start);
  if (ts !== undefined) rec.timestamp = ts;
  const tags: Record<string, string> = {};
  for (const k of ['workspace_id', 'api_key_id', 'service_tier', 'context_window']) {
    const v = tagValue(r[k]);
    if (v) tags[k] = v;
  }
  if (Object.keys(tags).length) rec.tags = tags;
  return rec;
}

function costResult(r: Obj, start: unknown): Outcome {
  const cents = typeof r.amount === 'string' ? Number(r.amount) : r.amount;
  const dollars = typeof cents === 'number' && Number.isFinite(cents) ? cents / 100 : r.amount;
  const model = str(r.model);
  const kind = str(r.token_type) ?? str(r.cost_type);
  const item = model && kind ? `${model}, ${kind}` : (str(r.description) ?? kind ?? UNKNOWN_MODEL);
  const line = costLine(dollars, r.currency, item, start, undefined);
  const workspace = tagValue(r.workspace_id);
  if ('model' in line && workspace) line.tags = { workspace_id: workspace };
  return line;
}
