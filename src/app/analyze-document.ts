import { analyzeCharts } from './analyze-charts.js';
import type { Aggregator } from '../core/aggregate.js';
import { allTokens, BUCKETS } from '../core/buckets.js';
import type { Usage } from '../core/types.js';
import { COUNT_FIELDS } from '../core/usage-record.js';
import type { Report, Section } from '../reporters/report.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { int, usd } from '../reporters/format-values.js';
import type { ActiveBlock } from './analyze-blocks.js';
import {
  chartSection,
  localMinute,
  dimName,
  groupColumns,
  groupRows,
  repriceSection,
  topSection,
} from './analyze-report.js';
import type { AnalyzeResult } from './analyze-result.js';
import { summaryLines } from './analyze-summary.js';
import type { Tally } from './analyze-tally.js';

/** The open block: when it started and ends, its burn rate, and what it will cost at that rate. */
function activeLine(a: ActiveBlock, tz: string): string {
  const h = Math.floor(a.elapsedMinutes / 60);
  const cost = (v: number | null) => (v === null ? 'unpriced' : usd(v));
  return `active block: ${localMinute(Date.parse(a.start), tz)} to ${localMinute(Date.parse(a.end), tz)}, ${h}h ${a.elapsedMinutes % 60}m in · ${int(a.tokensPerHour)} tokens/hour · ${cost(a.costPerHour)}/hour · projected ${cost(a.projectedCost)} at its end`;
}

const judgedText = (j: { ratio: number; fresh: boolean }) =>
  `${j.fresh ? 'fresh input:output (cache reads aside)' : 'input:output'} ${j.ratio.toFixed(1)}:1`;

/** Groups outside the healthy input:output band, one line each. */
function ratioLines(rows: ReturnType<typeof groupRows>, o: AnalyzeOptions): string[] {
  return rows
    .filter((r) => r.flag)
    .map(
      (r) =>
        `${o.by.map((d) => r[dimName(d)]).join(' / ')}: ${judgedText(r.judged as { ratio: number; fresh: boolean })} is outside ${o.band.low}:1 to ${o.band.high}:1 (${String(r.flag)})`,
    );
}

/**
 * Usage with its keys in one order: the sums gain a modality's key when a record first has it, so the
 * order would depend on which record came first (a merge of shards must write what one pass writes).
 */
function inOrder(u: Usage): Usage {
  const out: Record<string, number> = {};
  for (const k of COUNT_FIELDS) out[k] = u[k];
  for (const b of BUCKETS) if (u[b.key] !== undefined && !(b.key in out)) out[b.key] = u[b.key]!;
  return out as unknown as Usage;
}

function summaryJson(r: AnalyzeResult) {
  const t = r.total;
  const unpriced = allTokens(t.unpriced);
  const all = allTokens(t.usage);
  return {
    records: t.records,
    requests: t.usage.requests,
    usage: inOrder(t.usage),
    cost: t.cost,
    calculatedCost: t.calculatedCost,
    loggedCost: t.loggedCost,
    cacheSavings: t.cacheSavings,
    unpriced: {
      tokens: unpriced,
      share: all ? unpriced / all : 0,
      models: t.unpricedModels,
      usage: inOrder(t.unpriced),
    },
  };
}

/** The report of an analysis: summary, groups, flags, daily chart, billed, top, reprice, budget. */
export function analyzeDocument(
  r: AnalyzeResult,
  agg: Aggregator,
  tally: Tally,
  o: AnalyzeOptions,
  threads: number,
  budget: Section | undefined,
): Report {
  const { total, billed, spanned } = r;
  const period = spanned.length
    ? `${spanned[0]} to ${spanned[spanned.length - 1]}`
    : 'no timestamps';
  const unpriced = allTokens(total.unpriced);
  const summary = summaryLines(
    o,
    tally,
    total,
    period,
    unpriced,
    allTokens(total.usage),
    agg.batchFallbacks,
  );
  if (billed.line) summary.push(billed.line);
  if (r.active) summary.push(activeLine(r.active, o.tz));
  const rows = groupRows(r.groups, o.by, total.cost, o.band);
  const flagged = ratioLines(rows, o);
  const columns = groupColumns(o.by, total.loggedCost !== null, o.tz);
  const chart = chartSection(r.days);
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
    ...(r.repriced.length ? [repriceSection(r.repriced, total.cost)] : []),
    ...(budget ? [budget] : []),
  ];
  const json = {
    period: { from: spanned[0] ?? null, to: spanned[spanned.length - 1] ?? null, tz: o.tz },
    costSource: o.costSource,
    threads,
    summary: summaryJson(r),
    by: o.by.map(dimName),
    groups: rows,
    days: r.days.map((d) => ({
      day: d.keys[0],
      cost: d.cost,
      requests: d.usage.requests,
      tokens: allTokens(d.usage),
    })),
    top: agg.top,
    billed: billed.json,
    ...(r.active ? { activeBlock: r.active } : {}),
    reprice: r.repriced,
    ...(r.budget && o.budget
      ? {
          budget: {
            amount: o.budget.amount,
            per: o.budget.per,
            warnAt: o.warnAt,
            over: r.budget.over,
            latest: r.budget.latest ?? null,
          },
        }
      : {}),
    ...(r.budget?.forecast ? { forecast: r.budget.forecast } : {}),
    ...tally.toJSON(),
    ratioFlags: flagged,
  };
  return { json, sections, primary: { columns, rows }, charts: analyzeCharts(r, o) };
}
