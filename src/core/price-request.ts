import { costOf } from './cost.js';
import { periodAt, ratesFor, type Rates } from './price-period.js';
import type { CostBreakdown, ModelRecord, TokenBuckets } from './types.js';
import { promptTokens } from './buckets.js';

export interface RequestContext {
  /** UTC day the request was made (YYYY-MM-DD); selects the price period. */
  day?: string;
  /** UTC time of day (HH:MM); selects a daily price window. */
  time?: string;
  batch?: boolean;
}

export interface PricedRequest {
  cost: CostBreakdown;
  rates: Rates;
}

/** Prices one request's tokens: period by date, tier by the whole prompt (cliff rule), then batch. */
export function priceRequest(
  record: ModelRecord,
  tokens: TokenBuckets,
  ctx: RequestContext = {},
): PricedRequest {
  const period = periodAt(record, ctx.day);
  const rates = ratesFor(record, period, {
    promptTokens: promptTokens(tokens),
    ...(ctx.batch ? { batch: true } : {}),
    ...(ctx.time ? { time: ctx.time } : {}),
  });
  return { cost: costOf(tokens, rates), rates };
}
