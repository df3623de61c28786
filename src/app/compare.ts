import { compareModels, type CompareRow } from '../core/compare.js';
import type { Prepared } from './prepared.js';
import { compactTokens, int, requestRate, usd } from '../reporters/format-values.js';
import type { Column, Report } from '../reporters/report.js';
import { ok, type AppResult } from './result.js';
import { selectModels, unknownLine, unknownProviderLines } from './select-models.js';
import { perDay } from '../core/workload.js';

export interface CompareOptions {
  input: number;
  output: number;
  requests: number;
  per: 'day' | 'month';
  cachedInput?: number;
  batch?: boolean;
  provider?: string[];
  models?: string[];
  minContext?: number;
  hideTooSmall?: boolean;
  top?: number;
  /** Every record, platform copies and deprecated models too. */
  all?: boolean;
  daysPerMonth: number;
  date: string;
}

const COLUMNS: Column[] = [
  { key: 'model', priority: 0, shrink: true, header: 'model' },
  { key: 'provider', priority: 3, header: 'provider' },
  {
    key: 'costPerRequest',
    priority: 2,
    header: 'per request',
    align: 'right',
    format: (v) => usd(v as number | null),
  },
  {
    key: 'dailyCost',
    priority: 4,
    header: 'per day',
    align: 'right',
    format: (v) => usd(v as number | null),
  },
  {
    key: 'monthlyCost',
    priority: 0,
    header: 'per month',
    align: 'right',
    format: (v) => usd(v as number | null),
  },
  {
    key: 'xCheapest',
    priority: 3,
    header: 'x cheapest',
    align: 'right',
    format: (v) =>
      v === null ? '' : `${Number(v) >= 10 ? Number(v).toFixed(0) : Number(v).toFixed(1)}x`,
  },
  {
    key: 'contextWindow',
    priority: 2,
    header: 'context',
    align: 'right',
    format: (v, row) =>
      `${compactTokens(v as number | undefined)}${row.fitsContext === false ? ' too small' : ''}`,
  },
  { key: 'verified', priority: 5, header: 'price date' },
];

/** Rows a table shows without --top: a screenful, cheapest first. */
const DEFAULT_TOP = 25;

/**
 * The rows shown: --min-context and --hide-too-small first, then the cheapest `--top` (a person's table
 * shows the cheapest few unless told otherwise; JSON and CSV carry every row).
 */
function visibleRows(all: CompareRow[], p: Prepared, o: CompareOptions) {
  const shown = all.filter(
    (r) =>
      (o.minContext ? (r.record.contextWindow ?? 0) >= o.minContext : true) &&
      !(o.hideTooSmall && r.fitsContext === false),
  );
  const forPeople = p.format === 'table' || p.format === 'markdown';
  const top = o.top ?? (forPeople && !o.models?.length ? DEFAULT_TOP : undefined);
  const rows = top ? shown.slice(0, top) : shown;
  return { rows, shown, hidden: all.length - shown.length, top };
}

export function runCompare(p: Prepared, o: CompareOptions): AppResult {
  const selection = selectModels(p.book, o.models, o.provider, {
    all: !!o.all,
    generating: true,
  });
  const { records, unknown } = selection;
  const requestsPerDay = perDay(o.requests, o.per, o.daysPerMonth);
  const workload = {
    input: o.input,
    output: o.output,
    cachedShare: o.cachedInput ?? 0,
    requestsPerDay,
    daysPerMonth: o.daysPerMonth,
    batch: !!o.batch,
    day: o.date,
  };
  const { rows, shown, hidden, top } = visibleRows(compareModels(records, workload), p, o);
  const cut = shown.length - rows.length;
  const tableRows = rows.map(toRow);
  const notes = [
    `${int(o.input)} input + ${int(o.output)} output tokens per request${o.cachedInput ? ` (${Math.round(o.cachedInput * 100)}% of input from prompt cache)` : ''}, ${requestRate(o.requests, o.per)}, ${o.daysPerMonth}-day month${o.batch ? ', batch prices' : ''}; prices in force ${o.date}.`,
  ];
  if (hidden) notes.push(`${hidden} model(s) hidden by --min-context/--hide-too-small.`);
  if (cut && o.top === undefined)
    notes.push(
      `the ${top} cheapest of ${int(shown.length)} shown: --top N shows more, --json lists all.`,
    );
  if (selection.hidden)
    notes.push(
      `${int(selection.hidden)} more in the catalog (platform and re-seller copies, deprecated and embedding models): --provider NAME or --all shows them.`,
    );
  const tooSmall = rows.filter((r) => r.fitsContext === false).length;
  if (tooSmall)
    notes.push(
      `${tooSmall} model(s) marked "too small": the request does not fit their context window.`,
    );
  const tiered = rows.filter((r) => r.tierApplied !== undefined).length;
  if (tiered)
    notes.push(
      `${tiered} model(s) priced at their long-context tier (whole request above the threshold).`,
    );
  const noBatch = rows.filter((r) => r.costPerRequest === null).length;
  if (noBatch)
    notes.push(`${noBatch} model(s) have no batch price in the catalog: shown unpriced, not $0.`);
  const report: Report = {
    json: {
      workload: { ...workload, requests: o.requests, per: o.per },
      rows: tableRows,
      unpriced: unknown.map((u) => ({ model: u.name, candidates: u.candidates })),
      hidden,
      notShown: selection.hidden,
    },
    sections: [
      { kind: 'table', table: { columns: COLUMNS, rows: tableRows } },
      { kind: 'text', lines: notes, tone: 'dim' },
      ...(unknown.length
        ? [{ kind: 'text' as const, lines: unknown.map(unknownLine), tone: 'warn' as const }]
        : []),
    ],
    primary: { columns: COLUMNS, rows: tableRows },
    charts: [
      {
        title: 'Monthly cost, cheapest first',
        unit: 'usd',
        bars: rows
          .filter((x) => x.monthlyCost !== null)
          .slice(0, 30)
          .map((x) => ({ label: x.record.id, value: x.monthlyCost! })),
      },
    ],
  };
  return ok(p.render(report), [
    ...unknownProviderLines(p.book, o.provider),
    ...(unknown.length && p.format !== 'table' ? unknown.map(unknownLine) : []),
  ]);
}

function toRow(r: CompareRow) {
  return {
    model: r.record.id,
    name: r.record.name,
    provider: r.record.provider,
    costPerRequest: r.costPerRequest,
    dailyCost: r.dailyCost,
    monthlyCost: r.monthlyCost,
    xCheapest: r.xCheapest,
    contextWindow: r.record.contextWindow,
    fitsContext: r.fitsContext,
    verified: r.record.verified,
    ...(r.tierApplied !== undefined ? { tierThreshold: r.tierApplied } : {}),
    ...(r.note ? { note: r.note } : {}),
  };
}
