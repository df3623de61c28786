import { parse } from 'csv-parse';
import { finished } from 'node:stream/promises';
import { MAX_LINE_BYTES } from './lines.js';

export type CsvRow =
  | { record: Record<string, unknown>; line: number }
  /** The rest of the file cannot be read as CSV (an unclosed quote, say): the reason, where it starts. */
  | { error: string; line: number };

/**
 * CSV with a header row; every value a string; BOM and CRLF handled; ragged rows tolerated. A parse error
 * ends the file with one row saying why (every row before it is read); it never ends the run. A record
 * is held whole while it is parsed, so one longer than `maxRecord` (an unclosed quote runs to the end of
 * the file) is such an error too: memory stays bounded, as for JSON lines.
 *
 * The parser is fed chunk by chunk and each record taken as it is parsed: read as a stream, records still
 * queued when a later byte failed were dropped with the stream, and an error of the source (corrupt gzip)
 * was not passed on through `pipe` at all. Its line is the parser's own count when the record comes out
 * (a 'data' listener on a parser nobody else reads runs as the record is pushed): csv-parse's per-record
 * `info` objects (option `info`, or `on_record`'s context) took 60% of reading a large CSV.
 */
export async function* csvRows(
  bytes: AsyncIterable<Buffer>,
  maxRecord = MAX_LINE_BYTES,
): AsyncGenerator<CsvRow> {
  const rows: CsvRow[] = [];
  let line = 1;
  let failed: (Error & { code?: string; lines?: number }) | undefined;
  const parser = parse({
    columns: (h: string[]) => h.map((c) => c.trim()),
    bom: true,
    // Every line ending, not the first one met: files joined from CRLF and LF exports stay rows.
    record_delimiter: ['\r\n', '\n', '\r'],
    skip_empty_lines: true,
    relax_column_count: true,
    relax_quotes: true,
    trim: true,
    max_record_size: maxRecord,
  });
  parser.on('data', (record: Record<string, unknown>) => {
    rows.push({ record: withJsonCells(record), line: (line = parser.info.lines) });
  });
  parser.on('error', (err: Error) => (failed ??= err));
  for await (const chunk of bytes) {
    // A failure is emitted on the next tick: a destroyed parser is not written to (it would never drain).
    if (failed || parser.destroyed) break;
    if (!parser.write(chunk)) await drained(parser);
    yield* rows.splice(0);
  }
  if (!failed) {
    parser.end();
    await finished(parser).catch(() => undefined);
  }
  yield* rows.splice(0);
  if (!failed) return;
  if (failed.name !== 'CsvError' && !failed.code?.startsWith('CSV_')) throw failed;
  const why =
    failed.code === 'CSV_MAX_RECORD_SIZE'
      ? `record longer than ${size(maxRecord)} (an unclosed quote?)`
      : failed.message.split(':')[0];
  yield { error: `invalid CSV: ${why}`, line: failed.lines ?? line + 1 };
}

/** Resolves when the parser takes input again, or has failed (the failure is read by the caller). */
const drained = (parser: NodeJS.EventEmitter) =>
  new Promise<void>((done) => {
    const settle = () => {
      parser.off('drain', settle);
      parser.off('error', settle);
      parser.off('close', settle);
      done();
    };
    parser.on('drain', settle);
    parser.on('error', settle);
    parser.on('close', settle);
  });

/** Column names of the CSV exports llmcost reads: a header naming one of these is a usage CSV. */
const KNOWN_COLUMN =
  /(^|_)(tokens|model|cost|spend|amount_value|line_item|num_model_requests)(_|$)/i;

/**
 * Whether stdin (or a file whose name does not say) is CSV: its first line must look like the header of a
 * known export, two or more columns with one such name. Anything else is read as JSON lines, so stray text
 * (`cat: usage.jsonl: No such file or directory`) is reported as malformed instead of taken as a header.
 */
export function looksLikeCsv(head: Buffer): boolean {
  const text = head
    .toString('utf8', 0, Math.min(head.length, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (!text.length || text[0] === '{' || text[0] === '[') return false;
  const columns = (/^[^\r\n]*/.exec(text)?.[0] ?? '')
    .split(',')
    .map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  return columns.length >= 2 && columns.some((c) => KNOWN_COLUMN.test(c));
}

const size = (bytes: number) => (bytes >= 1 << 20 ? `${bytes / (1 << 20)} MiB` : `${bytes} bytes`);

/**
 * Cells holding a JSON object or list become that object or list: a CSV export writes a record's nested
 * fields as JSON text (Langfuse's usage_details, a logger's metadata, span attributes), which every
 * dialect then reads as it reads them in JSON lines. Other cells stay text.
 */
function withJsonCells(record: Record<string, unknown>): Record<string, unknown> {
  for (const k in record) {
    const v = record[k];
    if (typeof v !== 'string' || v.length < 2) continue;
    const c = v.charCodeAt(0);
    if (c !== 123 /* { */ && c !== 91 /* [ */) continue;
    try {
      const parsed: unknown = JSON.parse(v);
      if (parsed !== null && typeof parsed === 'object') record[k] = parsed;
    } catch {
      // text that only starts like JSON stays text
    }
  }
  return record;
}
