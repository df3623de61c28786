import { servedBy } from '../../core/served.js';
import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { label, obj, optNum, str, tagValue, time, type Obj } from '../values.js';
import { openaiUsage } from './openai.js';
import type { Dialect } from './types.js';

/**
 * Kong AI Gateway's analytics in a Kong log entry (file-log, http-log, ...): `ai.<plugin>` per AI plugin that
 * called a model (`proxy` for AI Proxy, and the transformer plugins' own calls), each with `usage`, `meta`
 * and, from 3.8, `cache`. Every plugin entry with usage is one request.
 * - `usage.prompt_tokens`/`completion_tokens` (`prompt_token`/`completion_token` before 3.9) in OpenAI's
 *   normalized form: the prompt includes `prompt_tokens_details.cached_tokens` (3.11+), completion includes
 *   reasoning (openai.ts's rules).
 * - `usage.cost` is what the gateway computed from the per-token costs an admin configured; with none
 *   configured it writes 0, so only a cost above 0 is taken as logged.
 * - `cache.cache_status: Hit` is an answer from Kong's semantic cache (no provider call): skipped.
 * - The model is `meta.response_model` (else `request_model`), served by `meta.provider_name`; the entry's
 *   `service`, `route` and `consumer` names become tags; `started_at` is the time.
 */
export const kong: Dialect = {
  name: 'kong-ai-gateway',
  detect: (o) => pluginEntries(o).length > 0,
  normalize(o): Outcome {
    const records: UsageRecord[] = [];
    let skipped: Outcome | undefined;
    for (const [plugin, entry] of pluginEntries(o)) {
      const got = pluginRecord(o, plugin, entry);
      if ('model' in got) records.push(got);
      else skipped ??= got;
    }
    return records.length ? records : (skipped ?? { skip: 'Kong log without AI usage' });
  },
};

/** The AI plugins' entries of a log (those with usage and meta). */
function pluginEntries(o: Obj): [string, Obj][] {
  const ai = obj(o.ai);
  if (!ai) return [];
  const out: [string, Obj][] = [];
  for (const k of Object.keys(ai)) {
    const entry = obj(ai[k]);
    if (entry && obj(entry.usage) && obj(entry.meta)) out.push([k, entry]);
  }
  return out;
}

function pluginRecord(o: Obj, plugin: string, entry: Obj): UsageRecord | { skip: string } {
  if (label(obj(entry.cache)?.cache_status ?? '').toLowerCase() === 'hit')
    return { skip: 'Kong semantic cache hit (no provider call)' };
  const u = obj(entry.usage)!;
  const meta = obj(entry.meta)!;
  const usage: Obj = {
    prompt_tokens: u.prompt_tokens ?? u.prompt_token,
    completion_tokens: u.completion_tokens ?? u.completion_token,
    total_tokens: u.total_tokens,
    prompt_tokens_details: u.prompt_tokens_details,
    completion_tokens_details: u.completion_tokens_details,
  };
  const model = str(meta.response_model) ?? str(meta.request_model) ?? UNKNOWN_MODEL;
  const r = openaiUsage(usage, model, time(o.started_at));
  const cost = optNum(u.cost, 'cost');
  if (cost !== undefined && cost > 0) r.loggedCost = cost;
  const served = servedBy(str(meta.provider_name));
  if (served) r.servedBy = served;
  const tags = tagsOf(o);
  if (tags) r.tags = tags;
  const id = str(obj(o.request)?.id);
  if (id) r.dedup = { key: `kong:${id}:${plugin}`, keep: 'first' };
  return r;
}

function tagsOf(o: Obj): Record<string, string> | undefined {
  const tags: Record<string, string> = Object.create(null) as Record<string, string>;
  const service = tagValue(obj(o.service)?.name);
  const route = tagValue(obj(o.route)?.name);
  const consumer = obj(o.consumer);
  const who = tagValue(consumer?.username ?? consumer?.custom_id);
  if (service) tags.service = service;
  if (route) tags.route = route;
  if (who) tags.consumer = who;
  return Object.keys(tags).length ? tags : undefined;
}
