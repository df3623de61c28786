import { parse } from 'csv-parse';
import { Readable } from 'node:stream';

export interface CsvRow {
  record: Record<string, string>;
  line: number;
}

/** CSV with a header row; every value a string; BOM and CRLF handled; ragged rows tolerated. */
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
  for await (const row of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    yield { record: row.record, line: row.info.lines };
  }
}

/** A log is CSV when its first non-blank line does not start a JSON value. */
export function looksLikeCsv(head: Buffer): boolean {
  const text = head
    .toString('utf8', 0, Math.min(head.length, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart();
  return text.length > 0 && text[0] !== '{' && text[0] !== '[';
}
