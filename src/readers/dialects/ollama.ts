import type { Outcome } from '../../core/usage-record.js';
import { num, str, time } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Ollama /api/generate and /api/chat: only the final object (done: true) has counts. prompt_eval_count is
 * omitted when the prompt came from Ollama's KV cache, which reads as 0 new prompt tokens.
 */
export const ollama: Dialect = {
  name: 'ollama',
  detect: (o) =>
    typeof o.done === 'boolean' &&
    'model' in o &&
    ('eval_count' in o || 'response' in o || 'message' in o),
  normalize(o): Outcome {
    if (o.done !== true) return { skip: 'stream chunk without usage' };
    const model = str(o.model);
    if (!model) return { invalid: 'no model' };
    const ts = time(o.created_at);
    return {
      model,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: num(o.prompt_eval_count, 'prompt_eval_count'),
      cacheRead: 0,
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: num(o.eval_count, 'eval_count'),
      reasoning: 0,
      requests: 1,
      tags: { provider: 'ollama (local)' },
    };
  },
};
