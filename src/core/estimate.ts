import { addCost, scaleCost, zeroCost } from './cost.js';
import { planPrefix, type CacheTtl, type PrefixPlan } from './prompt-cache.js';
import { priceRequest } from './price-request.js';
import type { CostBreakdown, ModelRecord, TokenBuckets } from './types.js';

export interface Route {
  share: number;
  record: ModelRecord;
  input: number;
  output: number;
  /** Static prompt prefix eligible for provider prompt caching (tokens, part of `input`). */
  cachedPrefix: number;
}

export interface Levers {
  responseCacheHitRate: number;
  prefixHitRate?: number;
  cacheTtl?: CacheTtl;
  batchShare: number;
}

export interface Workload {
  requestsPerDay: number;
  daysPerMonth: number;
  day: string;
  routes: Route[];
  levers: Levers;
}

export interface RouteEstimate {
  route: Route;
  requestsPerDay: number;
  apiCallsPerDay: number;
  cachedPerDay: number;
  prefix: PrefixPlan;
  perCall: CostBreakdown;
  daily: CostBreakdown;
  tierThreshold?: number;
}

export interface Estimate {
  routes: RouteEstimate[];
  daily: CostBreakdown;
  dailyCost: number;
  monthlyCost: number;
  costPerRequest: number;
  apiCallsPerDay: number;
  cachedPerDay: number;
}

export const NO_LEVERS: Levers = { responseCacheHitRate: 0, batchShare: 0 };

function estimateRoute(w: Workload, route: Route): RouteEstimate {
  const requestsPerDay = w.requestsPerDay * route.share;
  const apiCallsPerDay = requestsPerDay * (1 - w.levers.responseCacheHitRate);
  const prefix = planPrefix(Math.min(route.cachedPrefix, route.input), {
    ...(w.levers.prefixHitRate !== undefined ? { hitRate: w.levers.prefixHitRate } : {}),
    ...(w.levers.cacheTtl ? { ttl: w.levers.cacheTtl } : {}),
    callsPerDay: apiCallsPerDay,
    ...(route.record.minCacheTokens ? { minCacheTokens: route.record.minCacheTokens } : {}),
  });
  const writes = prefix.prefix * (1 - prefix.hitRate);
  const tokens: TokenBuckets = {
    input: route.input - prefix.prefix,
    cacheRead: prefix.prefix * prefix.hitRate,
    cacheWrite5m: prefix.ttl === '5m' ? writes : 0,
    cacheWrite1h: prefix.ttl === '1h' ? writes : 0,
    output: route.output,
  };
  const normal = priceRequest(route.record, tokens, { day: w.day });
  const b = w.levers.batchShare;
  const perCall = scaleCost(normal.cost, 1 - b);
  if (b > 0)
    addCost(
      perCall,
      scaleCost(priceRequest(route.record, tokens, { day: w.day, batch: true }).cost, b),
    );
  return {
    route,
    requestsPerDay,
    apiCallsPerDay,
    cachedPerDay: requestsPerDay - apiCallsPerDay,
    prefix,
    perCall,
    daily: scaleCost(perCall, apiCallsPerDay),
    ...(normal.rates.tierThreshold !== undefined
      ? { tierThreshold: normal.rates.tierThreshold }
      : {}),
  };
}

/** Daily and monthly cost of a workload: per route, response cache first, then prompt cache and batch. */
export function estimate(w: Workload): Estimate {
  const routes = w.routes.map((r) => estimateRoute(w, r));
  const daily = zeroCost();
  for (const r of routes) addCost(daily, r.daily);
  const apiCallsPerDay = routes.reduce((s, r) => s + r.apiCallsPerDay, 0);
  return {
    routes,
    daily,
    dailyCost: daily.total,
    monthlyCost: daily.total * w.daysPerMonth,
    // The average request over the routes, response-cache hits included (daily / requests when there are
    // requests): defined at 0 requests a day too, where dividing gave $0.
    costPerRequest: routes.reduce(
      (s, r) => s + r.route.share * (1 - w.levers.responseCacheHitRate) * r.perCall.total,
      0,
    ),
    apiCallsPerDay,
    cachedPerDay: w.requestsPerDay - apiCallsPerDay,
  };
}

export interface LeverStep {
  lever: 'routing' | 'response cache' | 'prompt cache' | 'batch';
  monthlyBefore: number;
  monthlyAfter: number;
  saved: number;
  share: number;
}

export interface Savings {
  baseline: Estimate;
  steps: LeverStep[];
  saved: number;
}

/**
 * The naive baseline (every request on `primary` at the scenario's sizes, no cache, no batch) against the
 * estimate, with each lever applied in turn: routing, response cache, prompt cache, batch. Each step's
 * saving is measured after the previous ones, so the steps add up to the total saving.
 */
export function savings(w: Workload, primary: Route): Savings {
  const uncached = w.routes.map((r) => ({ ...r, cachedPrefix: 0 }));
  const baseline = estimate({
    ...w,
    routes: [{ ...primary, share: 1, cachedPrefix: 0 }],
    levers: NO_LEVERS,
  });
  const { levers } = w;
  const stages: [LeverStep['lever'], Workload][] = [
    ['routing', { ...w, routes: uncached, levers: NO_LEVERS }],
    [
      'response cache',
      {
        ...w,
        routes: uncached,
        levers: { ...NO_LEVERS, responseCacheHitRate: levers.responseCacheHitRate },
      },
    ],
    ['prompt cache', { ...w, levers: { ...levers, batchShare: 0 } }],
    ['batch', w],
  ];
  const steps: LeverStep[] = [];
  let before = baseline.monthlyCost;
  for (const [lever, stage] of stages) {
    const after = estimate(stage).monthlyCost;
    steps.push({
      lever,
      monthlyBefore: before,
      monthlyAfter: after,
      saved: before - after,
      share: baseline.monthlyCost ? (before - after) / baseline.monthlyCost : 0,
    });
    before = after;
  }
  return { baseline, steps, saved: baseline.monthlyCost - before };
}

/** The same workload with every response at the output cap. */
export function worstCase(w: Workload, maxOutput: number): Estimate {
  return estimate({ ...w, routes: w.routes.map((r) => ({ ...r, output: maxOutput })) });
}
