import { resolveModel } from './resolve-model.js';
import type { PriceBook } from '../core/price-book.js';
import type { CacheTtl } from '../core/prompt-cache.js';
import type { Route } from '../core/estimate.js';
import { UsageError } from '../errors.js';
import type { ScenarioFile } from './scenario-schema.js';

export interface EstimateFlags {
  model?: string;
  requests?: number;
  per?: 'day' | 'month';
  input?: number;
  output?: number;
  daysPerMonth?: number;
  cacheHitRate?: number;
  cachedPrefix?: number;
  prefixHitRate?: number;
  cacheTtl?: CacheTtl;
  batchShare?: number;
  maxOutput?: number;
  growth?: number;
  months?: number;
  compare?: string[];
}

export interface Scenario {
  requests: number;
  per: 'day' | 'month';
  daysPerMonth: number;
  routes: Route[];
  primary: Route;
  cacheHitRate: number;
  prefixHitRate?: number;
  cacheTtl?: CacheTtl;
  batchShare: number;
  maxOutput?: number;
  growth: number;
  months: number;
  compare: string[];
}

/** Flags win over the scenario file; routes come only from the file. */
export function buildScenario(book: PriceBook, file: ScenarioFile, flags: EstimateFlags): Scenario {
  const pick = <K extends keyof EstimateFlags & keyof ScenarioFile>(k: K) => flags[k] ?? file[k];
  const requests = pick('requests');
  if (requests === undefined)
    throw new UsageError('how many requests? give --requests N (per day unless --per month)');
  const input = pick('input');
  const output = pick('output');
  const cachedPrefix = pick('cachedPrefix') ?? 0;
  const modelName = pick('model');
  const sized = (where: string, i?: number, o?: number) => {
    if (i === undefined || o === undefined) {
      throw new UsageError(
        `${where}: needs input and output token sizes`,
        'give --input N --output N (or --prompt FILE for the input)',
      );
    }
    return { input: i, output: o };
  };
  let routes: Route[];
  if (file.routes && !flags.model) {
    routes = file.routes.map((r, idx) => {
      const where = `routes[${idx}]`;
      return {
        share: r.share,
        record: resolveModel(book, r.model, `${where}.model`),
        ...sized(where, r.input ?? input, r.output ?? output),
        cachedPrefix: r.cachedPrefix ?? cachedPrefix,
      };
    });
    const sum = routes.reduce((s, r) => s + r.share, 0);
    if (Math.abs(sum - 1) > 1e-6) {
      throw new UsageError(
        `routes: shares add up to ${Number(sum.toFixed(6))}, not 1`,
        'make the route shares sum to 1 (e.g. 0.7, 0.2, 0.1)',
      );
    }
  } else {
    if (!modelName)
      throw new UsageError('which model? give --model NAME (or routes: in a scenario file)');
    routes = [
      {
        share: 1,
        record: resolveModel(book, modelName, '--model'),
        ...sized('workload', input, output),
        cachedPrefix,
      },
    ];
  }
  const primary = primaryRoute(book, routes, modelName, input, output, cachedPrefix);
  if (cachedPrefix > 0)
    for (const r of routes)
      if (r.cachedPrefix > r.input)
        throw new UsageError(
          `cached prefix (${r.cachedPrefix}) is larger than the input (${r.input})`,
        );
  return {
    requests,
    per: pick('per') ?? 'day',
    daysPerMonth: pick('daysPerMonth') ?? 30,
    routes,
    primary,
    cacheHitRate: pick('cacheHitRate') ?? 0,
    ...(pick('prefixHitRate') !== undefined ? { prefixHitRate: pick('prefixHitRate') } : {}),
    ...(pick('cacheTtl') ? { cacheTtl: pick('cacheTtl') } : {}),
    batchShare: pick('batchShare') ?? 0,
    ...(pick('maxOutput') !== undefined ? { maxOutput: pick('maxOutput') } : {}),
    growth: pick('growth') ?? 0,
    months: pick('months') ?? 12,
    compare: flags.compare ?? file.compare ?? [],
  };
}

/** The baseline model: the scenario's `model`, else the route whose model is dearest per request. */
function primaryRoute(
  book: PriceBook,
  routes: Route[],
  model: string | undefined,
  input?: number,
  output?: number,
  cachedPrefix = 0,
): Route {
  if (routes.length === 1) return routes[0]!;
  const size = (r: Route) => ({ input: input ?? r.input, output: output ?? r.output });
  if (model)
    return {
      share: 1,
      record: resolveModel(book, model, 'model'),
      ...size(routes[0]!),
      cachedPrefix,
    };
  const cost = (r: Route) => {
    const p = r.record.prices[r.record.prices.length - 1]!;
    return r.input * p.input + r.output * p.output;
  };
  const dearest = [...routes].sort((a, b) => cost(b) - cost(a))[0]!;
  return { ...dearest, ...size(dearest), share: 1 };
}
