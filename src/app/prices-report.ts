import { int, perM } from '../reporters/format-values.js';
import { right, type Column, type Report, type Row } from '../reporters/report.js';
import type { CatalogChanges, PriceRow } from './prices-changes.js';

const price = (p: PriceRow) =>
  `${perM(p.input)}/${perM(p.output)}${p.cacheRead !== undefined ? ` (cache ${perM(p.cacheRead)})` : ''}`;

const COLUMNS: Column[] = [
  { key: 'model', header: 'model', priority: 0, shrink: true },
  { key: 'provider', header: 'provider', priority: 2 },
  { key: 'old', header: 'before (in/out per 1M)', format: (v) => price(v as PriceRow) },
  { key: 'new', header: 'after', format: (v) => price(v as PriceRow) },
  right('factor', 'x', (v) => `${(v as number).toFixed(1)}x`),
];

/** `added: a, b, …` for the first dozen, or nothing. */
function idsLine(label: string, records: { id: string }[]): string[] {
  if (!records.length) return [];
  const ids = records.slice(0, 12).map((r) => r.id);
  return [`${label}: ${ids.join(', ')}${records.length > 12 ? ', …' : ''}`];
}

const dimLines = (lines: string[]) =>
  lines.length ? [{ kind: 'text' as const, lines, tone: 'dim' as const }] : [];

/** At most this many rows in a table; JSON and CSV carry them all. */
const TABLE_ROWS = 40;

/**
 * What changed between two catalogs: models added, removed and repriced with old -> new prices. `status`
 * says what happened to them (an update written or refused, or a diff shown).
 */
export function changesReport(
  c: CatalogChanges,
  status: 'updated' | 'refused' | 'diff',
  models?: number,
  file?: string,
  heading?: string,
): Report {
  const rows: Row[] = c.repriced.map((r) => ({
    model: r.id,
    provider: r.provider,
    old: r.old,
    new: r.new,
    factor: r.factor,
  }));
  const lines = [
    heading ??
      (status === 'updated'
        ? `updated: ${int(models)} models written to ${file}`
        : status === 'refused'
          ? 'refused: these prices moved more than 10x; nothing was written'
          : 'changes'),
    `${int(c.added.length)} added, ${int(c.removed.length)} removed, ${int(c.repriced.length)} repriced`,
  ];
  const shown = rows.slice(0, TABLE_ROWS);
  return {
    json: {
      status,
      ...(models !== undefined ? { models } : {}),
      ...(file ? { file } : {}),
      added: c.added.map((r) => ({ model: r.id, provider: r.provider })),
      removed: c.removed.map((r) => ({ model: r.id, provider: r.provider })),
      repriced: rows,
    },
    sections: [
      { kind: 'text', lines, tone: status === 'refused' ? 'bad' : 'plain' },
      ...(shown.length
        ? [{ kind: 'table' as const, table: { title: 'Repriced', columns: COLUMNS, rows: shown } }]
        : []),
      ...dimLines(
        rows.length > shown.length
          ? [`… and ${int(rows.length - shown.length)} more (--json lists all)`]
          : [],
      ),
      ...dimLines(idsLine('added', c.added)),
      ...dimLines(idsLine('removed', c.removed)),
    ],
    primary: { columns: COLUMNS, rows },
  };
}
