/**
 * Parquet logs (hyparquet, pure JavaScript; loaded only when a Parquet file is read): Langfuse's blob
 * export, a data lake's usage tables, `analyze --emit`'s own Parquet. Each row becomes an object for
 * dialect detection, as a CSV row does: INT64 as a number (as a decimal string past 2^53), timestamps and
 * dates as ISO text, JSON columns parsed, nested groups as objects. Every codec Parquet writers use is read
 * (snappy, gzip, brotli, zstd, lz4). Rows are read a row group at a time (see `slices`), so memory holds
 * one decoded group, not the file.
 */
import { UsageError } from '../errors.js';
import type { Obj } from './values.js';

/** Parquet's magic number, at the start and the end of every Parquet file. */
const MAGIC = Buffer.from('PAR1');

export function isParquet(first: Buffer): boolean {
  return first.length >= 4 && first.subarray(0, 4).equals(MAGIC);
}

/** Rows read per slice: a slice's objects are all that is held at once. */
const SLICE = 16_384;
/**
 * A row group up to this many rows is read whole: a slice inside a group decodes the group's pages again
 * (unless the file has an offset index), so a DuckDB file's 122,880-row groups read in one go.
 */
const WHOLE_GROUP = 131_072;

/**
 * [start, end) row ranges to read: each row group whole when small enough, else in slices. A generator:
 * a group's row count comes from the file, and a damaged one may claim 10^12 rows.
 */
export function* slices(groupRows: number[]): Generator<[number, number]> {
  let at = 0;
  for (const rows of groupRows) {
    const step = rows <= WHOLE_GROUP ? Math.max(rows, 1) : SLICE;
    for (let s = at; s < at + rows; s += step) yield [s, Math.min(at + rows, s + step)];
    at += rows;
  }
}

const iso = (ms: number) => (Number.isFinite(ms) ? new Date(ms).toISOString() : undefined);

/** Timestamps and dates as ISO text, the form every dialect's time fields read. */
const PARSERS = {
  timestampFromMilliseconds: (v: bigint) => iso(Number(v)),
  timestampFromMicroseconds: (v: bigint) => iso(Number(v / 1000n)),
  timestampFromNanoseconds: (v: bigint) => iso(Number(v / 1_000_000n)),
  dateFromDays: (days: number) => iso(days * 86_400_000)?.slice(0, 10),
};

/**
 * A value as JSON would have given it: bigint as a number (or exact text), dates as ISO text, bytes left
 * out. Rows are hyparquet's fresh objects, so they are changed in place: only values that need it are
 * touched (copying every row's every key took ~45% of reading a Parquet log).
 */
function plain(v: unknown, depth = 0): unknown {
  if (typeof v === 'bigint') {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : v.toString();
  }
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Date) return iso(v.getTime());
  if (ArrayBuffer.isView(v) || depth > 16) return undefined;
  const o = v as Record<string, unknown>;
  for (const k in o) {
    const x = o[k];
    if (typeof x === 'bigint' || (x !== null && typeof x === 'object')) o[k] = plain(x, depth + 1);
  }
  return o;
}

export type ParquetRow = { line: number; record: Obj } | { line: number; error: string };

/**
 * The rows of a Parquet file, numbered from 1. A file hyparquet cannot read is a usage error naming it
 * (`shown`): one line, whatever hyparquet threw; a file-system error goes on as it is.
 */
export async function* parquetRows(path: string, shown: string): AsyncGenerator<ParquetRow> {
  try {
    yield* readRows(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code) throw err;
    throw new UsageError(`cannot read ${shown}: not a readable Parquet file (${firstLine(err)})`);
  }
}

/**
 * What hyparquet said, on one line; a TypeError or RangeError is its code tripping over corrupt bytes,
 * which says nothing to the reader.
 */
const firstLine = (err: unknown) =>
  err instanceof TypeError || err instanceof RangeError
    ? 'corrupt metadata or pages'
    : String((err as Error)?.message ?? err)
        .split('\n')[0]!
        .slice(0, 200);

async function* readRows(path: string): AsyncGenerator<ParquetRow> {
  const { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } =
    await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file, { parsers: PARSERS });
  for (const [start, end] of slices(metadata.row_groups.map((g) => Number(g.num_rows)))) {
    const rows = await parquetReadObjects({
      file,
      metadata,
      compressors,
      parsers: PARSERS,
      rowStart: start,
      rowEnd: end,
      // Pages outside the slice are skipped where the file has an offset index.
      useOffsetIndex: true,
    });
    for (let i = 0; i < rows.length; i++) {
      const line = start + i + 1;
      try {
        yield { line, record: plain(rows[i]) as Obj };
      } catch (err) {
        yield { line, error: `unreadable Parquet row (${(err as Error).name})` };
      }
    }
  }
}
