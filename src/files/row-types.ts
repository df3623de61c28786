/** What the row writers take and give: columns, rows, a writer, a text target. */
import type { ByteOut } from './byte-out.js';
// Where text goes is the byte writer's to say (byte-out.ts); named here with the rest.
export type { TextTarget } from './byte-out.js';

export type ColumnType = 'int' | 'double' | 'string' | 'bool' | 'timestamp' | 'json';
export interface Column {
  name: string;
  type: ColumnType;
}
/**
 * Values in column order; a timestamp is ms since the epoch, a json column its value (an object, not changed
 * once written: text writers reuse the text of the object they wrote last).
 */
export type Row = (string | number | boolean | object | null)[];
export type RowFormat = 'jsonl' | 'csv' | 'parquet';

export interface RowWriter {
  add(row: Row): void;
  /** A text format's output, where a caller encodes rows of its own (emit-text.ts) instead of `add`. */
  text?: { out: ByteOut; format: 'jsonl' | 'csv' };
  /** Resolves when what was added has been handed on (a slow reader of stdout holds the run here). */
  drained(): Promise<void>;
  /**
   * Adds the rows another thread writes to `part` (same format, no header) after these, copying them while
   * it writes; `done` resolves, once that thread's part writer has closed, with what its `close` returned
   * (Parquet: the part's row groups, see parquet-parts.ts).
   */
  append(part: string, done: Promise<unknown>): Promise<void>;
  /** Writes what is left and puts the file in place; a part's writer returns what `append` needs. */
  close(): Promise<unknown>;
  /** Removes the temporary file after a failure. */
  abort(): void;
}
