import { jsonPrintable } from './printable.js';
import { cleanNumber, SCHEMA_VERSION, type RenderOptions, type Report } from './report.js';

export function renderJson(report: Report, opts: RenderOptions): string {
  const doc = {
    schemaVersion: SCHEMA_VERSION,
    catalogDate: opts.catalogDate,
    catalogSource: opts.catalogSource ?? 'bundled',
    ...report.json,
  };
  const text = JSON.stringify(
    doc,
    (_k, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? null : cleanNumber(v)),
    2,
  );
  return `${jsonPrintable(text)}\n`;
}
