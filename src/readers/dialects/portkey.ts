import { servedBy } from '../../core/served.js';
import {
  inputOutputRecord,
  UNKNOWN_MODEL,
  type Outcome,
  type UsageRecord,
} from '../../core/usage-record.js';
import { bool, num, obj, optNum, str, tagValue, time, type Obj } from '../values.js';
import { appLog } from './app-log.js';
import type { Dialect } from './types.js';

/** Cache statuses of a response Portkey served itself: no provider call was made. */
const SERVED_FROM_CACHE = new Set(['HIT', 'SEMANTIC HIT']);

/**
 * Portkey's logs export (JSONL, one request a line): `created_at`, `ai_org`, `ai_model`, `req_units` and
 * `res_units` (tokens of the request and the response), `cost` in cents (USD), `cache_status`, `is_success`,
 * and the provider's `response.body` (a key of its own, or nested). The response body's own usage is read
 * when it is there (it splits cached, cache-write and reasoning tokens, which the units do not), else the
 * units as input and output. A response from Portkey's cache made no provider call and is skipped.
 */
export const portkey: Dialect = {
  name: 'portkey',
  detect: (o) => typeof o.ai_model === 'string' && ('req_units' in o || 'res_units' in o),
  normalize(o): Outcome {
    if (SERVED_FROM_CACHE.has((str(o.cache_status) ?? '').toUpperCase()))
      return { skip: 'Portkey cache hit (no provider call)' };
    const model = str(o.ai_model) ?? UNKNOWN_MODEL;
    const body = obj(o['response.body']) ?? obj(obj(o.response)?.body);
    const fromBody = body && appLog.detect(body) ? appLog.normalize(body) : undefined;
    let r: UsageRecord;
    if (fromBody && 'model' in fromBody && !Array.isArray(fromBody)) {
      r = { ...fromBody, model: fromBody.model === UNKNOWN_MODEL ? model : fromBody.model };
      delete r.tags;
      delete r.dedup;
    } else {
      const input = num(o.req_units, 'req_units');
      const output = num(o.res_units, 'res_units');
      if (!input && !output && o.is_success !== undefined && !bool(o.is_success))
        return { skip: 'Portkey failed request without tokens' };
      r = inputOutputRecord(model, input, output);
    }
    const ts = time(o.created_at);
    if (ts !== undefined) r.timestamp = ts;
    const currency = str(o.cost_currency)?.toUpperCase();
    const cents = optNum(o.cost, 'cost');
    if (cents !== undefined && (currency === undefined || currency === 'USD'))
      r.loggedCost = cents / 100;
    const served = servedBy(str(o.ai_org));
    if (served) r.servedBy = served;
    const tags = tagsOf(o);
    if (tags) r.tags = tags;
    if (str(o.id)) r.dedup = { key: `portkey:${o.id as string}`, keep: 'first' };
    return r;
  },
};

/** The request's metadata (Portkey's `x-portkey-metadata`: `_user` and the keys a team adds). */
function tagsOf(o: Obj): Record<string, string> | undefined {
  const meta = obj(o.metadata);
  if (!meta) return undefined;
  const tags: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [k, v] of Object.entries(meta)) {
    const value = tagValue(v);
    if (value !== undefined && typeof v !== 'object') tags[k === '_user' ? 'user' : k] = value;
  }
  return Object.keys(tags).length ? tags : undefined;
}
