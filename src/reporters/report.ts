/** What an app hands to a reporter: the machine document and the sections a person reads. */
export interface Column {
  key: string;
  header: string;
  align?: 'left' | 'right';
  format?: (value: unknown, row: Row) => string;
  /** How readily the column is hidden when a terminal is too narrow: 0 never, higher first (default 1). */
  priority?: number;
  /** A name column: shortened in the middle rather than hidden when room is short. */
  shrink?: boolean;
}

export type Row = Record<string, unknown>;

/** A right-aligned (numeric) column. */
export function right(key: string, header: string, format?: Column['format']): Column {
  return { key, header, align: 'right', ...(format ? { format } : {}) };
}

export interface Table {
  title?: string;
  columns: Column[];
  rows: Row[];
}

export type Tone = 'plain' | 'dim' | 'bold' | 'warn' | 'bad' | 'good';

export type Section =
  { kind: 'table'; table: Table } | { kind: 'text'; lines: string[]; tone?: Tone };

/** A horizontal bar chart for the HTML report: one bar per row, optionally stacked. */
export interface BarChart {
  title: string;
  unit: 'usd' | 'tokens' | 'ratio';
  bars: { label: string; value: number; parts?: { label: string; value: number }[] }[];
  /** A budget or limit, drawn as a line. */
  marker?: { value: number; label: string };
  /** A healthy range, drawn as two lines. */
  band?: { low: number; high: number };
}

export interface Report {
  /** The JSON document (schemaVersion and catalogDate are added by the JSON reporter). */
  json: Record<string, unknown>;
  sections: Section[];
  /** The table CSV prints. */
  primary: Table;
  /** Charts the HTML report draws beside the tables. */
  charts?: BarChart[];
}

export interface RenderOptions {
  catalogDate: string;
  /** Which catalog priced the report: the bundled one or one `llmcost prices update` fetched. */
  catalogSource?: 'bundled' | 'updated';
  /** Colors text on a TTY; absent when output is plain. */
  paint?: (tone: Tone, text: string) => string;
  /** The terminal's width: tables are fitted to it. Absent for pipes and files, and with --wide. */
  width?: number;
}

export const SCHEMA_VERSION = 1;

export function cellText(col: Column, row: Row): string {
  const v = row[col.key];
  if (col.format) return col.format(v, row);
  if (v === null || v === undefined) return '';
  return String(v);
}

/** Strips binary floating-point noise (0.000254999…) from machine output; 12 significant digits. */
export function cleanNumber(v: unknown): unknown {
  return typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)
    ? Number(v.toPrecision(12))
    : v;
}
