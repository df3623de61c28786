import type { Prepared } from './prepared.js';
import { checkBudget } from '../core/budget.js';
import { estimate, savings, worstCase, type Workload } from '../core/estimate.js';
import { NoBatchPriceError } from '../core/price-period.js';
import { project } from '../core/projection.js';
import { perDay } from '../core/workload.js';
import type { Budget } from '../core/budget.js';
import { UsageError } from '../errors.js';
import { int, pct, usd } from '../reporters/format-values.js';
import type { Report, Section } from '../reporters/report.js';
import {
  breakdownSection,
  compareSection,
  routeNotes,
  HEADLINE,
  headlineRows,
  projectionSection,
  routesSection,
  SAVINGS,
  savingsRows,
} from './estimate-report.js';
import { ok, type AppResult } from './result.js';
import { resolveModel, type Scenario } from './scenario.js';

export interface EstimateRun {
  scenario: Scenario;
  budget?: Budget;
  exitOnBudget: boolean;
  date: string;
  notes: string[];
}

function run<T>(f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (err instanceof NoBatchPriceError) {
      throw new UsageError(
        `${err.modelId} has no batch price in the catalog, so --batch-share cannot be priced`,
        'drop --batch-share, or add batchInput/batchOutput with --pricing FILE.yaml',
      );
    }
    throw err;
  }
}

export function runEstimate(p: Prepared, o: EstimateRun): AppResult {
  const s = o.scenario;
  const w: Workload = {
    requestsPerDay: perDay(s.requests, s.per, s.daysPerMonth),
    daysPerMonth: s.daysPerMonth,
    day: o.date,
    routes: s.routes,
    levers: {
      responseCacheHitRate: s.cacheHitRate,
      batchShare: s.batchShare,
      ...(s.prefixHitRate !== undefined ? { prefixHitRate: s.prefixHitRate } : {}),
      ...(s.cacheTtl ? { cacheTtl: s.cacheTtl } : {}),
    },
  };
  const e = run(() => estimate(w));
  const sv = run(() => savings(w, s.primary));
  const months = project(e.monthlyCost, s.growth, s.months);
  const yearly = project(e.monthlyCost, s.growth, 12).at(-1)!.cumulative;
  if (![e.monthlyCost, yearly, ...months.map((m) => m.cumulative)].every(Number.isFinite))
    throw new UsageError(
      'the estimate is not a finite number: requests, token counts or growth are too large',
      'check --requests, --input, --output and --growth (or the scenario file)',
    );
  const worst = s.maxOutput !== undefined ? run(() => worstCase(w, s.maxOutput!)) : undefined;
  const compared = s.compare.map((name) => {
    const record = resolveModel(p.book, name, '--compare');
    const alt = run(() => estimate({ ...w, routes: [{ ...s.primary, share: 1, record }] }));
    return {
      model: record.id,
      costPerRequest: alt.costPerRequest,
      dailyCost: alt.dailyCost,
      monthlyCost: alt.monthlyCost,
      vsEstimate: e.monthlyCost ? alt.monthlyCost / e.monthlyCost : null,
    };
  });
  const budget = o.budget
    ? checkBudget(
        o.budget.amount,
        o.budget.per,
        o.budget.per === 'day' ? e.dailyCost : e.monthlyCost,
      )
    : undefined;
  const overMonth =
    o.budget?.per === 'month' ? months.find((m) => m.cost > o.budget!.amount + 1e-9) : undefined;
  const notes = [...o.notes, ...routeNotes(e)];
  if (worst)
    notes.push(
      `worst case, every response at ${int(s.maxOutput!)} output tokens: ${usd(worst.dailyCost)}/day, ${usd(worst.monthlyCost)}/month.`,
    );
  const budgetLines: string[] = [];
  let exitCode = 0;
  if (budget && o.budget) {
    if (budget.over) {
      budgetLines.push(
        `over budget: projected ${usd(budget.actual)}/${budget.per} exceeds ${usd(budget.amount)}/${budget.per} by ${usd(budget.overBy)} (+${pct(budget.overShare)})`,
      );
      if (o.exitOnBudget) exitCode = 1;
    } else if (overMonth) {
      budgetLines.push(
        `over budget from month ${overMonth.month}: ${usd(overMonth.cost)} exceeds ${usd(o.budget.amount)}/month at ${pct(s.growth, 0)} monthly growth`,
      );
      if (o.exitOnBudget) exitCode = 1;
    } else
      budgetLines.push(
        `within budget: ${usd(budget.actual)}/${budget.per} of ${usd(budget.amount)}/${budget.per}`,
      );
  }
  const title =
    s.routes.length > 1
      ? `Estimate: ${s.routes.length} routes, ${int(w.requestsPerDay)} requests/day`
      : `Estimate: ${s.routes[0]!.record.id}, ${int(w.requestsPerDay)} requests/day`;
  const headline = headlineRows(e, yearly, s.growth);
  const active = new Set<string>([
    ...(s.routes.length > 1 ? ['routing'] : []),
    ...(s.cacheHitRate > 0 ? ['response cache'] : []),
    ...(s.routes.some((r) => r.cachedPrefix > 0) ? ['prompt cache'] : []),
    ...(s.batchShare > 0 ? ['batch'] : []),
  ]);
  const savingRows = savingsRows(sv, s.primary.record.id, e.monthlyCost, active);
  const sections: Section[] = [
    { kind: 'table', table: { title, columns: HEADLINE, rows: headline } },
    breakdownSection(e, s.daysPerMonth),
    ...(s.routes.length > 1 ? [routesSection(e, s.daysPerMonth)] : []),
    {
      kind: 'table',
      table: { title: 'What each lever saves', columns: SAVINGS, rows: savingRows },
    },
    ...(compared.length ? [compareSection(compared)] : []),
    projectionSection(months),
    ...(notes.length ? [{ kind: 'text' as const, lines: notes, tone: 'dim' as const }] : []),
    ...(budgetLines.length
      ? [
          {
            kind: 'text' as const,
            lines: budgetLines,
            tone: budget?.over || overMonth ? ('bad' as const) : ('good' as const),
          },
        ]
      : []),
  ];
  const report: Report = {
    json: {
      date: o.date,
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
      yearlyCost: yearly,
      apiCallsPerDay: e.apiCallsPerDay,
      cachedPerDay: e.cachedPerDay,
      breakdown: { daily: e.daily },
      routes: e.routes.map((r) => ({
        model: r.route.record.id,
        share: r.route.share,
        input: r.route.input,
        output: r.route.output,
        cachedPrefix: r.route.cachedPrefix,
        requestsPerDay: r.requestsPerDay,
        apiCallsPerDay: r.apiCallsPerDay,
        cachedPerDay: r.cachedPerDay,
        prefixHitRate: r.prefix.hitRate,
        prefixCacheable: r.prefix.prefix > 0,
        costPerCall: r.perCall.total,
        dailyCost: r.daily.total,
        monthlyCost: r.daily.total * w.daysPerMonth,
      })),
      savings: {
        baseline: {
          model: s.primary.record.id,
          monthlyCost: sv.baseline.monthlyCost,
          dailyCost: sv.baseline.dailyCost,
        },
        steps: sv.steps.map((st) => ({ ...st, active: active.has(st.lever) })),
        saved: sv.saved,
      },
      ...(worst
        ? {
            worstCase: {
              maxOutput: s.maxOutput,
              dailyCost: worst.dailyCost,
              monthlyCost: worst.monthlyCost,
            },
          }
        : {}),
      compare: compared,
      projection: months,
      ...(budget
        ? { budget: { ...budget, ...(overMonth ? { firstMonthOver: overMonth.month } : {}) } }
        : {}),
      notes,
    },
    sections,
    primary: {
      columns: [
        { key: 'metric', header: 'metric' },
        { key: 'raw', header: 'usd' },
      ],
      rows: headline,
    },
  };
  return ok(
    p.render(report),
    budgetLines.length && p.format !== 'table' && exitCode ? budgetLines : [],
    exitCode,
  );
}
