/**
 * Prompt caching of a static prefix. With requests arriving at random (Poisson) at rate λ and a cache entry
 * that lives `ttl` seconds after its last use, a request finds the prefix cached when the previous request
 * came less than ttl ago: hit rate = 1 − e^(−λ·ttl). Every miss writes the prefix again.
 */
export const TTL_SECONDS = { '5m': 300, '1h': 3600 } as const;
export type CacheTtl = keyof typeof TTL_SECONDS;

export function hitRateFromTraffic(callsPerDay: number, ttl: CacheTtl): number {
  if (callsPerDay <= 0) return 0;
  const perSecond = callsPerDay / 86_400;
  return 1 - Math.exp(-perSecond * TTL_SECONDS[ttl]);
}

export interface PrefixPlan {
  /** Prefix tokens per call, after the minimum-length check (0 when not cacheable). */
  prefix: number;
  hitRate: number;
  ttl: CacheTtl;
  hitRateSource: 'given' | 'traffic' | 'none';
  tooShort?: { minimum: number };
}

export function planPrefix(
  prefixTokens: number,
  opts: { hitRate?: number; ttl?: CacheTtl; callsPerDay: number; minCacheTokens?: number },
): PrefixPlan {
  const ttl = opts.ttl ?? '5m';
  if (prefixTokens <= 0) return { prefix: 0, hitRate: 0, ttl, hitRateSource: 'none' };
  if (opts.minCacheTokens && prefixTokens < opts.minCacheTokens) {
    return {
      prefix: 0,
      hitRate: 0,
      ttl,
      hitRateSource: 'none',
      tooShort: { minimum: opts.minCacheTokens },
    };
  }
  if (opts.hitRate !== undefined)
    return { prefix: prefixTokens, hitRate: opts.hitRate, ttl, hitRateSource: 'given' };
  return {
    prefix: prefixTokens,
    hitRate: hitRateFromTraffic(opts.callsPerDay, ttl),
    ttl,
    hitRateSource: 'traffic',
  };
}
