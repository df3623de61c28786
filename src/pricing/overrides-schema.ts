import { PRICE_UNITS, TOKENIZERS, TOKEN_UNITS } from '../core/buckets.js';
import { z } from 'zod';

const price = z
  .number()
  .nonnegative()
  .max(10_000, 'more than $10,000 per 1M tokens: a units slip?');

/** An optional price for each unit named, from the one registry of units. */
function prices<U extends string>(units: readonly U[]) {
  return Object.fromEntries(units.map((u) => [u, price.optional()])) as Record<
    U,
    z.ZodOptional<typeof price>
  >;
}

const tier = z.strictObject({
  threshold: z.number().int().positive(),
  ...prices(TOKEN_UNITS),
  input: price,
  output: price,
});

/** One model in a pricing override file: a new model (id + input + output) or fields to change on one. */
export const modelOverride = z.strictObject({
  id: z.string().min(1),
  name: z.string().optional(),
  provider: z.string().optional(),
  aliases: z.array(z.string().min(1)).optional(),
  ...prices(PRICE_UNITS),
  tiers: z.array(tier).optional(),
  discount: z.number().min(0).max(1).optional(),
  contextWindow: z.number().int().positive().optional(),
  maxOutput: z.number().int().positive().optional(),
  tokenizer: z.enum(TOKENIZERS).optional(),
  minCacheTokens: z.number().int().nonnegative().optional(),
});

export const pricingFile = z.strictObject({
  models: z.array(modelOverride),
});

export type ModelOverride = z.infer<typeof modelOverride>;
export type PricingFile = z.infer<typeof pricingFile>;
