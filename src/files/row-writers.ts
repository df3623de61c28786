/**
 * Rows out, in a format chosen by name: JSON lines, CSV or Parquet. Written to a temporary file renamed
 * over the target when complete (a reader never sees half a file), or streamed to an output (JSONL, CSV).
 */
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { parquetWriter } from './parquet-rows.js';
import { textWriter } from './text-rows.js';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export type { Column, ColumnType, Row, RowFormat, RowWriter, TextTarget } from './row-types.js';
import type { Column, RowFormat, RowWriter, TextTarget } from './row-types.js';

/** A text file written through a descriptor, in whole writes. */
function fileTarget(fd: number): TextTarget {
  const writeBytes = (bytes: Uint8Array) => {
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
  };
  return { write: (text) => writeBytes(Buffer.from(text, 'utf8')), writeBytes };
}

/**
 * Rows of a worker thread to its part file (no CSV header, no Parquet footer): the main thread appends it
 * in order, with what the part's `close` returned.
 */
export async function openPartWriter(
  path: string,
  format: RowFormat,
  columns: Column[],
): Promise<RowWriter> {
  if (format === 'parquet') return parquetWriter(columns, path, {}, true);
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
