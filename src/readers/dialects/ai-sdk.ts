import { UNKNOWN_MODEL, type Outcome } from '../../core/usage-record.js';
import { num, obj, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Vercel AI SDK usage as apps log it, `{model, usage, ...}`: v4 {promptTokens, completionTokens};
 * v5 {inputTokens, outputTokens, cachedInputTokens, reasoningTokens}; v6+ adds inputTokenDetails
 * {noCacheTokens, cacheReadTokens, cacheWriteTokens}. inputTokens includes cached tokens.
 */
export const aiSdk: Dialect = {
  name: 'ai-sdk',
  detect: (o) => {
    const u = obj(o.usage);
    return !!u && ('promptTokens' in u || 'inputTokens' in u) && !('prompt_tokens' in u);
  },
  normalize(o): Outcome {
    const u = obj(o.usage)!;
    const response = obj(o.response);
    const model =
      str(o.model) ?? str(o.modelId) ?? str(response?.modelId) ?? str(obj(o.model)?.modelId);
    const details: Obj = obj(u.inputTokenDetails) ?? {};
    const total = num(u.inputTokens ?? u.promptTokens);
    const read = num(details.cacheReadTokens ?? u.cachedInputTokens);
    const write = num(details.cacheWriteTokens, 'cacheWriteTokens');
    const outDetails: Obj = obj(u.outputTokenDetails) ?? {};
    const ts = time(o.timestamp ?? response?.timestamp);
    return {
      // Usage logged bare (no model beside it) keeps its tokens, unpriced.
      model: model ?? UNKNOWN_MODEL,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: Math.max(0, total - read - write),
      cacheRead: read,
      cacheWrite5m: write,
      cacheWrite1h: 0,
      output: num(u.outputTokens ?? u.completionTokens),
      reasoning: num(outDetails.reasoningTokens ?? u.reasoningTokens),
      requests: 1,
    };
  },
};
