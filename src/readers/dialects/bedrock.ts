import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { label, num, obj, str, tagValue, time, type Obj } from '../values.js';
import { batchMessage } from './anthropic.js';
import type { Dialect } from './types.js';

/** Bedrock model-invocation logs: token counts exclude cache reads and writes. */
export const bedrockInvocation: Dialect = {
  name: 'bedrock-invocation',
  detect: (o) =>
    o.schemaType === 'ModelInvocationLog' ||
    ('modelId' in o && obj(o.input)?.inputTokenCount !== undefined),
  normalize(o): Outcome {
    const input = obj(o.input) ?? {};
    const output = obj(o.output) ?? {};
    const model = str(o.modelId);
    if (!model) return { invalid: 'no modelId' };
    if (o.errorCode || (o.status && o.status !== 'Success' && o.status !== 'success'))
      return { skip: 'failed invocation' };
    const ts = time(o.timestamp);
    const meta = obj(o.requestMetadata);
    const tags = meta
      ? Object.fromEntries(Object.entries(meta).map(([k, v]) => [k, tagValue(v) ?? '']))
      : undefined;
    return {
      model,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: num(input.inputTokenCount, 'inputTokenCount'),
      cacheRead: num(input.cacheReadInputTokenCount, 'cacheReadInputTokenCount'),
      cacheWrite5m: num(input.cacheWriteInputTokenCount, 'cacheWriteInputTokenCount'),
      cacheWrite1h: 0,
      output: num(output.outputTokenCount, 'outputTokenCount'),
      reasoning: 0,
      requests: 1,
      ...(tags ? { tags } : {}),
      ...(str(o.requestId)
        ? { dedup: { key: `bedrock:${o.requestId}`, keep: 'first' as const } }
        : {}),
    };
  },
};

/**
 * Converse usage as apps log it: {modelId, usage: {inputTokens, outputTokens, cacheRead/WriteInputTokens}};
 * also Anthropic's own counts camelCased as apps log them (`cacheCreationInputTokens` for the writes), which
 * follow the same rule: the input is what was neither read from nor written to the cache.
 */
export const bedrockConverse: Dialect = {
  name: 'bedrock-converse',
  detect: (o) => {
    const u = obj(o.usage);
    return (
      !!u &&
      'inputTokens' in u &&
      ('cacheReadInputTokens' in u ||
        'cacheWriteInputTokens' in u ||
        'cacheCreationInputTokens' in u ||
        /^(arn:aws|([a-z-]+\.)?(anthropic|meta|amazon|mistral|cohere|ai21|deepseek|qwen|openai|writer)\.)/.test(
          label(o.modelId ?? ''),
        ))
    );
  },
  normalize(o): Outcome {
    // A Converse response names no model (the request did): logged bare, its tokens stay, unpriced.
    const model = str(o.modelId) ?? str(o.model) ?? UNKNOWN_MODEL;
    const ts = time(o.timestamp);
    return {
      model,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      ...converseBuckets(obj(o.usage)!),
    };
  },
};

/**
 * Converse usage, one request: `inputTokens` is what was neither read from nor written to the cache,
 * beside `cacheReadInputTokens` and `cacheWriteInputTokens` (Nova's batch output spells them `…Count`;
 * apps camelCase Anthropic's writes as `cacheCreationInputTokens`). Shared by every reader of the shape:
 * Converse lines, ConverseStream's metadata event, batch output, Opik's original usage.
 */
export function converseBuckets(u: Obj): Omit<UsageRecord, 'model'> {
  return {
    input: num(u.inputTokens, 'inputTokens'),
    cacheRead: num(u.cacheReadInputTokens ?? u.cacheReadInputTokenCount, 'cacheReadInputTokens'),
    cacheWrite5m: num(
      u.cacheWriteInputTokens ?? u.cacheCreationInputTokens ?? u.cacheWriteInputTokenCount,
      'cacheWriteInputTokens',
    ),
    cacheWrite1h: 0,
    output: num(u.outputTokens, 'outputTokens'),
    reasoning: 0,
    requests: 1,
  };
}

/**
 * Bedrock batch inference output (`<input>.jsonl.out`: `recordId`, `modelInput`, `modelOutput` or `error`),
 * billed at Bedrock's batch prices. `modelOutput` is the model's InvokeModel body: an Anthropic message is
 * read as one (its model named inside); Amazon Nova's `usage` (`inputTokens`, `outputTokens`, cache counts)
 * keeps its tokens under "(unknown model)", since the record does not name the job's model.
 */
export const bedrockBatch: Dialect = {
  name: 'bedrock-batch',
  detect: (o) => typeof o.recordId === 'string' && 'modelInput' in o,
  normalize(o): Outcome {
    const out = obj(o.modelOutput);
    if (!out) return { skip: 'failed batch record' };
    if (out.type === 'message' && obj(out.usage)) return batchMessage(out);
    const u = obj(out.usage);
    if (!u || !('inputTokens' in u)) return { invalid: 'modelOutput usage' };
    return novaUsage(u);
  },
};

/** Nova's batch output usage: the job's model is not in the record. */
function novaUsage(u: Obj): Outcome {
  return { model: UNKNOWN_MODEL, ...converseBuckets(u), batch: true };
}
