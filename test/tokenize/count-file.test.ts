import { tempDir } from '../helpers/temp.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countFile, countSliced } from '../../src/tokenize/count-file.js';
import { TokenCounter } from '../../src/tokenize/counter.js';
import { buildEncoding } from '../../src/tokenize/encoding.js';
import o200k from 'js-tiktoken/ranks/o200k_base';
import cl100k from 'js-tiktoken/ranks/cl100k_base';

const counters = [new TokenCounter(buildEncoding('o200k_base', o200k))];
const dir = tempDir('llmcost-file');
const file = (name: string, body: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

describe('countFile', () => {
  it('counts text, without a BOM', () => {
    const r = countFile(file('bom.txt', '\uFEFFhello world'), counters, false);
    expect(r).toMatchObject({ kind: 'text', chars: 11, tokens: { o200k_base: 2 } });
  });

  it.each([
    ['a NUL early', Buffer.from('PNG\0\x01\x02 binary', 'latin1'), true],
    ['a NUL only after the first 8 K', 'x'.repeat(9000) + '\0', false],
    ['a NUL as the 8,192nd character', 'x'.repeat(8191) + '\0' + 'x'.repeat(100), true],
    ['a NUL as the 8,193rd character', 'x'.repeat(8192) + '\0' + 'x'.repeat(100), false],
    ['a NUL early in a file over 4 MB', largeBinary(), true],
  ])('tells binary files by %s', (_label, body, binary) => {
    const r = countFile(file(`b${binary}${body.length}`, body), counters, false);
    expect('skipped' in r && r.skipped === 'binary').toBe(binary);
  });

  it.each([
    ['UTF-16LE', 'utf-16le'],
    ['UTF-16BE', 'utf-16be'],
  ])(
    'counts %s text with its byte order mark as its UTF-8 twin (Notepad, PowerShell 5)',
    (_n, order) => {
      const text = 'Résumé the ticket: 日本語 🎉\n'.repeat(3);
      const utf8 = countFile(file(`u8-${order}.txt`, text), counters, false);
      const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
      const body = order === 'utf-16le' ? le : Buffer.from(le).swap16();
      expect(countFile(file(`u16-${order}.txt`, body), counters, false)).toEqual({
        ...utf8,
        path: join(dir, `u16-${order}.txt`),
      });
      // Over 4 MB the head is sniffed for NUL bytes first: UTF-16's are not binary.
      const big = Buffer.concat([
        Buffer.from([0xff, 0xfe]),
        Buffer.from('ab\n'.repeat(800_000), 'utf16le'),
      ]);
      expect(countFile(file(`big-${order}.txt`, big), counters, false)).toMatchObject({
        kind: 'text',
      });
    },
  );

  it('reports a missing file as unreadable, with the reason', () => {
    expect(countFile(join(dir, 'nope.txt'), counters, false)).toEqual({
      path: join(dir, 'nope.txt'),
      skipped: 'unreadable',
      reason: 'ENOENT',
    });
  });
});

function largeBinary(): Buffer {
  const b = Buffer.alloc(5 * 1024 * 1024, 0x41);
  b[10] = 0;
  return b;
}

describe('countSliced (files over 64 MiB)', () => {
  const both = [...counters, new TokenCounter(buildEncoding('cl100k_base', cl100k))];
  // Pieces that meet the cut rule's edges: breaks before letters, digits, "/", spaces and punctuation,
  // CR LF, contractions, and characters of 2, 3 and 4 UTF-8 bytes that a slice may split.
  const piece = fc.constantFrom(
    '\n',
    '\r\n',
    '\n\n',
    ' ',
    '  ',
    '\t',
    '/',
    '//',
    '.',
    '}',
    '{',
    '"',
    "'s",
    "'LL",
    'a',
    'Zeta',
    'word',
    '12',
    '12345',
    'é',
    'naïve',
    '中文',
    '😀',
    '\u0301',
    '\u00a0',
    '\u2028',
  );
  it('gives the whole text count for any text and any slice size', () => {
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 400 }),
        fc.integer({ min: 4, max: 300 }),
        (parts, slice) => {
          const text = parts.join('');
          const path = file('sliced.txt', text);
          const whole = countFile(path, both, true);
          expect(countSliced(path, both, slice)).toEqual(whole);
        },
      ),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 300),
        seed: Number(process.env.FUZZ_SEED ?? 20261201),
      },
    );
  });

  // Texts where a cut in the wrong place changes the count (a break then a space, then a break: one piece;
  // o200k's punctuation, breaks and "/": one piece), each cut at every slice size that reaches them.
  it.each(['.\r\n/Zeta', 'x.\n//a', 'a\n \nb', 'a\n\t\nb', 'é\n \n😀\nZ'])(
    'cuts %j nowhere inside a piece',
    (text) => {
      const path = file('tricky.txt', text);
      const whole = countFile(path, both, true);
      for (let slice = 1; slice <= 12; slice++)
        expect(countSliced(path, both, slice)).toEqual(whole);
    },
  );

  it('holds a stretch with no place to cut until one comes, and counts it once', () => {
    const text = `${'x'.repeat(5000)}\n${'/'.repeat(3000)}\nend`;
    const path = file('long-line.txt', text);
    expect(countSliced(path, both, 64)).toEqual(countFile(path, both, true));
  });
});
