import { renderHtml } from './html.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { RenderOptions, Report } from './report.js';
import { renderTable } from './table.js';

export const FORMATS = ['table', 'json', 'csv', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

const REPORTERS: Record<Format, (r: Report, o: RenderOptions) => string> = {
  table: renderTable,
  json: renderJson,
  csv: renderCsv,
  markdown: renderMarkdown,
  html: renderHtml,
};

export function render(format: Format, report: Report, opts: RenderOptions): string {
  return REPORTERS[format](report, opts);
}
