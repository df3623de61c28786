import { DISPLAY_BUCKETS } from '../core/buckets.js';
import { selectModels, unknownProviderLines } from './select-models.js';
import type { Prepared } from './prepared.js';
import { periodAt } from '../core/price-period.js';
import type { ModelRecord } from '../core/types.js';
import { compactTokens, perM } from '../reporters/format-values.js';
import { right, type Column, type Report, type Row } from '../reporters/report.js';
import { ok, type AppResult } from './result.js';

export interface ModelsOptions {
  provider?: string[];
  search?: string;
  resolve?: string;
  /** Every record, platform copies and deprecated models too. */
  all?: boolean;
  date: string;
}

const money = (v: unknown) => perM(v as number | undefined);
const COLUMNS: Column[] = [
  { key: 'model', header: 'model', priority: 0, shrink: true },
  { key: 'provider', header: 'provider', priority: 2 },
  ...DISPLAY_BUCKETS.map((b) => ({
    ...right(b.unit, b.label, money),
    priority: 'fallback' in b ? 3 : 0,
  })),
  {
    key: 'batchInput',
    priority: 4,
    header: 'batch in/out',
    align: 'right',
    format: (v, r) =>
      v === undefined ? '–' : `${perM(v as number)}/${perM(r.batchOutput as number)}`,
  },
  {
    key: 'tiers',
    priority: 3,
    header: 'long context',
    format: (v) =>
      (v as { threshold: number; input: number; output: number }[] | undefined)
        ?.map((t) => `>${compactTokens(t.threshold)}: ${perM(t.input)}/${perM(t.output)}`)
        .join('; ') ?? '',
  },
  {
    key: 'contextWindow',
    priority: 2,
    header: 'context',
    align: 'right',
    format: (v) => compactTokens(v as number | undefined),
  },
  { key: 'verified', header: 'verified', priority: 5 },
];

export function modelRow(r: ModelRecord, day: string): Row {
  const p = periodAt(r, day);
  return {
    model: r.id,
    name: r.name,
    provider: r.provider,
    ...Object.fromEntries(DISPLAY_BUCKETS.map((b) => [b.unit, p[b.unit]])),
    batchInput: p.batchInput,
    batchOutput: p.batchOutput,
    tiers: p.tiers,
    contextWindow: r.contextWindow,
    maxOutput: r.maxOutput,
    tokenizer: r.tokenizer,
    verified: r.verified,
    source: r.source,
    sourceUrl: r.sourceUrl,
  };
}

/** The table's columns: a price unit no row has (audio, web search for most models) is left out. */
function columnsFor(rows: Row[]): Column[] {
  return COLUMNS.filter(
    (c) => !OPTIONAL_UNITS.has(c.key) || rows.some((r) => r[c.key] !== undefined),
  );
}

const OPTIONAL_UNITS = new Set<string>(
  DISPLAY_BUCKETS.filter((b) => b.key !== 'input' && b.key !== 'output').map((b) => b.unit),
);

export function runModels(p: Prepared, o: ModelsOptions): AppResult {
  if (o.resolve) return resolveOne(p, o.resolve, o.date);
  const needle = o.search?.toLowerCase();
  // A search looks through every record (a hosted Llama has no first-party listing to find), and so do
  // the machine formats: JSON and CSV are the catalog's export; a table is a person's view of it.
  const machine = p.format === 'json' || p.format === 'csv';
  const selection = selectModels(p.book, undefined, o.provider, {
    all: !!o.all || !!needle || machine,
  });
  const records = selection.records.filter(
    (r) =>
      !needle ||
      r.id.includes(needle) ||
      r.name.toLowerCase().includes(needle) ||
      r.aliases.some((a) => a.includes(needle)),
  );
  const rows = records.map((r) => modelRow(r, o.date));
  const warnings = unknownProviderLines(p.book, o.provider);
  const report: Report = {
    json: {
      date: o.date,
      count: rows.length,
      notShown: selection.hidden,
      models: rows.map((row, i) => ({
        ...row,
        aliases: records[i]!.aliases,
        history: records[i]!.prices,
        notes: records[i]!.notes,
      })),
    },
    // No rows (the table renderer leaves an empty table out): what the search missed and what to try.
    sections: [
      { kind: 'table', table: { columns: columnsFor(rows), rows } },
      {
        kind: 'text',
        lines: [
          ...(rows.length
            ? [
                `${rows.length} model(s); USD per 1M tokens, prices in force ${o.date}. "–" means the catalog has no such price.`,
              ]
            : missLines(p, o.search)),
          ...(selection.hidden
            ? [
                `${selection.hidden} more in the catalog (platform and re-seller copies, deprecated models): --provider NAME or --all shows them.`,
              ]
            : []),
        ],
        tone: 'dim',
      },
    ],
    primary: { columns: columnsFor(rows), rows },
  };
  return ok(p.render(report), warnings);
}

/** Why no row is shown, and what to try instead. */
function missLines(p: Prepared, search: string | undefined): string[] {
  const hints = search ? searchMiss(p, search) : [];
  return hints.length ? hints : [`No model matches${search ? ` "${search}"` : ''}.`];
}

/**
 * What to try when a search finds nothing: the text is often a name from a log (a dated id, a provider
 * prefix: `openai/gpt-4.1-2025-04-14`), which no alias contains but which resolves to a record.
 */
function searchMiss(p: Prepared, text: string): string[] {
  const res = p.book.resolve(text);
  if (res.ok)
    return [
      `No id, name or alias contains "${text}"; as a logged name it resolves to ${res.record.id} (${res.record.provider}): llmcost models --resolve '${text}' tells why.`,
    ];
  return res.candidates.length
    ? [`No model contains "${text}"; nearest: ${res.candidates.join(', ')}.`]
    : [];
}

function resolveOne(p: Prepared, name: string, date: string): AppResult {
  const res = p.book.resolve(name);
  if (!res.ok) {
    const lines = [`${name}: matches no model in the catalog; it would be reported as unpriced.`];
    if (res.candidates.length) lines.push(`nearest: ${res.candidates.join(', ')}`);
    const report: Report = {
      json: { name, matched: false, candidates: res.candidates },
      sections: [{ kind: 'text', lines, tone: 'warn' }],
      primary: {
        columns: [
          { key: 'name', header: 'name' },
          { key: 'matched', header: 'matched' },
        ],
        rows: [{ name, matched: false }],
      },
    };
    return ok(p.render(report), [], 1);
  }
  const row = modelRow(res.record, date);
  const report: Report = {
    json: {
      name,
      matched: true,
      model: res.record.id,
      reason: res.reason,
      record: {
        ...row,
        aliases: res.record.aliases,
        history: res.record.prices,
        notes: res.record.notes,
      },
    },
    sections: [
      {
        kind: 'text',
        lines: [
          `${name} -> ${res.record.id} (${res.record.name}, ${res.record.provider})`,
          `why: ${res.reason}`,
        ],
      },
      { kind: 'table', table: { columns: columnsFor([row]), rows: [row] } },
      {
        kind: 'text',
        lines: [
          `source: ${res.record.source}; ${res.record.sourceUrl}`,
          ...(res.record.notes ? [`note: ${res.record.notes}`] : []),
        ],
        tone: 'dim',
      },
    ],
    primary: { columns: columnsFor([row]), rows: [row] },
  };
  return ok(p.render(report));
}
