import { fitTable } from './fit.js';
import { printable } from './printable.js';
import { cellText, type RenderOptions, type Report, type Tone } from './report.js';
import { grid } from './text-grid.js';

export function renderTable(report: Report, opts: RenderOptions): string {
  const paint = (tone: Tone) => (s: string) => (opts.paint ? opts.paint(tone, s) : s);
  const out: string[] = [];
  const sections: Report['sections'] =
    opts.catalogSource === 'updated'
      ? [
          ...report.sections,
          {
            kind: 'text',
            lines: [`prices: the catalog updated ${opts.catalogDate} (llmcost prices status)`],
            tone: 'dim',
          },
        ]
      : report.sections;
  for (const section of sections) {
    if (section.kind === 'text') {
      const lines = section.lines.map(printable);
      const fitted = opts.width ? lines.flatMap((l) => wrap(l, opts.width!)) : lines;
      out.push(fitted.map((l) => paint(section.tone ?? 'plain')(l)).join('\n'));
      continue;
    }
    const { table } = section;
    // A table without rows says nothing a terminal reader needs (the text beside it says why there are
    // none); CSV, JSON and markdown keep their empty tables, which a program may expect.
    if (!table.rows.length) continue;
    const head = table.columns.map((c) => printable(c.header));
    const cells = table.rows.map((row) => table.columns.map((c) => printable(cellText(c, row))));
    const fitted = opts.width
      ? fitTable(table.columns, head, cells, opts.width)
      : { keep: table.columns.map((_, i) => i), head, cells, hidden: [] };
    const body = grid(fitted.head, fitted.cells, {
      align: fitted.keep.map((i) => table.columns[i]!.align ?? 'left'),
      paintHeader: paint('bold'),
    });
    const note = fitted.hidden.length
      ? `\n${wrap(
          `(hidden to fit ${opts.width} columns: ${fitted.hidden.join(', ')}; --wide shows all)`,
          opts.width!,
        )
          .map(paint('dim'))
          .join('\n')}`
      : '';
    out.push((table.title ? `${paint('bold')(printable(table.title))}\n${body}` : body) + note);
  }
  return out.join('\n\n') + '\n';
}

/** A line broken at spaces to fit `width`, continuations indented; a word longer than a line is cut. */
export function wrap(line: string, width: number): string[] {
  if ([...line].length <= width) return [line];
  const out: string[] = [];
  let cur = '';
  for (const word of line.split(' ')) {
    const next = cur ? `${cur} ${word}` : word;
    if ([...next].length <= width || !cur) cur = next;
    else {
      out.push(cur);
      cur = `  ${word}`;
    }
  }
  out.push(cur);
  return out.flatMap((l) => {
    const chars = [...l];
    const parts: string[] = [];
    for (let i = 0; i < chars.length; i += width) parts.push(chars.slice(i, i + width).join(''));
    return parts;
  });
}
