import { UNKNOWN_MODEL, type Outcome } from '../../core/usage-record.js';
import { num, obj, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Vercel AI SDK usage as apps log it, `{model, usage, providerMetadata, ...}`: v4 {promptTokens,
 * completionTokens}; v5 {inputTokens, outputTokens, cachedInputTokens, reasoningTokens}; v6+ adds
 * inputTokenDetails {noCacheTokens, cacheReadTokens, cacheWriteTokens}. Which input count holds the cache
 * depends on the version and, before v6, on the provider (see `cacheSplit`).
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
    const { input, read, write } = cacheSplit(u, obj(o.providerMetadata), model);
    const outDetails: Obj = obj(u.outputTokenDetails) ?? {};
    const ts = time(o.timestamp ?? response?.timestamp);
    return {
      // Usage logged bare (no model beside it) keeps its tokens, unpriced.
      model: model ?? UNKNOWN_MODEL,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input,
      cacheRead: read,
      cacheWrite5m: write,
      cacheWrite1h: 0,
      output: num(u.outputTokens ?? u.completionTokens),
      reasoning: num(outDetails.reasoningTokens ?? u.reasoningTokens),
      requests: 1,
    };
  },
};

/** Anthropic's model names, as the AI SDK's Anthropic, Bedrock and Vertex providers pass them on. */
const CLAUDE = /claude/i;

/**
 * The input split into uncached, cache reads and cache writes:
 * - v6 `inputTokenDetails`: inputTokens is the whole prompt, the details split it.
 * - Before v6 the AI SDK passes each provider's input on as it comes: Anthropic's (`@ai-sdk/anthropic`,
 *   Bedrock, Vertex: a Claude model or `providerMetadata.anthropic`) leaves the cache out, its reads in
 *   `cachedInputTokens` (v5) or `providerMetadata.anthropic.cacheReadInputTokens` (v4) and its writes in
 *   `providerMetadata.anthropic.cacheCreationInputTokens`; OpenAI's and Google's include the cached part
 *   (`cachedInputTokens`, v4 `providerMetadata.openai.cachedPromptTokens`).
 */
function cacheSplit(u: Obj, meta: Obj | undefined, model: string | undefined) {
  const total = num(u.inputTokens ?? u.promptTokens, 'inputTokens');
  const details = obj(u.inputTokenDetails);
  if (details) {
    const read = num(details.cacheReadTokens ?? u.cachedInputTokens, 'cacheReadTokens');
    const write = num(details.cacheWriteTokens, 'cacheWriteTokens');
    return { input: Math.max(0, total - read - write), read, write };
  }
  // Anthropic's or Bedrock's own counts, camelCased as apps log them: the input is what was neither read
  // from nor written to the cache (bedrock.ts reads them alike; a file read as AI SDK lines meets them here).
  const written = u.cacheCreationInputTokens ?? u.cacheWriteInputTokens;
  if (u.cacheReadInputTokens !== undefined || written !== undefined)
    return {
      input: total,
      read: num(u.cacheReadInputTokens, 'cacheReadInputTokens'),
      write: num(written, 'cacheCreationInputTokens'),
    };
  const anthropic = obj(meta?.anthropic);
  if (anthropic || (model !== undefined && CLAUDE.test(model)))
    return {
      input: total,
      read: num(u.cachedInputTokens ?? anthropic?.cacheReadInputTokens, 'cachedInputTokens'),
      write: num(anthropic?.cacheCreationInputTokens, 'cacheCreationInputTokens'),
    };
  const read = num(
    u.cachedInputTokens ?? obj(meta?.openai)?.cachedPromptTokens,
    'cachedInputTokens',
  );
  return { input: Math.max(0, total - read), read, write: 0 };
}
