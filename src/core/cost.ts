import { BUCKETS, rateOf } from './buckets.js';
import type { CostBreakdown, PriceSet, TokenBuckets } from './types.js';

const PER_TOKEN = 1 / 1_000_000;

/**
 * Cost of token buckets at per-1M rates. A bucket whose price the catalog lacks is billed the way the
 * provider bills it when it has no separate price: an unpriced cache read or write is plain input, and a
 * 1-hour write without its own price falls back to the 5-minute write price.
 */
export function costOf(tokens: TokenBuckets, rates: PriceSet): CostBreakdown {
  const c = zeroCost();
  for (const b of BUCKETS) {
    c[b.key] = tokens[b.key] * rateOf(rates, b.key) * PER_TOKEN;
    c.total += c[b.key];
  }
  return c;
}

export function zeroCost(): CostBreakdown {
  return { input: 0, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 0, total: 0 };
}

export function addCost(into: CostBreakdown, c: CostBreakdown): void {
  into.input += c.input;
  into.cacheRead += c.cacheRead;
  into.cacheWrite5m += c.cacheWrite5m;
  into.cacheWrite1h += c.cacheWrite1h;
  into.output += c.output;
  into.total += c.total;
}

export function scaleCost(c: CostBreakdown, k: number): CostBreakdown {
  return {
    input: c.input * k,
    cacheRead: c.cacheRead * k,
    cacheWrite5m: c.cacheWrite5m * k,
    cacheWrite1h: c.cacheWrite1h * k,
    output: c.output * k,
    total: c.total * k,
  };
}
