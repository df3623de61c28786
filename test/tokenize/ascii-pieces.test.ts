import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { asciiScanFor, type AsciiScan } from '../../src/tokenize/ascii-pieces.js';
import { withUnicodeWhiteSpace } from '../../src/tokenize/white-space.js';

const PATTERNS = {
  o200k_base: new RegExp(withUnicodeWhiteSpace(o200k.pat_str), 'u'),
  cl100k_base: new RegExp(withUnicodeWhiteSpace(cl100k.pat_str), 'u'),
};

/** The pieces of `text`, split where `scan` says and by the regex where it answers -1 (or always). */
function pieces(text: string, pattern: RegExp, scan?: AsciiScan): string[] {
  const sticky = new RegExp(pattern.source, 'uy');
  const out: string[] = [];
  for (let at = 0; at < text.length;) {
    let end = scan ? scan(text, at) : -1;
    if (end < 0) {
      sticky.lastIndex = at;
      if (!sticky.test(text)) throw new Error(`no piece at ${at} of ${JSON.stringify(text)}`);
      end = sticky.lastIndex;
    }
    out.push(text.slice(at, end));
    at = end;
  }
  return out;
}

// Characters chosen to meet every alternative and edge of both patterns: cases, contractions, digits,
// each kind of whitespace, symbols and '/', and non-ASCII letters, digits, marks, spaces and symbols.
const CHARS = [
  ...'abstrelmdvABSTRLDZ019',
  ...'   \t\r\n\v\f',
  ..."''./,-(!\"\x01\x7f",
  ...['é', 'É', 'ǅ', 'ʰ', '\u0301', '²', '٣', '\u00a0', '\u2028', '—', '日', '😀'],
];
const ASCII_CHARS = CHARS.filter((c) => c.charCodeAt(0) < 128);

function randomTexts(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
  return Array.from({ length: count }, () => {
    const chars = next(3) === 0 ? CHARS : ASCII_CHARS;
    let text = '';
    for (let n = 1 + next(30); n > 0; n--) text += chars[next(chars.length)];
    return text;
  });
}

describe.each(Object.entries(PATTERNS))('ASCII scan for %s', (_name, pattern) => {
  const scan = asciiScanFor(pattern);

  it('is found for the pattern the build writes (else every piece would take the slow regex)', () => {
    expect(scan).toBeDefined();
  });

  it.each([
    ["Hello world, it's 2024!\n\nThe  API's URLs: https://x.io/a//b", 'prose and a URL'],
    ["I'LL they'RE we've she'd HOW'S ABC'd don't", 'contractions in every case'],
    ['x = 12345;\r\n\t\tif (a/b) {\n  return;\n}   \n', 'code, tabs and CRLF'],
    ['   lead\t\t\v\f trail  ', 'whitespace runs'],
    ['café Éclair naïve 日本 😀 x\u00a0y 3²', 'non-ASCII beside ASCII'],
  ])('splits %j (%s) as the regex does', (text) => {
    expect(pieces(text, pattern, scan)).toEqual(pieces(text, pattern));
  });

  it('splits 20,000 random texts exactly as the regex does', () => {
    for (const text of randomTexts(20_000, 42))
      expect(pieces(text, pattern, scan), JSON.stringify(text)).toEqual(pieces(text, pattern));
  });

  it('leaves to the regex any piece whose end a non-ASCII character could move', () => {
    expect(scan!('naïve', 0)).toBe(-1);
    expect(scan!(' é', 0)).toBe(-1);
    expect(scan!('12٣', 0)).toBe(-1);
    expect(scan!('  \u00a0x', 0)).toBe(-1);
    expect(scan!('word é', 0)).toBe(4);
  });
});

it('has no scan for other patterns', () => {
  expect(asciiScanFor(/[a-d]+/gu)).toBeUndefined();
});
