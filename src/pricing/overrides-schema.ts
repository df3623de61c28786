import { z } from 'zod';

const price = z
  .number()
  .nonnegative()
  .max(10_000, 'more than $10,000 per 1M tokens: a units slip?');

const tier = z.strictObject({
  threshold: z.number().int().positive(),
  input: price,
  output: price,
  cacheRead: price.optional(),
  cacheWrite5m: price.optional(),
  cacheWrite1h: price.optional(),
});

/** One model in a pricing override file: a new model (id + input + output) or fields to change on one. */
export const modelOverride = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  provider: z.string().optional(),
  aliases: z.array(z.string().min(1)).optional(),
  input: price.optional(),
  output: price.optional(),
  cacheRead: price.optional(),
  cacheWrite5m: price.optional(),
  cacheWrite1h: price.optional(),
  batchInput: price.optional(),
  batchOutput: price.optional(),
  tiers: z.array(tier).optional(),
  discount: z.number().min(0).max(1).optional(),
  contextWindow: z.number().int().positive().optional(),
  maxOutput: z.number().int().positive().optional(),
  tokenizer: z
    .enum([
      'o200k_base',
      'cl100k_base',
      'claude',
      'gemini',
      'llama',
      'mistral',
      'deepseek',
      'grok',
      'other',
    ])
    .optional(),
  minCacheTokens: z.number().int().nonnegative().optional(),
});

export const pricingFile = z.strictObject({
  models: z.array(modelOverride),
});

export type ModelOverride = z.infer<typeof modelOverride>;
export type PricingFile = z.infer<typeof pricingFile>;
