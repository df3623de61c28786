import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLines, lineBatches, utf8Text } from '../../src/readers/lines.js';

async function* pieces(bytes: Buffer, cuts: number[]): AsyncGenerator<Buffer> {
  let at = 0;
  for (const c of [...cuts].sort((a, b) => a - b)) {
    if (c <= at || c >= bytes.length) continue;
    yield bytes.subarray(at, c);
    at = c;
  }
  if (at < bytes.length) yield bytes.subarray(at);
}

async function read(bytes: Buffer, cuts: number[]) {
  const lines: string[] = [];
  let partial: string | undefined;
  const firsts: number[] = [];
  for await (const b of lineBatches(pieces(bytes, cuts))) {
    firsts.push(b.first);
    if (b.partial) partial = b.lines[0];
    else lines.push(...b.lines);
    expect(b.first).toBe(lines.length - (b.partial ? 0 : b.lines.length) + 1);
  }
  return { lines, partial, firsts };
}

// Lines of text with multi-byte characters, CR and empty lines: cut anywhere, even inside a character.
const text = fc
  .array(
    fc.string({
      unit: fc.constantFrom('a', '{', '"', 'é', '€', '😀', '\r', ' ', '\n'),
      maxLength: 40,
    }),
    {
      maxLength: 30,
    },
  )
  .map((ls) => ls.join('\n'));

describe('lineBatches', () => {
  it('gives the lines of the whole text, numbered, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(text, fc.array(fc.nat({ max: 400 }), { maxLength: 12 }), async (t, cuts) => {
        const bytes = Buffer.from(t, 'utf8');
        const { lines, partial } = await read(bytes, cuts);
        const want = t.split('\n');
        const last = want.pop()!;
        expect(lines).toEqual(want);
        expect(partial).toBe(last === '' ? undefined : last);
      }),
      { numRuns: 500 },
    );
  });

  it('drops a UTF-8 BOM at the start only', async () => {
    const bytes = Buffer.from('\uFEFF{"a":1}\n\uFEFF{"b":2}\n', 'utf8');
    for (const cut of [1, 2, 3, 4, 12])
      expect((await read(bytes, [cut])).lines).toEqual(['{"a":1}', '\uFEFF{"b":2}']);
  });
});

// Any bytes, newlines and invalid UTF-8 (lone lead and continuation bytes) included.
const anyBytes = fc
  .array(
    fc.oneof(
      fc.constantFrom(10, 0x41, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0xff),
      fc.nat(255),
    ),
    {
      maxLength: 300,
    },
  )
  .map((b) => Buffer.from(b));

describe('decodeLines and utf8Text', () => {
  it('decode as Buffer#toString("utf8") does, ASCII or not, valid or not', () => {
    fc.assert(
      fc.property(anyBytes, (b) => {
        expect(utf8Text(b)).toBe(b.toString('utf8'));
      }),
      { numRuns: 500 },
    );
  });

  it('give the lines of the whole text, however small the pieces decoded at a time', () => {
    fc.assert(
      fc.property(anyBytes, fc.integer({ min: 1, max: 64 }), (b, piece) => {
        expect(decodeLines(b, piece)).toEqual(b.toString('utf8').split('\n'));
      }),
      { numRuns: 1000 },
    );
  });

  it('keep a line longer than a piece whole', () => {
    const long = 'x'.repeat(100);
    const b = Buffer.from(`a\n${long}\n\nb€\n`);
    expect(decodeLines(b, 8)).toEqual(['a', long, '', 'b€', '']);
  });
});
