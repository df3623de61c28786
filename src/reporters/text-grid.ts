/**
 * A boxed text table. Widths come from the plain text (cells hold no escape codes); color is applied
 * after padding. Hand-rolled because a general table library cost ~40 ms of compare's 150 ms budget.
 */
export interface GridOptions {
  align: ('left' | 'right')[];
  paintHeader?: (s: string) => string;
}

const width = (s: string) => [...s].length;

export function grid(head: string[], rows: string[][], o: GridOptions): string {
  const widths = head.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s: string, i: number) => {
    const gap = ' '.repeat(widths[i]! - width(s));
    return o.align[i] === 'right' ? gap + s : s + gap;
  };
  const rule = (l: string, m: string, r: string) =>
    l + widths.map((w) => '─'.repeat(w + 2)).join(m) + r;
  const line = (cells: string[], paint = (s: string) => s) =>
    '│' + cells.map((c, i) => ` ${paint(pad(c, i))} `).join('│') + '│';
  return [
    rule('┌', '┬', '┐'),
    line(head, o.paintHeader),
    rule('├', '┼', '┤'),
    ...rows.map((r) => line(r)),
    rule('└', '┴', '┘'),
  ].join('\n');
}
