import { promptTokens, rateOf } from './buckets.js';

const CACHE_KEYS = ['cacheRead', 'cacheWrite5m', 'cacheWrite1h'] as const;
import type { CostSource, GroupAcc } from './aggregate.js';
import { costOf } from './cost.js';
import type { Rates } from './price-period.js';
import type { TokenBuckets, Usage } from './types.js';

export interface PricedGroup {
  keys: string[];
  records: number;
  usage: Usage;
  /** The spend by the chosen cost source: null when nothing in the group could be priced. */
  cost: number | null;
  calculatedCost: number | null;
  loggedCost: number | null;
  /** Cache reads at their discount, less the premium paid for cache writes. */
  cacheSavings: number;
  unpriced: Usage;
  unpricedModels: string[];
  batchFallback: boolean;
  first?: number;
  last?: number;
}

/** What caching saved on these tokens at these rates (USD). */
export function cacheSavings(t: TokenBuckets, r: Rates): number {
  // Cache reads and writes against the plain input rate: reads save, writes cost a premium; cached audio
  // against the audio input rate.
  let saved = 0;
  for (const k of CACHE_KEYS) saved += t[k] * (r.input - rateOf(r, k));
  if (t.audioCacheRead)
    saved += t.audioCacheRead * (rateOf(r, 'audioInput') - rateOf(r, 'audioCacheRead'));
  return saved / 1_000_000;
}

export function priceGroup(g: GroupAcc, source: CostSource): PricedGroup {
  let calculated = 0;
  let unlogged = 0;
  let savings = 0;
  let anyPriced = false;
  let batchFallback = false;
  for (const b of g.buckets.values()) {
    const c = costOf(b, b.price.rates).total;
    calculated += c;
    if (!b.logged) unlogged += c;
    savings += cacheSavings(b, b.price.rates);
    anyPriced = true;
    batchFallback ||= b.price.batchFallback;
  }
  const hasLogged = g.loggedRecords > 0;
  const costed = source === 'calculate' ? anyPriced : anyPriced || hasLogged;
  return {
    keys: g.keys,
    records: g.records,
    usage: g.usage,
    cost: costed ? (source === 'calculate' ? calculated : g.loggedCost + unlogged) : null,
    calculatedCost: anyPriced ? calculated : null,
    loggedCost: hasLogged ? g.loggedCost : null,
    cacheSavings: savings,
    unpriced: g.unpriced,
    unpricedModels: [...g.unpricedModels].sort(),
    batchFallback,
    ...(g.first !== undefined ? { first: g.first } : {}),
    ...(g.last !== undefined ? { last: g.last } : {}),
  };
}

/** Input (all prompt tokens) per output token; Infinity without output. */
export function ioRatio(u: Usage): number {
  return u.output > 0 ? promptTokens(u) / u.output : Infinity;
}

export function cacheHitRate(u: Usage): number {
  const p = promptTokens(u);
  return p > 0 ? u.cacheRead / p : 0;
}

export interface RatioBand {
  low: number;
  high: number;
}

/** A cache hit rate from which a group's input:output is judged on its fresh prompt tokens. */
export const CACHE_HEAVY = 0.5;

/**
 * The input:output ratio the healthy band judges. A group whose prompts are mostly cache reads (a coding
 * agent re-reads its whole context every turn, at a tenth of the input price) is judged on its fresh
 * prompt tokens, input and cache writes, per output token: re-read context is what caching is for, not
 * bloat. Any other group is judged on all its prompt tokens.
 */
export function judgedRatio(u: Usage): { ratio: number; fresh: boolean } {
  const fresh = cacheHitRate(u) >= CACHE_HEAVY;
  const prompt = fresh ? u.input + u.cacheWrite5m + u.cacheWrite1h : promptTokens(u);
  return { ratio: u.output > 0 ? prompt / u.output : Infinity, fresh };
}

/**
 * Whether a group is outside the healthy band. Without prompt or output tokens there is no ratio to judge:
 * a group of embeddings has no output by nature, and requests that produced nothing are not bloated prompts.
 */
export function ratioFlag(
  u: Usage,
  band: RatioBand,
): 'bloated prompts' | 'verbose output' | undefined {
  if (promptTokens(u) === 0 || u.output === 0) return undefined;
  const r = judgedRatio(u).ratio;
  if (r > band.high) return 'bloated prompts';
  if (r < band.low) return 'verbose output';
  return undefined;
}
