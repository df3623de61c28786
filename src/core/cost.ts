import { BUCKETS, rateOf } from './buckets.js';
import type { CostBreakdown, PriceSet, TokenBuckets } from './types.js';

const PER_TOKEN = 1 / 1_000_000;
const PER_EVENT = 1 / 1_000;

type Bucket = (typeof BUCKETS)[number];
/** A per-event fee the model does not charge stays out of the breakdown, as an absent bucket does. */
const charged = (b: Bucket, rates: PriceSet): boolean =>
  !('perEvent' in b) || rates[b.unit] !== undefined;
const scaleOf = (b: Bucket): number => ('perEvent' in b ? PER_EVENT : PER_TOKEN);

/**
 * Cost of token buckets at per-1M rates (web searches at per-1K). A bucket whose price the catalog lacks is
 * billed the way the provider bills it when it has no separate price: an unpriced cache read or write is
 * plain input, a 1-hour write without its price the 5-minute one, audio and image tokens text. A bucket the
 * record does not have stays out of the breakdown.
 */
export function costOf(tokens: TokenBuckets, rates: PriceSet): CostBreakdown {
  const c = zeroCost();
  for (const b of BUCKETS) {
    const n = tokens[b.key];
    if (n === undefined || !charged(b, rates)) continue;
    const v = n * rateOf(rates, b.key) * scaleOf(b);
    c[b.key] = v;
    c.total += v;
  }
  return c;
}

/**
 * What costOf looks up for a price set, once, for a caller pricing many requests at it: each charged
 * bucket's position in BUCKETS and what a count of it is multiplied by, as `count * perUnit * scale` (in
 * that order, so the figures equal costOf's to the last bit).
 */
export type RatePlan = readonly { index: number; perUnit: number; scale: number }[];

export function ratePlan(rates: PriceSet): RatePlan {
  return BUCKETS.flatMap((b, index) =>
    charged(b, rates) ? [{ index, perUnit: rateOf(rates, b.key), scale: scaleOf(b) }] : [],
  );
}

export function zeroCost(): CostBreakdown {
  return { input: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, total: 0 };
}

export function addCost(into: CostBreakdown, c: CostBreakdown): void {
  for (const b of BUCKETS) {
    const v = c[b.key];
    if (v !== undefined) into[b.key] = (into[b.key] ?? 0) + v;
  }
  into.total += c.total;
}

export function scaleCost(c: CostBreakdown, k: number): CostBreakdown {
  const out = zeroCost();
  for (const b of BUCKETS) {
    const v = c[b.key];
    if (v !== undefined) out[b.key] = v * k;
  }
  out.total = c.total * k;
  return out;
}
