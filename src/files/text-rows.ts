/**
 * JSON lines and CSV rows, encoded straight to bytes (byte-out.ts) and written in large pieces
 * (row-writers.ts puts them in place). A JSON line is what `JSON.stringify` makes of the row as an object
 * keyed by column name, keys in column order, timestamps as ISO 8601 (null past a Date's range) and
 * non-finite numbers as null; a CSV cell is empty for null, quoted (RFC 4180) when it holds a quote, comma
 * or line break, a json column's cell its JSON.
 */
import { StringDecoder } from 'node:string_decoder';
import { ByteOut } from './byte-out.js';
import { followPart } from './follow-part.js';
import type { Column, Row, RowWriter, TextTarget } from './row-types.js';

const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'utf8');
const NULL = bytesOf('null');
const TRUE = bytesOf('true');
const FALSE = bytesOf('false');
/** Longest fixed piece a value may write without asking for room: a number's or a quoted date's text. */
const VALUE_MAX = 32;
/** Distinct strings of a column kept encoded; past that the cache starts again (ids, prompts). */
const CACHE_MAX = 512;

export const csvQuoted = (text: string): string =>
  /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;

/**
 * A finite number's text as `String` writes it (the shortest digits that read back as the same double).
 * `JSON.stringify` makes the same text in half the time for fractions (measured 115-125 ns against 230-245:
 * `String` goes through the engine's number-string cache, which costs without helping on millions of
 * distinct costs); a non-finite one keeps `String`'s name (`NaN`, `Infinity`).
 */
export const numberText = (v: number): string =>
  Number.isFinite(v) ? JSON.stringify(v) : String(v);

/** Encodes rows of `columns` into `out`, remembering the text of repeated values (models, files, dates). */
function rowEncoder(columns: Column[], format: 'jsonl' | 'csv', out: ByteOut) {
  const jsonl = format === 'jsonl';
  const isTime = columns.map((c) => c.type === 'timestamp');
  const prefixes = columns.map((c, i) =>
    bytesOf(jsonl ? `${i ? ',' : '{'}${JSON.stringify(c.name)}:` : i ? ',' : ''),
  );
  const strings = columns.map(() => new Map<string, Uint8Array>());
  const lastObject: unknown[] = columns.map(() => undefined);
  const lastObjectText: Uint8Array[] = columns.map(() => NULL);
  let lastMs = NaN;
  let lastIso = '';
  let lastDouble = NaN;
  let lastDoubleText = '';

  const text = (v: string | object): string =>
    jsonl ? JSON.stringify(v) : csvQuoted(typeof v === 'string' ? v : JSON.stringify(v));
  const variable = (b: Uint8Array) => {
    out.room(b.length);
    out.bytes(b);
  };
  const value = (i: number, v: Row[number] | undefined): void => {
    if (v === null || v === undefined) {
      if (jsonl) out.bytes(NULL);
    } else if (typeof v === 'number') {
      if (isTime[i]) {
        // A time past what a Date holds (readers keep them in range) is no time, not a RangeError.
        if (v !== lastMs)
          lastIso = Math.abs((lastMs = v)) <= 8.64e15 ? new Date(v).toISOString() : '';
        if (!lastIso) {
          if (jsonl) out.bytes(NULL);
        } else if (jsonl) {
          out.byte(34);
          out.ascii(lastIso);
          out.byte(34);
        } else out.ascii(lastIso);
      } else if (jsonl && !Number.isFinite(v)) out.bytes(NULL);
      else if ((v | 0) === v) out.number(v);
      else {
        // Costs: the same figure often stands twice in a row (cost and calculated_cost).
        if (v !== lastDouble) lastDoubleText = numberText((lastDouble = v));
        out.ascii(lastDoubleText);
      }
    } else if (typeof v === 'boolean') out.bytes(v ? TRUE : FALSE);
    else if (typeof v === 'string') {
      const seen = strings[i]!;
      let b = seen.get(v);
      if (!b) {
        if (seen.size >= CACHE_MAX) seen.clear();
        seen.set(v, (b = bytesOf(text(v))));
      }
      variable(b);
    } else {
      // One tags object is often shared by every row of a session.
      if (v !== lastObject[i]) lastObjectText[i] = bytesOf(text((lastObject[i] = v)));
      variable(lastObjectText[i]!);
    }
  };
  return (row: Row): void => {
    out.room(0);
    for (let i = 0; i < columns.length; i++) {
      out.bytes(prefixes[i]!);
      value(i, row[i]);
    }
    if (jsonl) out.byte(125);
    out.byte(10);
  };
}

/** Bytes one row may write beyond its variable pieces (strings, json), which ask for room themselves. */
const fixedBytes = (columns: Column[]): number =>
  columns.reduce((n, c) => n + c.name.length * 6 + 4 + VALUE_MAX, 2);

/** A text format (JSONL, CSV) written in pieces of about 256 KB. */
export function textWriter(
  columns: Column[],
  format: 'jsonl' | 'csv',
  target: TextTarget,
  done: () => void,
  header = true,
): RowWriter {
  const out = new ByteOut(target, fixedBytes(columns));
  const encode = rowEncoder(columns, format, out);
  if (format === 'csv' && header) target.write(`${columns.map((c) => c.name).join(',')}\n`);
  return {
    text: { out, format },
    add: encode,
    drained: async () => target.drained?.(),
    async append(part, done) {
      out.flush();
      // A chunk may end inside a character: the decoder holds its first bytes for the next one.
      const text = new StringDecoder('utf8');
      await followPart(part, 0, done, async (bytes) => {
        if (target.writeBytes) target.writeBytes(bytes);
        else target.write(text.write(bytes as Buffer));
        await target.drained?.();
      });
    },
    async close() {
      out.flush();
      await target.drained?.();
      done();
    },
    abort: done,
  };
}
