import { servedBy } from '../../core/served.js';
import type { Outcome } from '../../core/usage-record.js';
import {
  bool,
  label,
  num,
  obj,
  objectOrJson,
  optNum,
  str,
  tagValue,
  time,
  type Obj,
} from '../values.js';
import type { Dialect } from './types.js';

function tagsOf(o: Obj): Record<string, string> {
  const tags: Record<string, string> = {};
  let list: unknown = o.request_tags;
  if (typeof list === 'string') {
    try {
      list = JSON.parse(list);
    } catch {
      list = [];
    }
  }
  if (Array.isArray(list) && list.length) tags.tags = list.map(label).join(',');
  const meta = objectOrJson(o.metadata) ?? {};
  for (const [k, out] of [
    ['user_api_key_alias', 'key'],
    ['user_api_key_team_alias', 'team'],
    ['user_api_key_user_id', 'user'],
  ] as const) {
    const v = tagValue(meta[k]);
    if (v) tags[out] = v;
  }
  const user = tagValue(o.end_user ?? o.user);
  if (user && !tags.user) tags.user = user;
  return tags;
}

/**
 * LiteLLM proxy StandardLoggingPayload and LiteLLM_SpendLogs rows. prompt_tokens is read as inclusive of
 * cache tokens; cache splits come from metadata.usage_object. Response-cache hits made no provider call.
 */
export const litellm: Dialect = {
  name: 'litellm',
  detect: (o) => 'prompt_tokens' in o && ('response_cost' in o || 'spend' in o) && 'model' in o,
  normalize(o): Outcome {
    if (bool(o.cache_hit)) return { skip: 'LiteLLM response-cache hit (no provider call)' };
    if (o.status === 'failure') return { skip: 'failed request' };
    const model = str(o.model);
    if (!model) return { invalid: 'no model' };
    const meta = objectOrJson(o.metadata) ?? {};
    const uo = obj(meta.usage_object) ?? {};
    const details = obj(uo.prompt_tokens_details) ?? {};
    const cacheRead = num(uo.cache_read_input_tokens ?? details.cached_tokens);
    const cacheWrite = num(uo.cache_creation_input_tokens, 'cache_creation_input_tokens');
    const ts = time(o.startTime);
    const cost = optNum(o.response_cost ?? o.spend);
    const id = str(o.id) ?? str(o.request_id);
    const tags = tagsOf(o);
    const served = servedBy(str(o.custom_llm_provider));
    return {
      model,
      ...(served ? { servedBy: served } : {}),
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: Math.max(0, num(o.prompt_tokens, 'prompt_tokens') - cacheRead - cacheWrite),
      cacheRead,
      cacheWrite5m: cacheWrite,
      cacheWrite1h: 0,
      output: num(o.completion_tokens, 'completion_tokens'),
      reasoning: num(obj(uo.completion_tokens_details)?.reasoning_tokens),
      requests: 1,
      ...(cost !== undefined ? { loggedCost: cost } : {}),
      ...(Object.keys(tags).length ? { tags } : {}),
      ...(id ? { dedup: { key: `litellm:${id}`, keep: 'first' as const } } : {}),
    };
  },
};
