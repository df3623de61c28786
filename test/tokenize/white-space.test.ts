import fc from 'fast-check';
import { get_encoding, type Tiktoken } from 'tiktoken';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEncoding, type EncodingName } from '../../src/tokenize/encoding.js';
import { readRankFile } from '../../src/tokenize/rank-file.js';
import { TokenCounter } from '../../src/tokenize/counter.js';
import { withUnicodeWhiteSpace } from '../../src/tokenize/white-space.js';

/** Unicode White_Space (PropList.txt), every code point. */
const WHITE_SPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
];
/** Look like spaces but are not White_Space (JavaScript's \s takes U+FEFF). */
const NOT_WHITE_SPACE = [0x1c, 0x1d, 0x1e, 0x1f, 0x180e, 0x200b, 0x2060, 0xfeff];

const NAMES: EncodingName[] = ['o200k_base', 'cl100k_base'];
// OpenAI's reference tokenizer (Rust, via wasm): the expected counts come from it, not from js-tiktoken.
const reference = new Map<EncodingName, Tiktoken>(NAMES.map((n) => [n, get_encoding(n)]));
afterAll(() => reference.forEach((e) => e.free()));

const contexts = (ch: string) => [
  ch,
  `a${ch}b`,
  `word${ch}${ch}${ch}next`,
  `x  ${ch}\n y`,
  `${ch} leading`,
  `trailing ${ch}`,
  `end.${ch}\n\n${ch}Start`,
  `${ch}${ch}(${ch}`,
];

describe.each(NAMES)('%s splits on Unicode White_Space as the reference does', (name) => {
  const ref = reference.get(name)!;
  const counters = async () => {
    const { pattern, ranks } = readRankFile(`dist/tokenize/tables/${name}.bin`);
    return [
      new TokenCounter(await loadEncoding(name)),
      new TokenCounter({ name, pattern: new RegExp(pattern, 'gu'), ranks }),
    ];
  };

  it.each([...WHITE_SPACE, ...NOT_WHITE_SPACE].map((c) => [c.toString(16).padStart(4, '0'), c]))(
    'U+%s',
    async (_hex, code) => {
      const ch = String.fromCharCode(code);
      for (const counter of await counters())
        for (const text of contexts(ch))
          expect(counter.count(text), JSON.stringify(text)).toBe(ref.encode_ordinary(text).length);
    },
  );

  it('random text over spaces, letters and symbols matches the reference', async () => {
    const [counter] = await counters();
    const alphabet = [
      ...WHITE_SPACE,
      ...NOT_WHITE_SPACE,
      0x61,
      0x42,
      0x31,
      0x2e,
      0x27,
      0xe9,
      0x4e2d,
    ]
      .map((c) => String.fromCharCode(c))
      .concat(["'s", 'The', '\r\n']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(counter!.count(text)).toBe(ref.encode_ordinary(text).length);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('withUnicodeWhiteSpace', () => {
  it('spells \\s out inside and outside classes and \\S as its complement', () => {
    const p = withUnicodeWhiteSpace(String.raw`[^\s\p{L}]+|\s+(?!\S)|\\s`);
    const re = new RegExp(`^(?:${p})$`, 'u');
    expect(re.test('\u0085\u0085')).toBe(true);
    expect(re.test('\ufeff')).toBe(true); // not White_Space: matched by the class of non-spaces
    expect(new RegExp(withUnicodeWhiteSpace(String.raw`^\s$`), 'u').test('\ufeff')).toBe(false);
    expect(p.endsWith(String.raw`|\\s`)).toBe(true); // an escaped backslash is left alone
    expect(() => withUnicodeWhiteSpace(String.raw`[\S]`)).toThrow(/not supported/);
  });
});
