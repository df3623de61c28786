/**
 * Rows out, in a format chosen by name: JSON lines, CSV or Parquet. Written to a temporary file renamed
 * over the target when complete (a reader never sees half a file), or streamed to an output (JSONL, CSV).
 */
import { closeSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

export type ColumnType = 'int' | 'double' | 'string' | 'bool' | 'timestamp' | 'json';
export interface Column {
  name: string;
  type: ColumnType;
}
/** Values in column order; a timestamp is ms since the epoch, a json column its value (an object). */
export type Row = (string | number | boolean | object | null)[];
export type RowFormat = 'jsonl' | 'csv' | 'parquet';

export interface RowWriter {
  add(row: Row): void;
  /** Resolves when what was added has been handed on (a slow reader of stdout holds the run here). */
  drained(): Promise<void>;
  /** Adds the rows another thread wrote to `part` (same format, no header), after these. */
  append(part: string): Promise<void>;
  /** Writes what is left and puts the file in place. */
  close(): Promise<void>;
  /** Removes the temporary file after a failure. */
  abort(): void;
}

/** Where text goes: a file descriptor, or an output stream that may ask the writer to wait. */
export interface TextTarget {
  write(text: string): boolean | void;
  /** Bytes as they are (a part file appended), where the target can take them. */
  writeBytes?(bytes: Uint8Array): void;
  drained?(): Promise<void>;
}

const iso = (ms: number) => new Date(ms).toISOString();

let lastMs = NaN;
let lastIso = '';
/** ISO 8601 of a time, the last one remembered: rows of one second follow each other in most logs. */
const isoOnce = (ms: number) => (ms === lastMs ? lastIso : ((lastMs = ms), (lastIso = iso(ms))));

/** One JSON line, assembled from the columns' ready-made `"name":` prefixes. */
function jsonLine(prefixes: string[], columns: Column[], row: Row): string {
  let s = '';
  for (let i = 0; i < columns.length; i++) {
    const v = row[i];
    let text: string;
    if (v === null || v === undefined) text = 'null';
    else if (typeof v === 'number')
      text =
        columns[i]!.type === 'timestamp'
          ? `"${isoOnce(v)}"`
          : Number.isFinite(v)
            ? String(v)
            : 'null';
    else if (typeof v === 'boolean') text = v ? 'true' : 'false';
    else text = JSON.stringify(v);
    s += prefixes[i]! + text;
  }
  return `${s}}\n`;
}

const csvCell = (c: Column, v: Row[number]): string => {
  if (v === null || v === undefined) return '';
  if (c.type === 'timestamp') return isoOnce(v as number);
  if (c.type === 'json') v = JSON.stringify(v);
  if (typeof v !== 'string') return String(v);
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
};

/** One CSV line, built in one pass (a map and a join per row cost a fifth of --emit's time). */
function csvLine(columns: Column[], row: Row): string {
  let s = '';
  for (let i = 0; i < columns.length; i++) {
    const v = row[i] ?? null;
    s +=
      (i ? ',' : '') +
      (typeof v === 'number' && columns[i]!.type !== 'timestamp'
        ? String(v)
        : csvCell(columns[i]!, v));
  }
  return `${s}\n`;
}

const FLUSH_AT = 64 * 1024;

/** A text format (JSONL, CSV) batched into 64 KB writes. */
function textWriter(
  columns: Column[],
  format: 'jsonl' | 'csv',
  target: TextTarget,
  done: () => void,
  header = true,
): RowWriter {
  let buf = format === 'csv' && header ? `${columns.map((c) => c.name).join(',')}\n` : '';
  const prefixes = columns.map((c, i) => `${i ? ',' : '{'}${JSON.stringify(c.name)}:`);
  const flush = () => {
    if (buf) target.write(buf);
    buf = '';
  };
  return {
    add(row) {
      buf += format === 'csv' ? csvLine(columns, row) : jsonLine(prefixes, columns, row);
      // Small writes: a 1 MB string, flattened at each flush, lives in V8's large-object space and set
      // off a full collection every few flushes (4 of 12 s of a 200 MB run were GC; 64 KB: young, cheap).
      if (buf.length > FLUSH_AT) flush();
    },
    drained: async () => target.drained?.(),
    async append(part) {
      flush();
      const fd = openSync(part, 'r');
      try {
        const chunk = Buffer.alloc(1 << 20);
        // A chunk may end inside a character: the decoder holds its first bytes for the next one.
        const text = new StringDecoder('utf8');
        for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
          if (target.writeBytes) target.writeBytes(chunk.subarray(0, n));
          else target.write(text.write(chunk.subarray(0, n)));
          await target.drained?.();
        }
      } finally {
        closeSync(fd);
      }
    },
    async close() {
      flush();
      await target.drained?.();
      done();
    },
    abort: done,
  };
}

const PARQUET_TYPES = {
  int: 'INT64',
  double: 'DOUBLE',
  string: 'STRING',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
} as const;
const ROW_GROUP = 32_768;

/** Values as hyparquet-writer takes them: INT64 as bigint, TIMESTAMP as Date, JSON as the value. */
const asParquet = (type: ColumnType, values: unknown[]): unknown[] =>
  type === 'int'
    ? values.map((v) => (v === null ? null : BigInt(v as number)))
    : type === 'timestamp'
      ? values.map((v) => (v === null ? null : new Date(v as number)))
      : type === 'json'
        ? values
        : values;

/** Parquet (hyparquet-writer, pure JavaScript): columns gathered a row group at a time. */
async function parquetWriter(
  columns: Column[],
  path: string,
  meta: Record<string, string>,
): Promise<RowWriter> {
  const { ParquetWriter, fileWriter, schemaFromColumnData } = await import('hyparquet-writer');
  let data: unknown[][] = columns.map(() => []);
  const columnData = () =>
    columns.map((c, i) => ({
      name: c.name,
      data: asParquet(c.type, data[i]!),
      type: PARQUET_TYPES[c.type],
      nullable: true,
    }));
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: schemaFromColumnData({ columnData: columnData() as never }),
    kvMetadata: Object.entries(meta).map(([key, value]) => ({ key, value })),
    createdBy: 'llmcost',
  });
  let rows = 0;
  const flush = () => {
    if (!rows) return;
    writer.write({ columnData: columnData() as never, rowGroupSize: ROW_GROUP });
    data = columns.map(() => []);
    rows = 0;
  };
  return {
    add(row) {
      for (let i = 0; i < columns.length; i++) data[i]!.push(row[i] ?? null);
      if (++rows >= ROW_GROUP) flush();
    },
    drained: async () => undefined,
    append: () => Promise.reject(new Error('parquet rows come from one thread')),
    async close() {
      flush();
      writer.finish();
    },
    abort: () => undefined,
  };
}

/** A text file written through a descriptor, in whole writes. */
function fileTarget(fd: number): TextTarget {
  const writeBytes = (bytes: Uint8Array) => {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
  };
  return { write: (text) => writeBytes(Buffer.from(text, 'utf8')), writeBytes };
}

/** Rows of a worker thread to its part file (no CSV header): the main thread appends it in order. */
export function openPartWriter(
  path: string,
  format: 'jsonl' | 'csv',
  columns: Column[],
): RowWriter {
  const fd = openSync(path, 'wx', 0o600);
  let open = true;
  const close = () => {
    if (open) closeSync(fd);
    open = false;
  };
  const w = textWriter(columns, format, fileTarget(fd), close, false);
  return { ...w, abort: close };
}

/**
 * A writer of `columns` to `path` ("-": `stdout`, text formats only), the file put in place on close.
 * `meta`: key-value metadata where the format has some (Parquet), e.g. the schema version.
 */
export async function openRowWriter(
  path: string,
  format: RowFormat,
  columns: Column[],
  stdout: TextTarget,
  meta: Record<string, string>,
): Promise<RowWriter> {
  if (path === '-') {
    if (format === 'parquet') throw new Error('parquet to stdout');
    return textWriter(columns, format, stdout, () => undefined);
  }
  // Found now, not after the whole run: a folder where the file should go.
  if (statSync(path, { throwIfNoEntry: false })?.isDirectory())
    throw Object.assign(new Error(`${path} is a folder`), { code: 'EISDIR' });
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  const settle = (ok: boolean) => {
    try {
      if (ok) renameSync(temp, path);
    } finally {
      rmSync(temp, { force: true });
    }
  };
  if (format === 'parquet')
    return inPlace(await parquetWriter(columns, temp, meta), () => undefined, settle);
  const fd = openSync(temp, 'wx', 0o644);
  return inPlace(
    textWriter(columns, format, fileTarget(fd), () => undefined),
    () => closeSync(fd),
    settle,
  );
}

/** `w`, whose close puts its temporary file in place and whose abort removes it, each once. */
function inPlace(w: RowWriter, release: () => void, settle: (ok: boolean) => void): RowWriter {
  let done = false;
  const end = (ok: boolean) => {
    if (done) return;
    done = true;
    release();
    settle(ok);
  };
  return {
    ...w,
    async close() {
      await w.close();
      end(true);
    },
    abort: () => end(false),
  };
}
