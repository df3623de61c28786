import { z } from 'zod';

/** Accepts 0.4 or "40%". */
const rate = z.preprocess(
  (v) =>
    typeof v === 'string' && v.trim().endsWith('%') ? Number(v.trim().slice(0, -1)) / 100 : v,
  z.number().min(0, 'must be from 0 to 1').max(1, 'must be from 0 to 1'),
);
const growthRate = z.preprocess(
  (v) =>
    typeof v === 'string' && v.trim().endsWith('%') ? Number(v.trim().slice(0, -1)) / 100 : v,
  z.number().gt(-1, 'must be above -100%').max(10, 'must be at most 1000% a month'),
);
const tokens = z
  .number()
  .nonnegative('must not be negative')
  .max(1e12, 'must be at most 1,000,000,000,000');

const route = z.strictObject({
  share: rate,
  model: z.string().min(1),
  input: tokens.optional(),
  output: tokens.optional(),
  cachedPrefix: tokens.optional(),
});

export const scenarioSchema = z.strictObject({
  model: z.string().min(1).optional(),
  requests: tokens.optional(),
  per: z.enum(['day', 'month']).optional(),
  input: tokens.optional(),
  output: tokens.optional(),
  daysPerMonth: z.number().int().positive().optional(),
  cacheHitRate: rate.optional(),
  cachedPrefix: tokens.optional(),
  prefixHitRate: rate.optional(),
  cacheTtl: z.enum(['5m', '1h']).optional(),
  batchShare: rate.optional(),
  maxOutput: tokens.optional(),
  growth: growthRate.optional(),
  months: z.number().int().positive().max(120).optional(),
  budget: z.string().optional(),
  compare: z.array(z.string()).optional(),
  routes: z.array(route).min(1).optional(),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;

/** A scenario as written (rates may be "40%" text), before validation. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
