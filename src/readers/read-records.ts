import type { Location } from '../core/aggregate.js';
import { own } from '../core/own.js';
import type { UsageRecord } from '../core/usage-record.js';
import { codeText, UsageError } from '../errors.js';
import { fileBytes, logBytes } from './bytes.js';
import { badReason, checkRecord } from './check-record.js';
import { csvRows, looksLikeCsv } from './csv-records.js';
import { DialectDetector } from './dialects/index.js';
import type { Dialect, LineText } from './dialects/types.js';
import { lineBatches, MAX_LINE_BYTES, type LineBatch } from './lines.js';
import { NotOpenCode, opencodeMessages } from './opencode-db.js';
import { isParquet, parquetRows } from './parquet-records.js';
import { withFileSteps } from './opencode-files.js';
import { isTaskCompanion, withTaskModels } from './cline-tasks.js';
import { CorruptDatabase, isSqlite } from './sqlite/database.js';
import { sseLine } from './sse.js';
import { getPath, tagValue, type Obj } from './values.js';

/**
 * What reading reports besides records, as data: lines read, malformed values by reason (with where),
 * rows that are not usage by reason, the dialects met, and (for `--by` typos) the fields records carry.
 */
export interface ReadSink {
  lines: number;
  bad(reason: string, at: Location): void;
  notUsage(reason: string): void;
  dialect(name: string): void;
  fieldsSeen: Set<string>;
}

export interface ReadOptions {
  /** The file as shown in messages. */
  file: string;
  stdin?: AsyncIterable<Buffer>;
  /** Read only this byte range of the file: one thread's share of a large log. */
  range?: { start: number; end: number };
  dialect?: Dialect;
  /** `--by` field paths: resolved now, from the record's tags or the raw value, into plain tags. */
  fields: string[];
  sink: ReadSink;
  /**
   * Receives each record as it is read, instead of the batches: the hot path of an analysis, where
   * records die young rather than wait in a batch (batches yield no records then).
   */
  onRecord?: (r: UsageRecord, at: Location) => void;
  /** Name each record's dialect on it (for `analyze --emit`). */
  nameDialect?: boolean;
}

/** Records read from one chunk of a source, with the line each came from (in `file`). */
export interface RecordBatch {
  file: string;
  records: UsageRecord[];
  /** Line numbers as plain numbers: a Location object per record would outlive the batch for nothing. */
  lines: number[];
  /** Newlines read so far (a range's line numbers continue after them). */
  newlines: number;
}

/** A `.json` file is parsed whole up to this size; past it, it is read as JSON lines. */
const MAX_DOCUMENT_BYTES = 128 * 1024 * 1024;
const MAX_FIELDS_SEEN = 200;

async function* peeked(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  for (let n = await rest.next(); !n.done; n = await rest.next()) yield n.value;
}

/**
 * Reads one source: gzip by its magic bytes, CSV when named so or when its header is a known export's,
 * else JSON lines (a `.json` file as one document when it parses whole). Every value goes through dialect
 * detection, normalization and the record checks; whatever goes wrong with one is reported to the sink
 * and the reading goes on. An unreadable or corrupt file is a usage error.
 */
export async function* readRecords(source: string, o: ReadOptions): AsyncGenerator<RecordBatch> {
  const reader = new ValueReader(o);
  try {
    const bytes =
      source === '-' ? logBytes(o.stdin ?? (async function* () {})()) : fileBytes(source, o.range);
    const first = await bytes.next();
    if (first.done) return;
    if (isSqlite(first.value)) {
      await bytes.return(undefined);
      yield* databaseRecords(source, reader, o);
      return;
    }
    if (isParquet(first.value)) {
      await bytes.return(undefined);
      yield* parquetRecords(source, reader, o);
      return;
    }
    const stream = peeked(first.value, bytes);
    if (
      /\.csv(\.gz)?$/i.test(source) ||
      (!/\.(jsonl|ndjson|json)(\.gz)?$/i.test(source) && looksLikeCsv(first.value))
    ) {
      yield* rowRecords(csvRows(stream), reader, o);
      return;
    }
    yield* jsonRecords(stream, /\.json(\.gz)?$/i.test(source), reader, o, source);
  } catch (err) {
    if (err instanceof CorruptDatabase || err instanceof NotOpenCode)
      throw new UsageError(`cannot read ${o.file}: ${err.message}`);
    const e = err as NodeJS.ErrnoException;
    if (e.code && /^E[A-Z]+$/.test(e.code) && e.code !== 'EPIPE')
      throw new UsageError(`cannot read ${o.file}: ${codeText(e.code)}`);
    if (e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR')
      throw new UsageError(`cannot read ${o.file}: corrupt gzip data`);
    throw err;
  }
}

/** A SQLite database: OpenCode's messages (opencode-db.ts); it needs a file, not a stream, to be read. */
function* databaseRecords(source: string, reader: ValueReader, o: ReadOptions) {
  if (source === '-')
    throw new UsageError(
      'stdin holds a SQLite database, which is read from its file',
      'name the file (llmcost analyze ~/.local/share/opencode/opencode.db) or use --opencode',
    );
  for (const row of opencodeMessages(source)) {
    o.sink.lines++;
    const at = { file: o.file, line: row.line };
    if ('error' in row) o.sink.bad(row.error, at);
    else reader.value(row.value, at);
    if (reader.records.length >= 4096) yield reader.take(0);
  }
  yield reader.take(0);
}

/** A Parquet file (parquet-records.ts): it needs a file, not a stream, since its index is at its end. */
function parquetRecords(source: string, reader: ValueReader, o: ReadOptions) {
  if (source === '-')
    throw new UsageError(
      'stdin holds a Parquet file, which is read from its file (its index is at the end)',
      'save it and name the file: llmcost analyze usage.parquet',
    );
  return rowRecords(parquetRows(source, o.file), reader, o);
}

/** Rows of a table-shaped source (CSV, Parquet), each a record or the reason it is not one. */
async function* rowRecords(
  rows: AsyncIterable<{ line: number } & ({ record: Obj } | { error: string })>,
  reader: ValueReader,
  o: ReadOptions,
): AsyncGenerator<RecordBatch> {
  for await (const row of rows) {
    o.sink.lines++;
    const at = { file: o.file, line: row.line };
    if ('error' in row) o.sink.bad(row.error, at);
    else reader.value(row.record, at);
    if (reader.records.length >= 4096) yield reader.take(0);
  }
  yield reader.take(0);
}

/**
 * The items of an API's list page that no dialect reads as a whole: OpenAI's `{object: "list", data: [...]}`
 * (stored chat completions, responses), the `{data: [...], has_more | first_id | meta}` pages of Anthropic,
 * Langfuse and others, and Helicone's `{data: [...], error: null}` results, saved as they came. Each item
 * is read as a record (one level deep).
 */
function listItems(o: Obj): unknown[] | undefined {
  const data = o.data;
  if (!Array.isArray(data)) return undefined;
  const page =
    o.object === 'list' || 'has_more' in o || 'first_id' in o || 'meta' in o || o.error === null;
  return page ? data : undefined;
}

/** The reason a value no dialect recognizes is counted under (the CLI adds a hint when it is all there is). */
export const UNRECOGNIZED = 'unrecognized record shape';

/** `analyze --partial` output read as a log (a folder of partials without --merge): said so, with the fix. */
const PARTIAL = 'an llmcost partial, not a log (add --merge)';
const isPartial = (o: Obj) =>
  typeof o.format === 'string' && o.format.startsWith('llmcost.partial/');

/** Turns parsed values into checked records, collecting them until the caller takes a batch. */
class ValueReader {
  records: UsageRecord[] = [];
  lines: number[] = [];
  readonly detector: DialectDetector;

  constructor(private readonly o: ReadOptions) {
    this.detector = new DialectDetector(o.dialect);
  }

  take(newlines: number): RecordBatch {
    const batch = { file: this.o.file, records: this.records, lines: this.lines, newlines };
    this.records = [];
    this.lines = [];
    return batch;
  }

  /** One value: detect, normalize, check, resolve `--by` fields; a bad one is reported, never thrown. */
  value(o: unknown, at: Location, inList = false): void {
    const sink = this.o.sink;
    if (o === null || typeof o !== 'object' || Array.isArray(o))
      return sink.bad('not a JSON object', at);
    let out;
    try {
      const got = this.detector.normalize(o as Obj);
      if (!got) {
        const items = inList ? undefined : listItems(o as Obj);
        if (items) return items.forEach((item) => this.value(item, at, true));
        return sink.bad(isPartial(o as Obj) ? PARTIAL : UNRECOGNIZED, at);
      }
      sink.dialect(got.dialect);
      out = got.outcome;
      if ('skip' in out) return sink.notUsage(out.skip);
      if ('invalid' in out) return sink.bad(`missing field: ${out.invalid}`, at);
      if (Array.isArray(out)) for (const r of out) this.check(r, o as Obj, got.dialect);
      else this.check(out, o as Obj, got.dialect);
    } catch (err) {
      return sink.bad(badReason(err), at);
    }
    const deliver = this.o.onRecord;
    if (deliver) {
      if (Array.isArray(out)) for (const r of out) deliver(r, at);
      else deliver(out, at);
      return;
    }
    if (Array.isArray(out))
      for (const r of out) {
        this.records.push(r);
        this.lines.push(at.line);
      }
    else {
      this.records.push(out);
      this.lines.push(at.line);
    }
  }

  private check(r: UsageRecord, raw: Obj, dialect: string): void {
    checkRecord(r);
    if (this.o.nameDialect) r.dialect = dialect;
    const fields = this.o.fields;
    if (!fields.length) return;
    let tags: Record<string, string> | undefined;
    for (const f of fields) {
      if (own(r.tags, f) !== undefined) continue;
      const v = tagValue(getPath(raw, f));
      if (v === undefined) this.noteFields(r, raw);
      else (tags ??= Object.assign(Object.create(null) as Record<string, string>, r.tags))[f] = v;
    }
    if (tags) r.tags = tags;
  }

  private noteFields(r: UsageRecord, raw: Obj): void {
    const seen = this.o.sink.fieldsSeen;
    if (seen.size >= MAX_FIELDS_SEEN) return;
    for (const k in r.tags) seen.add(k);
    for (const k of Object.keys(raw).slice(0, 50)) seen.add(k);
  }
}

/**
 * A `.json` file: one JSON document (an array of records, or one record) when it parses whole, else its
 * lines. Returns the stream to read as lines, or undefined when the document was read.
 */
async function jsonDocument(
  stream: AsyncIterable<Buffer>,
  reader: ValueReader,
  o: ReadOptions,
  source: string,
): Promise<AsyncIterable<Buffer> | undefined> {
  const it = stream[Symbol.asyncIterator]();
  // A Cline task's conversation and metadata beside its messages: not read (the conversation is large).
  if (isTaskCompanion(source)) {
    await it.return?.();
    o.sink.lines++;
    o.sink.notUsage('Cline task file without usage');
    return undefined;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for (let n = await it.next(); !n.done; n = await it.next()) {
    chunks.push(n.value);
    size += n.value.length;
    // Too large to hold as one string: only JSON lines can be read from it, as they stream.
    if (size > MAX_DOCUMENT_BYTES) return peeked(Buffer.concat(chunks.splice(0)), it);
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
  // An OpenCode message file's steps are in its part files (opencode-files.ts).
  withFileSteps(source, doc);
  // A Cline task's requests take their model from the task's metadata beside them.
  withTaskModels(source, doc);
  const items = Array.isArray(doc) ? doc : [doc];
  items.forEach((item, k) => {
    o.sink.lines++;
    reader.value(item, { file: o.file, line: Array.isArray(doc) ? k + 1 : 1 });
  });
  return undefined;
}

async function* jsonRecords(
  source: AsyncIterable<Buffer>,
  wholeJson: boolean,
  reader: ValueReader,
  o: ReadOptions,
  path: string,
): AsyncGenerator<RecordBatch> {
  const stream = wholeJson ? await jsonDocument(source, reader, o, path) : source;
  if (!stream) {
    yield reader.take(0);
    return;
  }
  let complete = 0;
  for await (const batch of lineBatches(stream)) {
    if (!batch.partial) complete = batch.first + batch.lines.length - 1;
    readLines(batch, reader, o);
    yield reader.take(complete);
  }
}

/** A line parsed through its dialect's shorter text when that holds, else whole. */
function parseShort(line: string, text: LineText): unknown {
  const short = text.shorten(line);
  if (short !== undefined) {
    try {
      const o = JSON.parse(short) as unknown;
      if (o !== null && typeof o === 'object' && text.shortOk(o as Obj)) return o;
    } catch {
      // not the shape the cut assumed: the whole line decides
    }
  }
  return JSON.parse(line);
}

/**
 * The lines of one batch, parsed and read. A plain function, not part of the generator above: the
 * per-line loop is the hottest code of an analysis, and V8 optimizes it better outside a generator.
 */
function readLines(batch: LineBatch, reader: ValueReader, o: ReadOptions): void {
  const { sink, file } = o;
  const { lines, first } = batch;
  for (const n of batch.tooLong ?? []) {
    sink.lines++;
    sink.bad(`line longer than ${MAX_LINE_BYTES / 1024 / 1024} MiB (not read)`, { file, line: n });
  }
  for (let k = 0; k < lines.length; k++) {
    let line = lines[k]!;
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    // Files joined with cat keep each one's BOM at the start of a line.
    if (line.charCodeAt(0) === 0xfeff) line = line.slice(1);
    if (line.length === 0) continue;
    const c0 = line.charCodeAt(0);
    if ((c0 === 32 || c0 === 9) && line.trim() === '') continue;
    sink.lines++;
    if (c0 !== 123 /* { */) {
      const sse = sseLine(line);
      if (sse && 'skip' in sse) {
        sink.notUsage(sse.skip);
        continue;
      }
      if (sse) line = sse.json;
    }
    const text = reader.detector.current?.text;
    if (text) {
      const why = text.skipReason(line);
      if (why) {
        sink.dialect(reader.detector.current!.name);
        sink.notUsage(why);
        continue;
      }
    }
    const at = { file, line: first + k };
    let v: unknown;
    try {
      v = text ? parseShort(line, text) : JSON.parse(line);
    } catch {
      // A last line without a newline may be a record still being written: not malformed data.
      if (batch.partial) sink.notUsage('partial last line');
      else sink.bad('invalid JSON', at);
      continue;
    }
    reader.value(v, at);
  }
}
