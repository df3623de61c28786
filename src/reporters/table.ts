import { printable } from './printable.js';
import { cellText, type RenderOptions, type Report, type Tone } from './report.js';
import { grid } from './text-grid.js';

export function renderTable(report: Report, opts: RenderOptions): string {
  const paint = (tone: Tone) => (s: string) => (opts.paint ? opts.paint(tone, s) : s);
  const out: string[] = [];
  for (const section of report.sections) {
    if (section.kind === 'text') {
      out.push(section.lines.map((l) => paint(section.tone ?? 'plain')(printable(l))).join('\n'));
      continue;
    }
    const { table } = section;
    const body = grid(
      table.columns.map((c) => printable(c.header)),
      table.rows.map((row) => table.columns.map((c) => printable(cellText(c, row)))),
      { align: table.columns.map((c) => c.align ?? 'left'), paintHeader: paint('bold') },
    );
    out.push(table.title ? `${paint('bold')(printable(table.title))}\n${body}` : body);
  }
  return out.join('\n\n') + '\n';
}
