import { z } from 'zod';
import { pricingFile } from '../pricing/overrides-schema.js';

const flagValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.array(z.union([z.string(), z.number()])),
]);
/** A command's section holds defaults for its flags (camelCase names), checked against the command's options. */
const flagDefaults = z.record(z.string(), z.unknown());

export const budgetRule = z.strictObject({
  path: z.string().min(1),
  maxTokens: z.number().int().positive(),
});

export const configSchema = z.strictObject({
  pricing: pricingFile.optional(),
  compare: flagDefaults.optional(),
  estimate: flagDefaults.optional(),
  count: flagDefaults.optional(),
  analyze: flagDefaults.optional(),
  models: flagDefaults.optional(),
  /** `prices update` defaults: `from: [url, url]` points it at other copies of the maps. */
  prices: flagDefaults.optional(),
});

export type Config = z.infer<typeof configSchema>;
export { flagValue };
