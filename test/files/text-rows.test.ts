import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Column, ColumnType, Row, TextTarget } from '../../src/files/row-types.js';
import { textWriter } from '../../src/files/text-rows.js';

/** The rules the writer states, written the plain way: what its byte encoder must equal. */
const iso = (ms: number) => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null);
const quoted = (t: string) => (/[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
function reference(columns: Column[], rows: Row[], format: 'jsonl' | 'csv'): string {
  if (format === 'jsonl')
    return rows
      .map((row) => {
        // Keys in column order (an object would put a column named "0" first), each value as
        // JSON.stringify writes it (non-finite numbers null).
        const members = columns.map((c, i) => {
          const v = row[i];
          const value = c.type === 'timestamp' && typeof v === 'number' ? iso(v) : (v ?? null);
          return `${JSON.stringify(c.name)}:${JSON.stringify(value)}`;
        });
        return `{${members.join(',')}}\n`;
      })
      .join('');
  const cell = (c: Column, v: Row[number] | undefined) =>
    v === null || v === undefined
      ? ''
      : c.type === 'timestamp' && typeof v === 'number'
        ? (iso(v) ?? '')
        : typeof v === 'object'
          ? quoted(JSON.stringify(v))
          : typeof v === 'string'
            ? quoted(v)
            : String(v);
  const lines = rows.map((row) => columns.map((c, i) => cell(c, row[i])).join(','));
  return [columns.map((c) => c.name).join(','), ...lines].map((l) => `${l}\n`).join('');
}

/** Writes `rows` and returns the text, through a byte target (files) or a text one (stdout). */
async function written(columns: Column[], rows: Row[], format: 'jsonl' | 'csv', bytes: boolean) {
  const chunks: Buffer[] = [];
  const target: TextTarget = bytes
    ? {
        write: (t) => void chunks.push(Buffer.from(t)),
        writeBytes: (b) => void chunks.push(Buffer.from(b)),
      }
    : { write: (t) => void chunks.push(Buffer.from(t)) };
  const w = textWriter(columns, format, target, () => undefined);
  for (const r of rows) w.add(r);
  await w.close();
  // A text target gets whole characters in every piece: none is cut between two writes.
  if (!bytes)
    expect(chunks.map((c) => c.toString('utf8')).join('')).toBe(
      Buffer.concat(chunks).toString('utf8'),
    );
  return Buffer.concat(chunks).toString('utf8');
}

const TYPES: ColumnType[] = ['int', 'double', 'string', 'bool', 'timestamp', 'json'];
const text = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom('gpt-4o', 'a,b', 'say "hi"', 'line\nbreak', '', 'ü✓🚀', '\u0000\u001f'),
);
const anyNumber = fc.oneof(
  fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, 9, 10, 99, 100, 2 ** 31, 2 ** 53, 1e21, 0.1 + 0.2, 5e-7, NaN, Infinity),
);
const valueOf = (type: ColumnType): fc.Arbitrary<Row[number]> => {
  const base =
    type === 'timestamp'
      ? fc.oneof(fc.integer({ min: -8.64e15, max: 8.64e15 }), anyNumber)
      : type === 'bool'
        ? fc.boolean()
        : type === 'string'
          ? text
          : type === 'json'
            ? fc.dictionary(text, fc.oneof(text, fc.integer()), { maxKeys: 3 })
            : anyNumber;
  // Writers dispatch on the value, so any column may hold a null or, rarely, another kind of value.
  return fc.oneof({ weight: 6, arbitrary: base }, fc.constant(null), text, anyNumber);
};
const table = fc
  .uniqueArray(fc.record({ name: text, type: fc.constantFrom(...TYPES) }), {
    minLength: 1,
    maxLength: 8,
    selector: (c) => c.name,
  })
  .chain((columns) =>
    fc.tuple(
      fc.constant(columns),
      fc.array(fc.tuple(...columns.map((c) => valueOf(c.type))) as fc.Arbitrary<Row>, {
        maxLength: 30,
      }),
    ),
  );

describe('JSONL and CSV rows', () => {
  for (const format of ['jsonl', 'csv'] as const)
    it(`are, in ${format}, what the plain rules make of any row (fast-check)`, async () => {
      await fc.assert(
        fc.asyncProperty(table, fc.boolean(), async ([columns, rows], bytes) => {
          expect(await written(columns, rows, format, bytes)).toBe(
            reference(columns, rows, format),
          );
        }),
        {
          numRuns: Number(process.env.FUZZ_RUNS ?? 300),
          seed: Number(process.env.FUZZ_SEED ?? 20261201),
        },
      );
    });

  it('keep every row whole across many writes and past one value longer than a write', async () => {
    const columns: Column[] = [
      { name: 'model', type: 'string' },
      { name: 'n', type: 'int' },
      { name: 'cost', type: 'double' },
      { name: 'tags', type: 'json' },
    ];
    const long = '✓'.repeat(400_000); // 1.2 MB of UTF-8, more than a write holds
    const rows: Row[] = Array.from({ length: 20_000 }, (_, i) => [
      i % 1000 === 7 ? long : `model-${i % 600}`, // past the encoded-string cache's size
      i * 7919,
      i / 7,
      { session: `s${i % 3}`, note: 'ü'.repeat(i % 40) },
    ]);
    for (const format of ['jsonl', 'csv'] as const)
      for (const bytes of [true, false])
        expect(await written(columns, rows, format, bytes)).toBe(reference(columns, rows, format));
  });
});
