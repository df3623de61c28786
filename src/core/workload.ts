import type { TokenBuckets } from './types.js';

/** Average tokens of one request, and how often requests come. */
export interface RequestShape {
  input: number;
  output: number;
  /** Share of input read from the provider's prompt cache (0..1). */
  cachedShare?: number;
}

export function requestTokens(shape: RequestShape): TokenBuckets {
  const cached = shape.input * (shape.cachedShare ?? 0);
  return {
    input: shape.input - cached,
    cacheRead: cached,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: shape.output,
    // One request: a per-request fee is paid once per call.
    requests: 1,
  };
}

export function perDay(requests: number, per: 'day' | 'month', daysPerMonth: number): number {
  return per === 'day' ? requests : requests / daysPerMonth;
}
