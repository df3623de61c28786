import { parse } from 'csv-parse';
import { Readable } from 'node:stream';

export type CsvRow =
  | { record: Record<string, string>; line: number }
  /** The rest of the file cannot be read as CSV (an unclosed quote, say): the reason, where it starts. */
  | { error: string; line: number };

/**
 * CSV with a header row; every value a string; BOM and CRLF handled; ragged rows tolerated. A parse error
 * ends the file with one row saying why (the rows before it were read); it never ends the run.
 */
export async function* csvRows(bytes: AsyncIterable<Buffer>): AsyncGenerator<CsvRow> {
  const parser = Readable.from(bytes).pipe(
    parse({
      columns: (h: string[]) => h.map((c) => c.trim()),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
      info: true,
      trim: true,
    }),
  );
  let line = 1;
  try {
    for await (const row of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      line = row.info.lines;
      yield { record: row.record, line };
    }
  } catch (err) {
    const e = err as Error & { code?: string; lines?: number };
    if (e.name !== 'CsvError' && !e.code?.startsWith('CSV_')) throw err;
    yield { error: `invalid CSV: ${e.message.split(':')[0]}`, line: e.lines ?? line + 1 };
  }
}

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
