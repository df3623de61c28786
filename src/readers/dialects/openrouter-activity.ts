import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { BadRecord, label, num, obj, optNum, str, tagValue, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * OpenRouter's activity (`GET /api/v1/activity`, the Activity page's data): `{data: [...]}` of one row per
 * day x model x endpoint, or one row per line; snake_case as the API writes it, camelCase as its SDKs do.
 * - `prompt_tokens`, `completion_tokens` (reasoning inside it: OpenRouter bills it as completion) and
 *   `reasoning_tokens` sum the row's `requests`; no cached count is given, so the calculated cost prices
 *   the whole prompt as input.
 * - `usage` is what OpenRouter charged (credits, USD) and `byok_usage_inference` what a bring-your-own-key
 *   provider charged beside it: their sum is the logged cost.
 * - A row sums many requests: the long-context price is never decided by its sum (priced at the base rate).
 */
export const openrouterActivity: Dialect = {
  name: 'openrouter-activity',
  detect: (o) => isRow(o) || (Array.isArray(o.data) && o.data.length > 0 && isRow(obj(o.data[0]))),
  normalize(o): Outcome {
    const rows = isRow(o) ? [o] : (o.data as unknown[]);
    const out: UsageRecord[] = [];
    for (const item of rows) {
      const r = obj(item);
      if (r) out.push(activityRow(r));
    }
    return out.length ? out : { skip: 'activity page without rows' };
  },
};

const field = (r: Obj, snake: string, camel: string): unknown => r[snake] ?? r[camel];

function isRow(o: Obj | undefined): boolean {
  return (
    !!o &&
    ('model_permaslug' in o || 'modelPermaslug' in o) &&
    ('prompt_tokens' in o || 'promptTokens' in o) &&
    'requests' in o
  );
}

function activityRow(r: Obj): UsageRecord {
  const model = str(r.model) ?? str(field(r, 'model_permaslug', 'modelPermaslug'));
  if (!model) throw new BadRecord('missing field: model');
  const charged = optNum(r.usage, 'usage');
  const byok = optNum(
    field(r, 'byok_usage_inference', 'byokUsageInference'),
    'byok_usage_inference',
  );
  const rec: UsageRecord = {
    model,
    servedBy: 'openrouter',
    input: num(field(r, 'prompt_tokens', 'promptTokens'), 'prompt_tokens'),
    cacheRead: 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: num(field(r, 'completion_tokens', 'completionTokens'), 'completion_tokens'),
    reasoning: num(field(r, 'reasoning_tokens', 'reasoningTokens'), 'reasoning_tokens'),
    requests: num(r.requests, 'requests'),
    promptSize: 0,
  };
  if (charged !== undefined || byok !== undefined) rec.loggedCost = (charged ?? 0) + (byok ?? 0);
  const ts = time(r.date);
  if (ts !== undefined) rec.timestamp = ts;
  const provider = tagValue(field(r, 'provider_name', 'providerName'));
  if (provider) rec.tags = { provider: label(provider) };
  return rec;
}
