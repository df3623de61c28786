import { describe, expect, it } from 'vitest';
import {
  estimate,
  savings,
  worstCase,
  NO_LEVERS,
  type Route,
  type Workload,
} from '../../src/core/estimate.js';
import { hitRateFromTraffic, planPrefix } from '../../src/core/prompt-cache.js';
import { project } from '../../src/core/projection.js';
import { loadPriceBook } from '../../src/pricing/catalog.js';

const book = loadPriceBook();
const route = (id: string, share = 1, input = 500, output = 300, cachedPrefix = 0): Route => ({
  share,
  record: book.byId(id)!,
  input,
  output,
  cachedPrefix,
});
const w = (
  routes: Route[],
  levers: Partial<Workload['levers']> = {},
  requestsPerDay = 10_000,
): Workload => ({
  requestsPerDay,
  daysPerMonth: 30,
  day: '2026-11-23',
  routes,
  levers: { ...NO_LEVERS, ...levers },
});

describe('estimate', () => {
  it.each([
    // [levers, routes, the average request]
    [{}, [route('gpt-4o')], (500 * 2.5 + 300 * 10) / 1e6],
    [{ responseCacheHitRate: 0.4 }, [route('gpt-4o')], 0.6 * ((500 * 2.5 + 300 * 10) / 1e6)],
    [
      { batchShare: 0.5 },
      [route('gpt-4o', 0.5), route('gpt-4o-mini', 0.5)],
      0.5 * 0.75 * ((500 * 2.5 + 300 * 10) / 1e6) + 0.5 * 0.75 * ((500 * 0.15 + 300 * 0.6) / 1e6),
    ],
  ])(
    'costs the average request at any volume, 0 requests a day too (%j)',
    (levers, routes, each) => {
      for (const requests of [0, 1, 10_000])
        expect(estimate(w(routes, levers, requests)).costPerRequest).toBeCloseTo(each, 15);
    },
  );

  it.each([
    // [levers, apiCalls, cached, daily, monthly]
    [{ responseCacheHitRate: 0.4 }, 6000, 4000, 25.5, 765],
    [{}, 10_000, 0, 42.5, 1275],
    [{ batchShare: 1 }, 10_000, 0, 21.25, 637.5],
    [{ batchShare: 0.5 }, 10_000, 0, 31.875, 956.25],
    [{ responseCacheHitRate: 0.4, batchShare: 1 }, 6000, 4000, 12.75, 382.5],
  ])('gpt-4o 10k/day 500+300 with %o', (levers, apiCalls, cached, daily, monthly) => {
    const e = estimate(w([route('gpt-4o')], levers));
    expect(e.apiCallsPerDay).toBeCloseTo(apiCalls, 9);
    expect(e.cachedPerDay).toBeCloseTo(cached, 9);
    expect(e.dailyCost).toBeCloseTo(daily, 9);
    expect(e.monthlyCost).toBeCloseTo(monthly, 9);
  });

  it('a 70/20/10 routing equals the share-weighted sum of single-model estimates', () => {
    const ids = ['gpt-4o-mini', 'gpt-4o', 'claude-opus-4-1'];
    const shares = [0.7, 0.2, 0.1];
    const routed = estimate(w(ids.map((id, i) => route(id, shares[i]))));
    const weighted = ids.reduce(
      (s, id, i) => s + shares[i]! * estimate(w([route(id)])).dailyCost,
      0,
    );
    expect(routed.dailyCost).toBeCloseTo(weighted, 9);
  });

  it('prices prompt-cache reads and writes at the TTL write price', () => {
    const e = estimate(
      w(
        [route('claude-sonnet-4-5', 1, 3000, 0, 2000)],
        { prefixHitRate: 0.9, cacheTtl: '1h' },
        1000,
      ),
    );
    const perCall = (1000 * 3 + 2000 * 0.9 * 0.3 + 2000 * 0.1 * 6) / 1e6;
    expect(e.dailyCost).toBeCloseTo(perCall * 1000, 9);
    const five = estimate(
      w([route('claude-sonnet-4-5', 1, 3000, 0, 2000)], { prefixHitRate: 0.9 }, 1000),
    );
    expect(five.dailyCost).toBeCloseTo(
      ((1000 * 3 + 2000 * 0.9 * 0.3 + 2000 * 0.1 * 3.75) / 1e6) * 1000,
      9,
    );
  });

  it('does not cache a prefix shorter than the model minimum', () => {
    const e = estimate(w([route('gpt-4o', 1, 1500, 100, 800)], { prefixHitRate: 1 }));
    expect(e.routes[0]!.prefix.tooShort).toEqual({ minimum: 1024 });
    expect(e.dailyCost).toBeCloseTo(estimate(w([route('gpt-4o', 1, 1500, 100)])).dailyCost, 9);
  });

  it('derives the prefix hit rate from traffic and TTL (Poisson arrivals)', () => {
    expect(hitRateFromTraffic(86_400 / 300, '5m')).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(hitRateFromTraffic(24, '1h')).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(hitRateFromTraffic(0, '5m')).toBe(0);
    expect(planPrefix(2000, { callsPerDay: 288, minCacheTokens: 1024 }).hitRateSource).toBe(
      'traffic',
    );
  });

  it('shows the worst case with every response at the cap', () => {
    expect(worstCase(w([route('gpt-4o')]), 1000).dailyCost).toBeCloseTo(
      (10_000 * (500 * 2.5 + 1000 * 10)) / 1e6,
      9,
    );
  });

  it('splits savings into lever steps that add up to the total', () => {
    const routes = [
      route('gpt-4o-mini', 0.7, 2000, 300, 1500),
      route('gpt-4o', 0.3, 2000, 300, 1500),
    ];
    const work = w(routes, { responseCacheHitRate: 0.2, prefixHitRate: 0.8, batchShare: 0.25 });
    const s = savings(work, route('gpt-4o', 1, 2000, 300, 1500));
    expect(s.baseline.monthlyCost).toBeCloseTo(
      estimate(w([route('gpt-4o', 1, 2000, 300)])).monthlyCost,
      9,
    );
    expect(s.steps.map((x) => x.lever)).toEqual([
      'routing',
      'response cache',
      'prompt cache',
      'batch',
    ]);
    for (const st of s.steps) expect(st.saved).toBeGreaterThan(0);
    const sum = s.steps.reduce((a, x) => a + x.saved, 0);
    expect(sum).toBeCloseTo(s.baseline.monthlyCost - estimate(work).monthlyCost, 9);
  });

  it('projects compound monthly growth', () => {
    const p = project(100, 0.1, 3);
    expect(p.map((m) => Number(m.cost.toFixed(9)))).toEqual([100, 110, 121]);
    expect(p[2]!.cumulative).toBeCloseTo(331, 9);
  });
});
