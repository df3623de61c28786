import { codePoints as width } from '../core/code-points.js';
import type { Column } from './report.js';

/** Cells and headers of a table, cut to fit a terminal: which columns stay, and which were hidden. */
export interface Fitted {
  keep: number[];
  head: string[];
  cells: string[][];
  hidden: string[];
}

/** Box drawing: a border before every column and after the last, and one space either side of a cell. */
const tableWidth = (widths: number[]) => widths.reduce((s, w) => s + w + 3, 1);

/** `claude-sonnet-4-5-2…0929`: the start and the end of a long name, never wrapped. */
export function shortenMiddle(s: string, max: number): string {
  const chars = [...s];
  if (chars.length <= max) return s;
  const tail = Math.floor((max - 1) / 3);
  return `${chars.slice(0, max - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/** `19,093` as `19.1k`, `$12,345.67` as `$12.3k`, `1,500,000` as `1.5M`; smaller numbers and text as they are. */
export function compactNumber(cell: string): string {
  const m = /^(-?)(\$?)([\d,]+)(\.\d+)?$/.exec(cell);
  if (!m) return cell;
  const n = Number(m[3]!.replace(/,/g, '') + (m[4] ?? ''));
  if (n < 10_000) return cell;
  const [div, unit] = n >= 1e9 ? [1e9, 'B'] : n >= 1e6 ? [1e6, 'M'] : [1e3, 'k'];
  const v = n / div;
  return `${m[1]}${m[2]}${v >= 100 ? v.toFixed(0) : v.toFixed(1)}${unit}`;
}

/**
 * Fits a table into `limit` columns of terminal, in steps, each only while the rows are too wide: hide the
 * columns that matter least (`priority` 4 and up, highest first), write large numbers compactly (`1.2M`,
 * `$12.3k`), shorten long names (`shrink` columns) in the middle to 24 characters, hide the rest by
 * priority (0 is never hidden), then shorten names to 16.
 * What was hidden is returned for a one-line note.
 */
export function fitTable(
  columns: Column[],
  head: string[],
  cells: string[][],
  limit: number,
): Fitted {
  let keep = columns.map((_, i) => i);
  let rows = cells;
  const widthOf = (i: number) =>
    rows.reduce((m, r) => Math.max(m, width(r[i] ?? '')), width(head[i]!));
  let widths = columns.map((_, i) => widthOf(i));
  const total = () => tableWidth(keep.map((i) => widths[i]!));
  const hidden: string[] = [];
  const hide = (minPriority: number) => {
    const order = keep
      .filter((i) => (columns[i]!.priority ?? 1) >= minPriority && (columns[i]!.priority ?? 1) > 0)
      .sort((a, b) => (columns[b]!.priority ?? 1) - (columns[a]!.priority ?? 1) || b - a);
    for (const i of order) {
      if (total() <= limit) return;
      keep = keep.filter((k) => k !== i);
      hidden.push(head[i]!.trim() || columns[i]!.key);
    }
  };
  const shrink = (floor: number) => {
    const names = keep.filter((i) => columns[i]!.shrink);
    if (total() <= limit || !names.length) return;
    const room = Math.max(floor, Math.max(...names.map((i) => widths[i]!)) - (total() - limit));
    rows = rows.map((r) => r.map((c, i) => (columns[i]!.shrink ? shortenMiddle(c, room) : c)));
    widths = columns.map((_, i) => widthOf(i));
  };
  hide(4);
  if (total() > limit) {
    rows = rows.map((r) => r.map((c, i) => (columns[i]!.align === 'right' ? compactNumber(c) : c)));
    widths = columns.map((_, i) => widthOf(i));
  }
  shrink(24);
  hide(1);
  shrink(16);
  return {
    keep,
    head: keep.map((i) => head[i]!),
    cells: rows.map((r) => keep.map((i) => r[i] ?? '')),
    hidden,
  };
}
