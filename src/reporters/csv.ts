import { printable, spreadsheetSafe } from './printable.js';
import { cleanNumber, type Report } from './report.js';

/**
 * One cell. Text from logs is made printable too: a CSV report is read in terminals and CI logs, where a
 * raw line break inside a quoted cell starts a line GitHub Actions runs as a `::command`.
 */
function field(raw: unknown): string {
  const v = cleanNumber(raw);
  // No number (a ratio without output tokens is Infinity): an empty cell, as JSON writes null.
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s =
    typeof v === 'string'
      ? spreadsheetSafe(printable(v))
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** CSV of the report's primary table, raw values (no currency symbols, no rounding). */
export function renderCsv(report: Report): string {
  const { columns, rows } = report.primary;
  const lines = [columns.map((c) => field(c.key)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => field(row[c.key])).join(','));
  return lines.join('\n') + '\n';
}
