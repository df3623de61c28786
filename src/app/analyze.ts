import type { Prepared } from '../commands/common.js';
import type { Budget } from '../commands/parse-args.js';
import type { Context } from '../context.js';
import { Aggregator, type CostSource, type Dim } from '../core/aggregate.js';
import { checkBudget } from '../core/budget.js';
import { costOf } from '../core/cost.js';
import { priceGroup, promptOf, tokensOf, type RatioBand } from '../core/price-groups.js';
import { Calendar } from '../core/time-buckets.js';
import type { UsageRecord } from '../core/usage-record.js';
import type { Dialect } from '../readers/dialects/types.js';
import { getPath, tagValue } from '../readers/values.js';
import { int, pct, usd } from '../reporters/format-values.js';
import type { Report, Section } from '../reporters/report.js';
import {
  chartSection,
  dimName,
  groupColumns,
  groupRows,
  repriceSection,
  topSection,
} from './analyze-report.js';
import { runAnalysis } from './analyze-run.js';
import type { Tally } from './analyze-tally.js';
import { ok, type AppResult } from './result.js';
import { resolveModel } from './scenario.js';

export interface AnalyzeOptions {
  sources: string[];
  dialect?: Dialect;
  by: Dim[];
  tz: string;
  since?: string;
  until?: string;
  models?: string[];
  costSource: CostSource;
  band: RatioBand;
  top?: number;
  repriceAs?: string[];
  budget?: Budget;
  exitOnBudget: boolean;
  strict: boolean;
}

export async function runAnalyze(ctx: Context, p: Prepared, o: AnalyzeOptions): Promise<AppResult> {
  const calendar = new Calendar(o.tz);
  const reprice = (o.repriceAs ?? []).map((m) => resolveModel(p.book, m, '--reprice-as'));
  const agg = new Aggregator(p.book, {
    dims: o.by,
    calendar,
    costSource: o.costSource,
    reprice,
    top: o.top ?? 0,
    field: (raw, path) => tagValue(getPath(raw, path)),
  });
  const tally = await runAnalysis({
    sources: o.sources,
    cwd: ctx.cwd,
    stdin: ctx.stdin,
    ...(o.dialect ? { dialect: o.dialect } : {}),
    admit: admitter(p, o, calendar),
    keepRaw: o.by.some((d) => typeof d !== 'string'),
    aggregator: agg,
    ...(showProgress(ctx) ? { progress: progressLine(ctx) } : {}),
  });
  if (showProgress(ctx)) ctx.stderr.write('\r\u001b[K');
  const total = priceGroup(agg.total, o.costSource);
  const groups = [...agg.groups.values()].map((g) => priceGroup(g, o.costSource));
  const timeFirst = ['day', 'week', 'month'].includes(dimName(o.by[0]!));
  groups.sort((a, b) =>
    timeFirst
      ? a.keys.join().localeCompare(b.keys.join())
      : (b.cost ?? -1) - (a.cost ?? -1) || tokensOf(b.usage) - tokensOf(a.usage),
  );
  const days = [...agg.days.values()]
    .map((g) => priceGroup(g, o.costSource))
    .sort((a, b) => a.keys[0]!.localeCompare(b.keys[0]!));
  const repriced = reprice.map((m, i) => ({
    model: m.id,
    cost: [...agg.reprice[i]!.values()].reduce((s, b) => s + costOf(b, b.price.rates).total, 0),
  }));

  const budget = o.budget ? budgetCheck(o.budget, days) : undefined;
  const dated = days.filter((d) => d.keys[0] !== 'unknown');
  const period = dated.length
    ? `${dated[0]!.keys[0]} to ${dated[dated.length - 1]!.keys[0]}`
    : 'no timestamps';
  const unpricedTokens = tokensOf(total.unpriced);
  const allTokens = tokensOf(total.usage);
  const summary = summaryLines(
    o,
    tally,
    total,
    period,
    unpricedTokens,
    allTokens,
    agg.batchFallbacks,
  );
  const rows = groupRows(groups, o.by, total.cost, o.band);
  const flagged = rows
    .filter((r) => r.flag)
    .map(
      (r) =>
        `${o.by.map((d) => r[dimName(d)]).join(' / ')}: input:output ${(r.ioRatio as number).toFixed(1)}:1 is outside ${o.band.low}:1 to ${o.band.high}:1 (${String(r.flag)})`,
    );
  const columns = groupColumns(o.by, total.loggedCost !== null);
  const chart = chartSection(days);
  const budgetLines =
    budget?.over.map(
      (b) =>
        `over budget on ${b.period}: ${usd(b.actual)} exceeds ${usd(b.amount)}/${o.budget!.per} by ${usd(b.overBy)} (+${pct(b.overShare)})`,
    ) ?? [];
  if (budget && !budget.over.length)
    budgetLines.push(`within budget: no ${o.budget!.per} over ${usd(o.budget!.amount)}`);
  const sections: Section[] = [
    { kind: 'text', lines: summary },
    { kind: 'table', table: { title: `By ${o.by.map(dimName).join(', ')}`, columns, rows } },
    ...(flagged.length ? [{ kind: 'text' as const, lines: flagged, tone: 'warn' as const }] : []),
    ...(chart ? [chart] : []),
    ...(agg.top.length ? [topSection(agg.top)] : []),
    ...(repriced.length ? [repriceSection(repriced, total.cost)] : []),
    ...(budgetLines.length
      ? [
          {
            kind: 'text' as const,
            lines: budgetLines,
            tone: budget?.over.length ? ('bad' as const) : ('good' as const),
          },
        ]
      : []),
  ];
  const report: Report = {
    json: {
      period: {
        from: dated[0]?.keys[0] ?? null,
        to: dated[dated.length - 1]?.keys[0] ?? null,
        tz: o.tz,
      },
      costSource: o.costSource,
      summary: {
        records: total.records,
        requests: total.usage.requests,
        usage: total.usage,
        cost: total.cost,
        calculatedCost: total.calculatedCost,
        loggedCost: total.loggedCost,
        cacheSavings: total.cacheSavings,
        unpriced: {
          tokens: unpricedTokens,
          share: allTokens ? unpricedTokens / allTokens : 0,
          models: total.unpricedModels,
          usage: total.unpriced,
        },
      },
      by: o.by.map(dimName),
      groups: rows,
      days: days.map((d) => ({
        day: d.keys[0],
        cost: d.cost,
        requests: d.usage.requests,
        tokens: tokensOf(d.usage),
      })),
      top: agg.top,
      reprice: repriced,
      ...(budget
        ? { budget: { amount: o.budget!.amount, per: o.budget!.per, over: budget.over } }
        : {}),
      ...tally.toJSON(),
      ratioFlags: flagged,
    },
    sections,
    primary: { columns, rows },
  };
  const diagnostics: string[] = [];
  const bad = tally.count(tally.malformed);
  if (bad) {
    const reasons = [...tally.malformed].map(([r, n]) => `${int(n)} ${r}`).join(', ');
    diagnostics.push(
      `llmcost: ${int(bad)} malformed record(s) skipped (${reasons}); first: ${tally.samples.map((s) => `${s.file}:${s.line}`).join(', ')}`,
    );
  }
  if (p.format !== 'table' && budget?.over.length) diagnostics.push(...budgetLines);
  let exitCode = budget?.over.length && o.exitOnBudget ? 1 : 0;
  if (o.strict && bad) {
    diagnostics.push('llmcost: --strict: malformed input, exiting 2');
    exitCode = 2;
  }
  return ok(p.render(report), diagnostics, exitCode);
}

/** Progress only for a person watching: stderr is a terminal and this is not CI. */
function showProgress(ctx: Context): boolean {
  return ctx.stderr.isTTY && !ctx.env.CI;
}

function progressLine(ctx: Context): (lines: number) => void {
  const start = ctx.now().getTime();
  let last = start;
  return (lines) => {
    const now = ctx.now().getTime();
    if (now - last < 500) return;
    last = now;
    ctx.stderr.write(
      `\r\u001b[Kanalyzing: ${int(lines)} lines, ${((now - start) / 1000).toFixed(0)} s`,
    );
  };
}

function admitter(p: Prepared, o: AnalyzeOptions, calendar: Calendar): (r: UsageRecord) => boolean {
  const wanted = o.models?.length
    ? new Set(o.models.flatMap((m) => [m.toLowerCase(), ...resolvedId(p, m)]))
    : undefined;
  const dateFilter = o.since !== undefined || o.until !== undefined;
  return (r) => {
    if (dateFilter) {
      if (r.timestamp === undefined) return false;
      const day = calendar.day(r.timestamp);
      if ((o.since && day < o.since) || (o.until && day > o.until)) return false;
    }
    if (wanted) {
      const res = p.book.resolve(r.model);
      if (!wanted.has(r.model.toLowerCase()) && !(res.ok && wanted.has(res.record.id)))
        return false;
    }
    return true;
  };
}

function resolvedId(p: Prepared, name: string): string[] {
  const res = p.book.resolve(name);
  return res.ok ? [res.record.id] : [];
}

function budgetCheck(budget: Budget, days: ReturnType<typeof priceGroup>[]) {
  const per = new Map<string, number>();
  for (const d of days) {
    if (d.keys[0] === 'unknown' || d.cost === null) continue;
    const key = budget.per === 'day' ? d.keys[0]! : d.keys[0]!.slice(0, 7);
    per.set(key, (per.get(key) ?? 0) + d.cost);
  }
  const over = [...per]
    .map(([period, actual]) => ({ period, ...checkBudget(budget.amount, budget.per, actual) }))
    .filter((c) => c.over)
    .map(({ period, amount, actual, overBy, overShare }) => ({
      period,
      amount,
      actual,
      overBy,
      overShare,
    }));
  return { over };
}

function summaryLines(
  o: AnalyzeOptions,
  tally: Tally,
  total: ReturnType<typeof priceGroup>,
  period: string,
  unpricedTokens: number,
  allTokens: number,
  batchFallbacks: number,
): string[] {
  const u = total.usage;
  const lines = [
    `period: ${period} (${o.tz} days) · ${int(total.records)} records · ${int(u.requests)} requests`,
    `tokens: ${int(u.input)} input · ${int(u.cacheRead)} cache read · ${int(u.cacheWrite5m + u.cacheWrite1h)} cache write · ${int(u.output)} output (${int(u.reasoning)} reasoning) · input:output ${u.output ? (promptOf(u) / u.output).toFixed(1) : '–'}:1`,
    `cost: ${total.cost === null ? 'unpriced' : usd(total.cost)}${total.loggedCost !== null && total.calculatedCost !== null && Math.abs(total.calculatedCost - (total.cost ?? 0)) >= 0.005 ? ` (calculated from tokens: ${usd(total.calculatedCost)})` : ''} · caching saved ${usd(total.cacheSavings)}`,
  ];
  if (unpricedTokens) {
    lines.push(
      `unpriced: ${int(unpricedTokens)} tokens (${pct(unpricedTokens / allTokens)} of all) from ${total.unpricedModels.join(', ')}: not counted as $0; add prices with --pricing FILE.yaml`,
    );
  }
  if (batchFallbacks)
    lines.push(
      `${int(batchFallbacks)} batch record(s) priced at list price: no batch price in the catalog for their model.`,
    );
  const parts = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .map(([r, n]) => `${int(n)} ${r}`)
      .join(', ');
  if (tally.skipped.size) lines.push(`skipped (not usage): ${parts(tally.skipped)}`);
  if (tally.duplicates.size) lines.push(`duplicates collapsed: ${parts(tally.duplicates)}`);
  if (tally.malformed.size) lines.push(`malformed: ${parts(tally.malformed)}`);
  if (tally.filtered)
    lines.push(`filtered out by --since/--until/--model: ${int(tally.filtered)} records`);
  return lines;
}
