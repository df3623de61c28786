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

/**
 * The Activity page's per-request CSV export (one row per generation: `generation_id`, `created_at`
 * "2026-02-06 18:54:30.040" in UTC, `model_permaslug`, `provider_name`, `tokens_prompt`,
 * `tokens_completion`, `tokens_reasoning`, `tokens_cached`, `cost_total`, `byok_usage_inference`, …):
 * - `tokens_prompt` holds the cached tokens (`tokens_cached`, cache reads), as OpenRouter's usage
 *   accounting counts them inside `prompt_tokens`; `tokens_completion` holds the reasoning.
 * - `cost_total` is what OpenRouter charged and `byok_usage_inference` a bring-your-own-key provider's
 *   charge beside it: their sum is the logged cost. One row is one request, counted once per
 *   `generation_id` (exports of overlapping ranges read together).
 */
export const openrouterExportCsv: Dialect = {
  name: 'openrouter-export-csv',
  detect: (o) => 'generation_id' in o && 'tokens_prompt' in o && 'model_permaslug' in o,
  normalize(o): Outcome {
    const model = str(o.model_permaslug);
    if (!model) throw new BadRecord('missing field: model_permaslug');
    const prompt = num(o.tokens_prompt, 'tokens_prompt');
    const cached = Math.min(prompt, num(o.tokens_cached, 'tokens_cached'));
    const rec: UsageRecord = {
      model,
      servedBy: 'openrouter',
      input: prompt - cached,
      cacheRead: cached,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: num(o.tokens_completion, 'tokens_completion'),
      reasoning: num(o.tokens_reasoning, 'tokens_reasoning'),
      requests: 1,
    };
    const charged = optNum(o.cost_total, 'cost_total');
    const byok = optNum(o.byok_usage_inference, 'byok_usage_inference');
    if (charged !== undefined || byok !== undefined) rec.loggedCost = (charged ?? 0) + (byok ?? 0);
    const ts = time(o.created_at);
    if (ts !== undefined) rec.timestamp = ts;
    const id = str(o.generation_id);
    if (id) rec.dedup = { key: `openrouter:${id}`, keep: 'first' };
    const tags: Record<string, string> = {};
    for (const [k, tag] of [
      ['provider_name', 'provider'],
      ['api_key_name', 'key'],
      ['app_name', 'app'],
      ['user', 'user'],
    ] as const) {
      const v = tagValue(o[k]);
      if (v) tags[tag] = label(v);
    }
    if (Object.keys(tags).length) rec.tags = tags;
    return rec;
  },
};
