import { displayPath } from '../files/paths.js';
import type { Aggregator, Location } from '../core/aggregate.js';
import { KeepLargest, RecentIds, type Held, type IdSet } from '../core/dedup.js';
import { UNKNOWN_MODEL, type UsageRecord } from '../core/usage-record.js';
import { UsageError } from '../errors.js';
import { logBytes, fileBytes } from '../readers/bytes.js';
import { csvRows, looksLikeCsv } from '../readers/csv-records.js';
import { DialectDetector } from '../readers/dialects/index.js';
import type { Dialect } from '../readers/dialects/types.js';
import { lineBatches, MAX_LINE_BYTES } from '../readers/lines.js';
import { badReason, checkRecord } from '../readers/check-record.js';
import type { Obj } from '../readers/values.js';
import { Tally } from './analyze-tally.js';

export interface Admit {
  /** false when --since/--until/--model leave the record out. */
  (r: UsageRecord): boolean;
}

export interface RunInput {
  sources: string[];
  cwd: string;
  stdin?: NodeJS.ReadableStream;
  /** Read only this byte range of the (single) source: one thread's share of a large log. */
  range?: { start: number; end: number };
  /** Response ids seen so far; shared between threads reading one log. */
  ids?: IdSet;
  /** Keep streaming snapshots for the caller to merge across threads, instead of adding them. */
  deferSnapshots?: boolean;
  dialect?: Dialect;
  admit: Admit;
  keepRaw: boolean;
  aggregator: Aggregator;
  /** Called after every batch of lines, for a progress line. */
  progress?: (lines: number) => void;
}

async function* peeked(first: Buffer, rest: AsyncGenerator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  yield* rest;
}

export type Snapshot = Held<{ raw: unknown; at: Location }>;

export interface RunResult {
  tally: Tally;
  /** Newlines read (line numbers of the next range start after them). */
  lines: number;
  /** With deferSnapshots: the snapshots kept so far and how many were collapsed. */
  held: Snapshot[];
  collapsed: number;
}

/** Streams every source through dialect detection, de-duplication and aggregation. */
export async function runAnalysis(i: RunInput): Promise<RunResult> {
  const tally = new Tally();
  const seen = i.ids ?? new RecentIds();
  let lines = 0;
  const largest = new KeepLargest<{ raw: unknown; at: Location }>();
  const take = (r: UsageRecord, raw: unknown, at: Location) => {
    tally.records++;
    if (r.model === UNKNOWN_MODEL) tally.withoutModel++;
    if (!i.admit(r)) {
      tally.filtered++;
      return;
    }
    if (r.dedup?.keep === 'first') {
      if (!seen.add(r.dedup.key))
        return tally.bump(tally.duplicates, 'same response id logged again');
    } else if (r.dedup?.keep === 'largest') {
      return largest.offer(r, { raw: i.keepRaw ? raw : undefined, at });
    }
    i.aggregator.add(r, i.keepRaw ? raw : undefined, at);
  };
  for (const source of i.sources) {
    const file = source === '-' ? '(stdin)' : displayPath(i.cwd, source);
    const handle = recordHandler(tally, new DialectDetector(i.dialect), take);
    lines += await readSource(source, file, i, tally, handle);
  }
  if (i.deferSnapshots) return { tally, lines, held: largest.held(), collapsed: largest.collapsed };
  const { kept, replays } = largest.drain();
  if (largest.collapsed)
    tally.bump(tally.duplicates, 'streaming snapshot of the same response', largest.collapsed);
  if (replays) tally.bump(tally.duplicates, 'sidechain replay of a parent message', replays);
  for (const h of kept) i.aggregator.add(h.record, h.extra.raw, h.extra.at);
  return { tally, lines, held: [], collapsed: 0 };
}

/** A `.json` file is parsed whole up to this size; past it, it is read as JSON lines. */
const MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;

/**
 * A `.json` file: one JSON document (an array of records, or one record) when it parses whole, else its
 * lines. Returns the stream to read as lines, or undefined when the document was handled.
 */
async function jsonDocument(
  stream: AsyncIterable<Buffer>,
  file: string,
  tally: Tally,
  handle: Handle,
): Promise<AsyncIterable<Buffer> | undefined> {
  const it = stream[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let size = 0;
  for (let n = await it.next(); !n.done; n = await it.next()) {
    chunks.push(n.value);
    size += n.value.length;
    if (size > MAX_DOCUMENT_BYTES) {
      // Too large to hold as one string: only JSON lines can be read from it, as they stream.
      return (async function* () {
        yield* chunks.splice(0);
        for (let m = await it.next(); !m.done; m = await it.next()) yield m.value;
      })();
    }
  }
  const text = Buffer.concat(chunks)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return (async function* () {
      yield Buffer.from(text);
    })();
  }
  const items = Array.isArray(doc) ? doc : [doc];
  items.forEach((item, k) => {
    tally.lines++;
    handle(item, { file, line: Array.isArray(doc) ? k + 1 : 1 });
  });
  return undefined;
}

type Handle = (o: unknown, at: Location) => void;

/**
 * What to do with one parsed value: detect its dialect, normalize and check it, then `take` each record.
 * One record never stops the run: whatever it holds, it is counted as malformed with the reason.
 */
function recordHandler(
  tally: Tally,
  detector: DialectDetector,
  take: (r: UsageRecord, raw: unknown, at: Location) => void,
): Handle {
  return (o, at) => {
    if (o === null || typeof o !== 'object' || Array.isArray(o))
      return tally.bad('not a JSON object', at);
    let out;
    try {
      const got = detector.normalize(o as Obj);
      if (!got) return tally.bad('unrecognized record shape', at);
      tally.bump(tally.dialects, got.dialect);
      out = got.outcome;
      if (Array.isArray(out)) for (const r of out) checkRecord(r);
      else if (!('skip' in out) && !('invalid' in out)) checkRecord(out);
    } catch (err) {
      return tally.bad(badReason(err), at);
    }
    if (Array.isArray(out)) for (const r of out) take(r, o, at);
    else if ('skip' in out) tally.bump(tally.skipped, out.skip);
    else if ('invalid' in out) tally.bad(`missing field: ${out.invalid}`, at);
    else take(out, o, at);
  };
}

/** One source: gzip sniffed, CSV or JSON (lines or a document); returns the newlines read. */
async function readSource(
  source: string,
  file: string,
  i: RunInput,
  tally: Tally,
  handle: Handle,
): Promise<number> {
  try {
    const bytes =
      source === '-' ? logBytes(i.stdin as AsyncIterable<Buffer>) : fileBytes(source, i.range);
    const first = await bytes.next();
    if (first.done) return 0;
    const stream = peeked(first.value, bytes);
    if (
      /\.csv(\.gz)?$/i.test(source) ||
      (!/\.(jsonl|ndjson|json)(\.gz)?$/i.test(source) && looksLikeCsv(first.value))
    ) {
      for await (const row of csvRows(stream)) {
        tally.lines++;
        if ('error' in row) tally.bad(row.error, { file, line: row.line });
        else handle(row.record, { file, line: row.line });
      }
      return 0;
    }
    return await readJsonLines(
      stream,
      file,
      /\.json(\.gz)?$/i.test(source),
      tally,
      handle,
      i.progress,
    );
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code && /^E[A-Z]+$/.test(e.code) && e.code !== 'EPIPE')
      throw new UsageError(`cannot read ${file}: ${e.code}`);
    if (e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR')
      throw new UsageError(`cannot read ${file}: corrupt gzip data`);
    throw err;
  }
}

async function readJsonLines(
  source: AsyncIterable<Buffer>,
  file: string,
  wholeJson: boolean,
  tally: Tally,
  handle: Handle,
  progress?: (lines: number) => void,
): Promise<number> {
  const stream = wholeJson ? await jsonDocument(source, file, tally, handle) : source;
  if (!stream) return 0;
  let complete = 0;
  for await (const batch of lineBatches(stream)) {
    const { lines, first } = batch;
    if (!batch.partial) complete = first + lines.length - 1;
    for (const n of batch.tooLong ?? []) {
      tally.lines++;
      tally.bad(`line longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB (not read)`, {
        file,
        line: n,
      });
    }
    for (let k = 0; k < lines.length; k++) {
      let line = lines[k]!;
      if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
      // Files joined with cat keep each one's BOM at the start of a line.
      if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      if (line.length === 0) continue;
      const c0 = line.charCodeAt(0);
      if ((c0 === 32 || c0 === 9) && line.trim() === '') continue;
      tally.lines++;
      const at = { file, line: first + k };
      let o: unknown;
      try {
        o = JSON.parse(line);
      } catch {
        // A last line without a newline may be a record still being written: not malformed data.
        if (batch.partial) tally.bump(tally.skipped, 'partial last line');
        else tally.bad('invalid JSON', at);
        continue;
      }
      handle(o, at);
    }
    progress?.(tally.lines);
  }
  return complete;
}
