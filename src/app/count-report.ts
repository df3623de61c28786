import type { BaselineDiff, Breach } from '../core/prompt-budget.js';
import { comparePaths } from '../files/paths.js';
import type { ModelRecord } from '../core/types.js';
import { int, pct, usd } from '../reporters/format-values.js';
import type { Column, Report, Row, Section } from '../reporters/report.js';
import type { Counting } from '../tokenize/families.js';

export interface CountRow extends Row {
  path: string;
  kind: 'text' | 'chat';
  tokens: number;
  chars: number;
  charsPerToken: number | null;
  costs: Record<string, number>;
  monthly?: Record<string, number>;
}

export interface CountReportInput {
  rows: CountRow[];
  models: ModelRecord[];
  primary: Counting;
  sort: 'tokens' | 'path';
  top?: number;
  requestsPerMonth: number | undefined;
  skipped: { ignored: number; excluded: number; binary: number };
  breaches: Breach[];
  messages: string[];
  baseline: BaselineDiff | undefined;
  savedBaseline: string | undefined;
  /** The breach lines as a section (see budgetOutcome). */
  budget?: Section;
  /** --max-tokens, drawn on the HTML chart. */
  maxTokens?: number;
}

/** Files in the order asked, then --top. */
function ordered(i: CountReportInput): CountRow[] {
  return [...i.rows].sort((a, b) =>
    i.sort === 'path'
      ? comparePaths(a.path, b.path)
      : b.tokens - a.tokens || comparePaths(a.path, b.path),
  );
}

function totalRow(i: CountReportInput): CountRow {
  const total: CountRow = {
    path: `total (${i.rows.length} file${i.rows.length === 1 ? '' : 's'})`,
    kind: 'text',
    tokens: sum(i.rows.map((r) => r.tokens)),
    chars: sum(i.rows.map((r) => r.chars)),
    charsPerToken: null,
    costs: Object.fromEntries(
      i.models.map((m) => [m.id, sum(i.rows.map((r) => r.costs[m.id] ?? 0))]),
    ),
    ...(i.requestsPerMonth !== undefined
      ? {
          monthly: Object.fromEntries(
            i.models.map((m) => [m.id, sum(i.rows.map((r) => r.monthly?.[m.id] ?? 0))]),
          ),
        }
      : {}),
  };
  total.charsPerToken = total.tokens ? total.chars / total.tokens : null;
  return total;
}

function countColumns(i: CountReportInput): Column[] {
  const mark = i.primary.exact ? '' : '~';
  return [
    { key: 'path', header: 'file', priority: 0, shrink: true },
    {
      key: 'tokens',
      priority: 0,
      header: `tokens (${i.primary.encoding}${i.primary.exact ? '' : ', estimate'})`,
      align: 'right',
      format: (v) => `${mark}${int(v as number)}`,
    },
    { key: 'chars', header: 'chars', align: 'right', priority: 4, format: (v) => int(v as number) },
    {
      key: 'charsPerToken',
      priority: 5,
      header: 'chars/token',
      align: 'right',
      format: (v) => (v === null ? '' : (v as number).toFixed(2)),
    },
    ...i.models.map((m): Column => ({
      key: `cost:${m.id}`,
      priority: 2,
      header: `${exactTokenizer(m) ? '' : '~'}${m.id} input`,
      align: 'right',
      format: (v) => usd(v as number),
    })),
    ...(i.requestsPerMonth !== undefined
      ? i.models.map((m): Column => ({
          key: `monthly:${m.id}`,
          priority: 3,
          header: `${exactTokenizer(m) ? '' : '~'}${m.id}/month`,
          align: 'right',
          format: (v) => usd(v as number),
        }))
      : []),
  ];
}

/** Estimates, the monthly basis, what was skipped, --top, and the baseline comparison. */
function countNotes(i: CountReportInput, files: number): string[] {
  const notes: string[] = [];
  const estimated = i.models.filter((m) => !exactTokenizer(m));
  if (!i.primary.exact || estimated.length) {
    notes.push(
      `~ estimate: ${[...(i.primary.exact ? [] : ['tokens']), ...estimated.map((m) => m.id)].join(', ')} counted with an OpenAI encoding as a proxy (no exact offline tokenizer for that family).`,
    );
  }
  if (i.requestsPerMonth !== undefined)
    notes.push(
      `/month: input cost when every one of ${int(i.requestsPerMonth)} requests/month sends the file.`,
    );
  const skippedParts = [
    i.skipped.ignored && `${i.skipped.ignored} ignored by .gitignore`,
    i.skipped.binary && `${i.skipped.binary} binary`,
    i.skipped.excluded && `${i.skipped.excluded} excluded by --include/--exclude`,
  ].filter(Boolean);
  if (skippedParts.length) notes.push(`skipped: ${skippedParts.join(', ')}.`);
  if (i.top && files > i.top)
    notes.push(`showing the top ${i.top} of ${files} files; the total covers all.`);
  const b = i.baseline;
  if (b) {
    notes.push(
      `baseline: ${b.changed.length} changed, ${b.added.length} new, ${b.removed.length} removed.`,
    );
    for (const a of b.added) notes.push(`  new: ${a.path} (${int(a.tokens)} tokens)`);
    for (const r of b.removed) notes.push(`  removed: ${r.path} (was ${int(r.tokens)} tokens)`);
    for (const c of b.changed)
      notes.push(
        `  changed: ${c.path} ${int(c.before)} -> ${int(c.after)} (${c.growth >= 0 ? '+' : ''}${pct(c.growth)})`,
      );
  }
  if (i.savedBaseline) notes.push(`baseline saved to ${i.savedBaseline}.`);
  return notes;
}

const flat = (r: CountRow): Row => ({
  ...r,
  ...Object.fromEntries(Object.entries(r.costs).map(([k, v]) => [`cost:${k}`, v])),
  ...Object.fromEntries(Object.entries(r.monthly ?? {}).map(([k, v]) => [`monthly:${k}`, v])),
});

export function buildCountReport(i: CountReportInput): Report {
  const sorted = ordered(i);
  const total = totalRow(i);
  const columns = countColumns(i);
  const tableRows = [...(i.top ? sorted.slice(0, i.top) : sorted).map(flat), flat(total)];
  const notes = countNotes(i, sorted.length);
  const sections: Section[] = [
    { kind: 'table', table: { columns, rows: tableRows } },
    ...(notes.length ? [{ kind: 'text' as const, lines: notes, tone: 'dim' as const }] : []),
    ...(i.budget ? [i.budget] : []),
  ];
  return {
    json: {
      encoding: i.primary.encoding,
      exact: i.primary.exact,
      models: i.models.map((m) => ({ id: m.id, tokenizer: m.tokenizer, exact: exactTokenizer(m) })),
      files: sorted.map(({ path, kind, tokens, chars, charsPerToken, costs, monthly }) => ({
        path,
        kind,
        tokens,
        chars,
        charsPerToken,
        costs,
        ...(monthly ? { monthly } : {}),
      })),
      total: {
        files: i.rows.length,
        tokens: total.tokens,
        chars: total.chars,
        costs: total.costs,
        ...(total.monthly ? { monthly: total.monthly } : {}),
      },
      skipped: i.skipped,
      breaches: i.breaches.map((br, k) => ({ ...br, message: i.messages[k] })),
      ...(i.baseline ? { baseline: i.baseline } : {}),
    },
    sections,
    primary: { columns, rows: tableRows },
    charts: [
      {
        title: `Tokens per file (${i.primary.encoding})`,
        unit: 'tokens',
        bars: sorted.slice(0, 40).map((r) => ({ label: r.path, value: r.tokens })),
        ...(i.maxTokens !== undefined
          ? { marker: { value: i.maxTokens, label: '--max-tokens' } }
          : {}),
      },
    ],
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const exactTokenizer = (m: ModelRecord) =>
  m.tokenizer === 'o200k_base' || m.tokenizer === 'cl100k_base';
