import type { Prepared } from './prepared.js';
import type { Budget } from '../core/budget.js';
import type { Context } from '../context.js';
import { costOf } from '../core/cost.js';
import { priceGroup, tokensOf, type RatioBand } from '../core/price-groups.js';
import { int, pct, usd } from '../reporters/format-values.js';
import type { Report, Section } from '../reporters/report.js';
import {
  billedPart,
  chartSection,
  dimName,
  groupColumns,
  groupRows,
  repriceSection,
  topSection,
} from './analyze-report.js';
import { runAnalysis } from './analyze-run.js';
import { buildEngine, type Engine, type EngineSpec } from './analyze-engine.js';
import { PARALLEL_MIN_BYTES, planRanges, runParallel } from './analyze-parallel.js';
import type { Tally } from './analyze-tally.js';
import { progressLine, showProgress } from './analyze-progress.js';
import { budgetCheck, emptyWarnings, summaryLines } from './analyze-summary.js';
import { ok, type AppResult } from './result.js';

export interface AnalyzeOptions extends EngineSpec {
  sources: string[];
  band: RatioBand;
  budget?: Budget;
  exitOnBudget: boolean;
  strict: boolean;
  threads: number;
  parallelMinBytes?: number;
}

/** Reads every source: one large JSONL file on several threads when it pays, else one pass. */
async function readAll(
  ctx: Context,
  p: Prepared,
  o: AnalyzeOptions,
): Promise<{ engine: Engine; tally: Tally; threads: number }> {
  const plan = planRanges(o.sources, o.threads, o.parallelMinBytes ?? PARALLEL_MIN_BYTES);
  if (plan) {
    const parallel = await runParallel(ctx.cwd, p, o, plan).catch(() => undefined);
    if (parallel) return { ...parallel, threads: plan.ranges.length };
  }
  const engine = buildEngine(p.book, o);
  const progress = showProgress(ctx);
  const run = await runAnalysis({
    sources: o.sources,
    cwd: ctx.cwd,
    stdin: ctx.stdin,
    ...(engine.dialect ? { dialect: engine.dialect } : {}),
    admit: engine.admit,
    keepRaw: engine.keepRaw,
    aggregator: engine.aggregator,
    ...(progress ? { progress: progressLine(ctx) } : {}),
  });
  if (progress) ctx.stderr.write('\r\u001b[K');
  return { engine, tally: run.tally, threads: 1 };
}

export async function runAnalyze(ctx: Context, p: Prepared, o: AnalyzeOptions): Promise<AppResult> {
  const { engine, tally, threads } = await readAll(ctx, p, o);
  const agg = engine.aggregator;
  const reprice = engine.reprice;
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
  const billed = billedPart(agg.billed.values());
  const spanned = [...new Set([...dated.map((d) => d.keys[0]!), ...billed.days])].sort();
  const period = spanned.length
    ? `${spanned[0]} to ${spanned[spanned.length - 1]}`
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
  if (billed.line) summary.push(billed.line);
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
    // A run over cost reports alone has no token groups: no empty table above the billed one.
    ...(rows.length || !billed.section
      ? [
          {
            kind: 'table' as const,
            table: { title: `By ${o.by.map(dimName).join(', ')}`, columns, rows },
          },
        ]
      : []),
    ...(flagged.length ? [{ kind: 'text' as const, lines: flagged, tone: 'warn' as const }] : []),
    ...(chart ? [chart] : []),
    ...(billed.section ? [billed.section] : []),
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
        from: spanned[0] ?? null,
        to: spanned[spanned.length - 1] ?? null,
        tz: o.tz,
      },
      costSource: o.costSource,
      threads,
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
      billed: billed.json,
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
  const diagnostics: string[] = emptyWarnings(
    o.by,
    groups,
    total.records,
    tally.lines,
    billed.json.lines.length,
    agg.fieldsSeen,
  );
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
