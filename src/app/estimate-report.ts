import type { Estimate, Savings } from '../core/estimate.js';
import type { MonthProjection } from '../core/projection.js';
import { amount, bar, int, pct, usd } from '../reporters/format-values.js';
import { right, type Column, type Row, type Section } from '../reporters/report.js';

const money = (v: unknown) => usd(v as number | null);

export function headlineRows(e: Estimate, yearly: number, growth: number): Row[] {
  return [
    { metric: 'per request', value: usd(e.costPerRequest), raw: e.costPerRequest },
    { metric: 'per day', value: usd(e.dailyCost), raw: e.dailyCost },
    { metric: 'per month', value: usd(e.monthlyCost), raw: e.monthlyCost },
    {
      metric: growth ? `per year (growing ${pct(growth, 0)}/month)` : 'per year',
      value: usd(yearly),
      raw: yearly,
    },
    { metric: 'API calls per day', value: amount(e.apiCallsPerDay), raw: e.apiCallsPerDay },
    {
      metric: 'served from response cache per day',
      value: amount(e.cachedPerDay),
      raw: e.cachedPerDay,
    },
  ];
}

export const HEADLINE: Column[] = [{ key: 'metric', header: 'estimate' }, right('value', 'cost')];

export function breakdownSection(e: Estimate, daysPerMonth: number): Section {
  const d = e.daily;
  const rows = [
    ['input', d.input],
    ['cache read', d.cacheRead],
    ['cache write', d.cacheWrite5m + d.cacheWrite1h],
    ['output', d.output],
  ].map(([component, daily]) => ({
    component,
    daily,
    monthly: (daily as number) * daysPerMonth,
    share: e.dailyCost ? (daily as number) / e.dailyCost : 0,
  }));
  return {
    kind: 'table',
    table: {
      title: 'By component',
      columns: [
        { key: 'component', header: 'component' },
        right('daily', 'per day', money),
        right('monthly', 'per month', money),
        right('share', 'share', (v) => pct(v as number)),
      ],
      rows,
    },
  };
}

export function routesSection(e: Estimate, daysPerMonth: number): Section {
  const rows = e.routes.map((r) => ({
    model: r.route.record.id,
    share: r.route.share,
    tokens: `${int(r.route.input)} / ${int(r.route.output)}`,
    apiCallsPerDay: r.apiCallsPerDay,
    perCall: r.perCall.total,
    daily: r.daily.total,
    monthly: r.daily.total * daysPerMonth,
  }));
  return {
    kind: 'table',
    table: {
      title: 'By route',
      columns: [
        { key: 'model', header: 'model' },
        right('share', 'share', (v) => pct(v as number, 0)),
        right('tokens', 'in / out'),
        right('apiCallsPerDay', 'API calls/day', (v) => int(v as number)),
        right('perCall', 'per call', money),
        right('daily', 'per day', money),
        right('monthly', 'per month', money),
      ],
      rows,
    },
  };
}

export function savingsRows(
  s: Savings,
  primaryId: string,
  estimateMonthly: number,
  active: Set<string>,
): Row[] {
  return [
    {
      step: `baseline: all on ${primaryId}, no cache, no batch`,
      monthly: s.baseline.monthlyCost,
      saved: null,
      share: null,
    },
    ...s.steps
      .filter((st) => active.has(st.lever))
      .map((st) => ({
        step: `+ ${st.lever}`,
        monthly: st.monthlyAfter,
        saved: st.saved,
        share: st.share,
      })),
    {
      step: 'estimate',
      monthly: estimateMonthly,
      saved: s.saved,
      share: s.baseline.monthlyCost ? s.saved / s.baseline.monthlyCost : 0,
    },
  ];
}

export const SAVINGS: Column[] = [
  { key: 'step', header: 'lever' },
  right('monthly', 'per month', money),
  right('saved', 'saves', (v) => (v === null ? '' : usd(v as number))),
  right('share', '% of baseline', (v) => (v === null ? '' : pct(v as number))),
];

export function projectionSection(months: MonthProjection[]): Section {
  const max = Math.max(...months.map((m) => m.cost));
  return {
    kind: 'table',
    table: {
      title: 'Monthly projection',
      columns: [
        right('month', 'month'),
        right('cost', 'cost', money),
        right('cumulative', 'cumulative', money),
        { key: 'bar', header: '' },
      ],
      rows: months.map((m) => ({ ...m, bar: bar(m.cost, max, 30) })),
    },
  };
}

/** Why the estimate looks as it does: prefixes too short to cache, derived hit rates, tier pricing. */
export function routeNotes(e: Estimate): string[] {
  const notes: string[] = [];
  for (const r of e.routes) {
    const id = r.route.record.id;
    if (r.prefix.tooShort)
      notes.push(
        `${id}: cached prefix of ${int(r.route.cachedPrefix)} tokens is below the minimum cacheable ${int(r.prefix.tooShort.minimum)}: not cached.`,
      );
    else if (r.prefix.hitRateSource === 'traffic')
      notes.push(
        `${id}: prompt-cache hit rate ${pct(r.prefix.hitRate)} derived from ${int(r.apiCallsPerDay)} calls/day and a ${r.prefix.ttl} cache TTL; misses write the prefix at the ${r.prefix.ttl} write price.`,
      );
    if (r.tierThreshold !== undefined)
      notes.push(
        `${id}: prompt above ${int(r.tierThreshold)} tokens, so the whole request is priced at the long-context tier.`,
      );
  }
  return notes;
}

export function compareSection(
  rows: {
    model: string;
    costPerRequest: number;
    dailyCost: number;
    monthlyCost: number;
    vsEstimate: number | null;
  }[],
): Section {
  const money = (v: unknown) => usd(v as number);
  return {
    kind: 'table',
    table: {
      title: 'Same workload and levers on other models',
      columns: [
        { key: 'model', header: 'model' },
        { key: 'costPerRequest', header: 'per request', align: 'right', format: money },
        { key: 'dailyCost', header: 'per day', align: 'right', format: money },
        { key: 'monthlyCost', header: 'per month', align: 'right', format: money },
        {
          key: 'vsEstimate',
          header: 'vs estimate',
          align: 'right',
          format: (v) => (v === null ? '' : `${(v as number).toFixed(2)}x`),
        },
      ],
      rows,
    },
  };
}
