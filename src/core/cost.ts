import { BUCKETS } from './buckets.js';
import { PricedCounts, ratePlan } from './rate-plan.js';
import type { CostBreakdown, PriceSet, TokenBuckets } from './types.js';

/** One reused result: costOf runs for every group of a report and every request `--top` weighs. */
const priced = new PricedCounts();
const counts = new Array<number | undefined>(BUCKETS.length);

/**
 * Cost of token buckets at per-1M rates (web searches at per-1K), each an exact decimal (rate-plan.ts). A
 * bucket whose price the catalog lacks is billed the way the provider bills it when it has no separate
 * price: an unpriced cache read or write is plain input, a 1-hour write without its price the 5-minute
 * one, audio and image tokens text. A bucket the record does not have stays out of the breakdown.
 */
export function costOf(tokens: TokenBuckets, rates: PriceSet): CostBreakdown {
  for (let i = 0; i < BUCKETS.length; i++) counts[i] = tokens[BUCKETS[i]!.key];
  const plan = ratePlan(rates);
  priced.price(plan, counts);
  const c = zeroCost();
  for (const { index } of plan) {
    if (counts[index] !== undefined) c[BUCKETS[index]!.key] = priced.cost[index]!;
  }
  c.total = priced.total;
  return c;
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
