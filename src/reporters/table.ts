import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { cellText, type RenderOptions, type Report, type Tone } from './report.js';

export function renderTable(report: Report, opts: RenderOptions): string {
  const chalk = new Chalk({ level: opts.color ? 1 : 0 });
  const paint: Record<Tone, (s: string) => string> = {
    plain: (s) => s,
    dim: chalk.dim,
    bold: chalk.bold,
    warn: chalk.yellow,
    bad: chalk.red,
    good: chalk.green,
  };
  const out: string[] = [];
  for (const section of report.sections) {
    if (section.kind === 'text') {
      out.push(section.lines.map((l) => paint[section.tone ?? 'plain'](l)).join('\n'));
      continue;
    }
    const { table } = section;
    const t = new Table({
      head: table.columns.map((c) => chalk.bold(c.header)),
      colAligns: table.columns.map((c) => c.align ?? 'left'),
      style: { head: [], border: [], compact: true },
      chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
    });
    for (const row of table.rows) t.push(table.columns.map((c) => cellText(c, row)));
    out.push([table.title ? chalk.bold(table.title) : '', t.toString()].filter(Boolean).join('\n'));
  }
  return out.join('\n\n') + '\n';
}
