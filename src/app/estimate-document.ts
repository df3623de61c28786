import { requestRate } from '../reporters/format-values.js';
import type { Report, Section } from '../reporters/report.js';
import type { EstimateResult } from './estimate-compute.js';
import {
  breakdownSection,
  compareSection,
  HEADLINE,
  headlineRows,
  projectionSection,
  routesSection,
  SAVINGS,
  savingsRows,
} from './estimate-report.js';

/** The JSON document of an estimate (every number the tables show, and more). */
function estimateJson(r: EstimateResult, date: string, notes: string[]): Record<string, unknown> {
  const { workload: w, estimate: e, scenario: s, savings: sv } = r;
  return {
    date,
    workload: {
      requestsPerDay: w.requestsPerDay,
      daysPerMonth: w.daysPerMonth,
      levers: w.levers,
      growth: s.growth,
      months: s.months,
    },
    costPerRequest: e.costPerRequest,
    dailyCost: e.dailyCost,
    monthlyCost: e.monthlyCost,
    yearlyCost: r.yearly,
    apiCallsPerDay: e.apiCallsPerDay,
    cachedPerDay: e.cachedPerDay,
    breakdown: { daily: e.daily },
    routes: e.routes.map((x) => ({
      model: x.route.record.id,
      share: x.route.share,
      input: x.route.input,
      output: x.route.output,
      cachedPrefix: x.route.cachedPrefix,
      requestsPerDay: x.requestsPerDay,
      apiCallsPerDay: x.apiCallsPerDay,
      cachedPerDay: x.cachedPerDay,
      prefixHitRate: x.prefix.hitRate,
      prefixCacheable: x.prefix.prefix > 0,
      costPerCall: x.perCall.total,
      dailyCost: x.daily.total,
      monthlyCost: x.daily.total * w.daysPerMonth,
    })),
    savings: {
      baseline: {
        model: s.primary.record.id,
        monthlyCost: sv.baseline.monthlyCost,
        dailyCost: sv.baseline.dailyCost,
      },
      steps: sv.steps.map((st) => ({ ...st, active: r.active.has(st.lever) })),
      saved: sv.saved,
    },
    ...(r.worst
      ? {
          worstCase: {
            maxOutput: s.maxOutput,
            dailyCost: r.worst.dailyCost,
            monthlyCost: r.worst.monthlyCost,
          },
        }
      : {}),
    compare: r.compared,
    projection: r.months,
    ...(r.budget
      ? {
          budget: {
            ...r.budget,
            ...(r.overMonth ? { firstMonthOver: r.overMonth.month } : {}),
          },
        }
      : {}),
    notes,
  };
}

/** The report of an estimate: its tables, notes and budget lines (`budget`, already worded). */
export function estimateDocument(
  r: EstimateResult,
  date: string,
  notes: string[],
  budget: Section | undefined,
): Report {
  const { estimate: e, scenario: s } = r;
  const title =
    s.routes.length > 1
      ? `Estimate: ${s.routes.length} routes, ${requestRate(s.requests, s.per)}`
      : `Estimate: ${s.routes[0]!.record.id}, ${requestRate(s.requests, s.per)}`;
  const headline = headlineRows(e, r.yearly, s.growth);
  const savingRows = savingsRows(r.savings, s.primary.record.id, e.monthlyCost, r.active);
  const sections: Section[] = [
    { kind: 'table', table: { title, columns: HEADLINE, rows: headline } },
    breakdownSection(e, s.daysPerMonth),
    ...(s.routes.length > 1 ? [routesSection(e, s.daysPerMonth)] : []),
    {
      kind: 'table',
      table: { title: 'What each lever saves', columns: SAVINGS, rows: savingRows },
    },
    ...(r.compared.length ? [compareSection(r.compared)] : []),
    projectionSection(r.months),
    ...(notes.length ? [{ kind: 'text' as const, lines: notes, tone: 'dim' as const }] : []),
    ...(budget ? [budget] : []),
  ];
  return {
    json: estimateJson(r, date, notes),
    sections,
    primary: {
      columns: [
        { key: 'metric', header: 'metric' },
        { key: 'raw', header: 'usd' },
      ],
      rows: headline,
    },
    charts: [
      {
        title: 'Projected cost per month',
        unit: 'usd',
        bars: r.months.map((m) => ({ label: `month ${m.month}`, value: m.cost })),
        ...(r.budget?.per === 'month'
          ? { marker: { value: r.budget.amount, label: 'budget' } }
          : {}),
      },
    ],
  };
}
