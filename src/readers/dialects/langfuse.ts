import type { Outcome } from '../../core/usage-record.js';
import { label, num, obj, optNum, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

const READ_KEYS = [
  'input_cached_tokens',
  'cache_read_input_tokens',
  'input_cache_read',
  'cached_tokens',
];
const WRITE_KEYS = ['cache_creation_input_tokens', 'input_cache_creation', 'input_cache_write'];

/**
 * Langfuse observations (public API camelCase, blob export snake_case). Usage-detail keys are disjoint
 * buckets; like Langfuse, every key containing "input" is input and every key containing "output" output.
 */
export const langfuse: Dialect = {
  name: 'langfuse',
  detect: (o) =>
    (o.type === 'GENERATION' ||
      o.type === 'SPAN' ||
      o.type === 'EVENT' ||
      o.type === 'EMBEDDING') &&
    ('usageDetails' in o || 'usage_details' in o || 'traceId' in o || 'trace_id' in o),
  normalize(o): Outcome {
    if (o.type !== 'GENERATION' && o.type !== 'EMBEDDING')
      return { skip: `Langfuse ${label(o.type).toLowerCase()} (no usage)` };
    const details: Obj = obj(o.usageDetails) ?? obj(o.usage_details) ?? {};
    const model = str(o.providedModelName) ?? str(o.provided_model_name) ?? str(o.model);
    if (!model) return { invalid: 'no model' };
    let input = 0;
    let cacheRead = 0;
    let cacheWrite = 0;
    let output = 0;
    for (const [k, v] of Object.entries(details)) {
      const n = () => num(v, `usage detail ${k}`);
      if (READ_KEYS.includes(k)) cacheRead += n();
      else if (WRITE_KEYS.includes(k)) cacheWrite += n();
      else if (k.includes('input')) input += n();
      else if (k.includes('output')) output += n();
    }
    const costs = obj(o.costDetails) ?? obj(o.cost_details);
    const cost = optNum(costs?.total ?? o.total_cost ?? o.calculatedTotalCost);
    const ts = time(o.startTime ?? o.start_time);
    const tags: Record<string, string> = {};
    if (Array.isArray(o.tags) && o.tags.length) tags.tags = o.tags.map(label).join(',');
    const user = str(o.userId) ?? str(o.user_id);
    if (user) tags.user = user;
    const trace = str(o.traceName) ?? str(o.trace_name);
    if (trace) tags.trace = trace;
    const id = str(o.id);
    return {
      model,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input,
      cacheRead,
      cacheWrite5m: cacheWrite,
      cacheWrite1h: 0,
      output,
      reasoning: num(details.output_reasoning_tokens ?? details.reasoning_tokens),
      requests: 1,
      ...(cost !== undefined ? { loggedCost: cost } : {}),
      ...(Object.keys(tags).length ? { tags } : {}),
      ...(id ? { dedup: { key: `langfuse:${id}`, keep: 'first' as const } } : {}),
    };
  },
};
