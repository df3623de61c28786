import { printable } from './printable.js';
import { cellText, type Report } from './report.js';

const escape = (s: string) => printable(s).replace(/\|/g, '\\|');

export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  for (const section of report.sections) {
    if (section.kind === 'text') {
      out.push(section.lines.map((l) => (l.trim() ? printable(l) : '')).join('  \n'));
      continue;
    }
    const { table } = section;
    const lines: string[] = [];
    if (table.title) lines.push(`### ${printable(table.title)}`, '');
    lines.push(`| ${table.columns.map((c) => escape(c.header)).join(' | ')} |`);
    lines.push(`|${table.columns.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`);
    for (const row of table.rows) {
      lines.push(`| ${table.columns.map((c) => escape(cellText(c, row))).join(' | ')} |`);
    }
    out.push(lines.join('\n'));
  }
  return out.join('\n\n') + '\n';
}
