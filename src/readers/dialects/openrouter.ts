import type { Outcome } from '../../core/usage-record.js';
import { num, obj, optNum, str, time } from '../values.js';
import type { Dialect } from './types.js';

/**
 * OpenRouter generation stats (GET /api/v1/generation, `{data: {...}}` or bare). Billing uses the native_*
 * counts; native_tokens_prompt is read as including native_tokens_cached, and completion as including
 * reasoning (the OpenAI-style reading).
 */
export const openrouter: Dialect = {
  name: 'openrouter',
  detect: (o) =>
    'native_tokens_prompt' in o ||
    (obj(o.data) !== undefined && 'native_tokens_prompt' in obj(o.data)!),
  normalize(o): Outcome {
    const d = obj(o.data) ?? o;
    const model = str(d.model);
    if (!model) return { invalid: 'no model' };
    const cached = num(d.native_tokens_cached, 'native_tokens_cached');
    const ts = time(d.created_at);
    const cost = optNum(d.total_cost ?? d.usage);
    const provider = str(d.provider_name);
    return {
      model,
      // The bill is OpenRouter's, whichever upstream provider (provider_name) ran the model.
      servedBy: 'openrouter',
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: Math.max(0, num(d.native_tokens_prompt, 'native_tokens_prompt') - cached),
      cacheRead: cached,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: num(d.native_tokens_completion, 'native_tokens_completion'),
      reasoning: num(d.native_tokens_reasoning, 'native_tokens_reasoning'),
      requests: 1,
      ...(cost !== undefined ? { loggedCost: cost } : {}),
      ...(provider ? { tags: { provider } } : {}),
      ...(str(d.id) ? { dedup: { key: `openrouter:${d.id}`, keep: 'first' as const } } : {}),
    };
  },
};
