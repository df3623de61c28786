import { servedBy } from '../../core/served.js';
import {
  inputOutputRecord,
  UNKNOWN_MODEL,
  type Outcome,
  type UsageRecord,
} from '../../core/usage-record.js';
import { bool, num, obj, objectOrJson, optNum, str, tagValue, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Cloudflare AI Gateway's logs (`GET /accounts/{account}/ai-gateway/gateways/{gateway}/logs`: the API's
 * `{result: [...], result_info, success}`, or one log a line): `provider`, `model`, `tokens_in`,
 * `tokens_out`, `cost` (USD, Cloudflare's or the `custom_cost` a caller set), `cached`, `success`,
 * `created_at`, `metadata` (the `cf-aig-metadata` a request carried, as JSON text).
 * - `tokens_in` is the whole prompt (no cached count is given: the calculated cost prices it all as input;
 *   the logged cost, counted by default, is Cloudflare's own) and `tokens_out` the completion.
 * - A response served from the gateway's cache (`cached: true`) made no provider call: skipped. A failed
 *   request without tokens is skipped too; one with tokens was billed and counts.
 */
export const cloudflareGateway: Dialect = {
  name: 'cloudflare-ai-gateway',
  detect: (o) =>
    isLog(o) || (Array.isArray(o.result) && o.result.length > 0 && isLog(obj(o.result[0]))),
  normalize(o): Outcome {
    if (isLog(o)) return gatewayLog(o);
    const out: UsageRecord[] = [];
    let skipped: Outcome | undefined;
    for (const item of o.result as unknown[]) {
      const log = obj(item);
      if (!log) continue;
      const got = gatewayLog(log);
      if ('model' in got) out.push(got);
      else skipped ??= got;
    }
    return out.length ? out : (skipped ?? { skip: 'AI Gateway page without logs' });
  },
};

function isLog(o: Obj | undefined): boolean {
  return !!o && 'tokens_in' in o && 'tokens_out' in o && 'provider' in o && 'model' in o;
}

function gatewayLog(o: Obj): UsageRecord | { skip: string } {
  if (o.cached !== undefined && bool(o.cached))
    return { skip: 'AI Gateway cache hit (no provider call)' };
  const input = num(o.tokens_in, 'tokens_in');
  const output = num(o.tokens_out, 'tokens_out');
  if (!input && !output && o.success !== undefined && !bool(o.success))
    return { skip: 'AI Gateway failed request without tokens' };
  const r = inputOutputRecord(str(o.model) ?? UNKNOWN_MODEL, input, output);
  const ts = time(o.created_at);
  if (ts !== undefined) r.timestamp = ts;
  const cost = optNum(o.cost, 'cost');
  if (cost !== undefined) r.loggedCost = cost;
  const served = servedBy(str(o.provider));
  if (served) r.servedBy = served;
  const tags = metadataTags(o.metadata);
  if (tags) r.tags = tags;
  if (str(o.id)) r.dedup = { key: `cloudflare:${o.id as string}`, keep: 'first' };
  return r;
}

/** `cf-aig-metadata` (up to five keys of text, numbers or booleans), as JSON text or an object. */
function metadataTags(v: unknown): Record<string, string> | undefined {
  const meta = objectOrJson(v);
  if (!meta) return undefined;
  const tags: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, value] of Object.entries(meta)) {
    const text = typeof value === 'object' ? undefined : tagValue(value);
    if (text !== undefined) tags[k] = text;
  }
  return Object.keys(tags).length ? tags : undefined;
}
