import { withUnicodeWhiteSpace } from './white-space.js';

/**
 * Where the next piece ends, found without the regex, for ASCII text split by o200k_base's or cl100k_base's
 * pattern. Calling the Unicode regex costs ~190 ns a piece, nearly all of a count; this scan costs a
 * fraction of that. It reproduces the pattern's alternatives in order, as the regex engine tries them, for
 * ASCII only: whenever the answer could depend on a non-ASCII character (one it would read inside a run or
 * at a run's edge), it returns -1 and the regex decides. Tests compare it with the regex on random text.
 */
export type AsciiScan = (text: string, at: number) => number;

/**
 * The encodings' split patterns (js-tiktoken's, with `\s` read as Unicode White_Space like the
 * reference), as RegExp#source gives them back: recognising one compares strings rather than compiling two
 * large Unicode regexes (~3 ms of every count).
 */
const O200K_PATTERN = withUnicodeWhiteSpace(
  String.raw`[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
);
const CL100K_PATTERN = withUnicodeWhiteSpace(
  String.raw`('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+`,
);

/** The scan that reproduces this split pattern, if there is one. */
export function asciiScanFor(pattern: RegExp): AsciiScan | undefined {
  if (pattern.source === O200K_PATTERN) return o200kAscii;
  if (pattern.source === CL100K_PATTERN) return cl100kAscii;
  return undefined;
}

const LOWER = 1;
const UPPER = 2;
const DIGIT = 4;
const SPACE = 8; // \s
const NEWLINE = 16; // \r \n
const OTHER = 32; // not \s, \p{L} or \p{N}
const NON_ASCII = 64;

const CLASS = new Uint8Array(65536).fill(NON_ASCII);
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c);
  CLASS[c] = /[a-z]/.test(ch)
    ? LOWER
    : /[A-Z]/.test(ch)
      ? UPPER
      : /[0-9]/.test(ch)
        ? DIGIT
        : /\s/.test(ch)
          ? SPACE | (ch === '\r' || ch === '\n' ? NEWLINE : 0)
          : OTHER;
}
const LETTER = LOWER | UPPER;

/** [^\r\n\p{L}\p{N}]: the optional character before a word. */
const isPrefix = (c: number) => (c & (OTHER | SPACE)) !== 0 && (c & NEWLINE) === 0;

const cls = (text: string, i: number): number => (i < text.length ? CLASS[text.charCodeAt(i)]! : 0);

/** End of a run of `kinds` from i, or -1 when a non-ASCII character ends it (it might belong). */
function runEnd(text: string, i: number, kinds: number): number {
  let c = cls(text, i);
  while (c & kinds) c = cls(text, ++i);
  return c === NON_ASCII ? -1 : i;
}

/** The length of a contraction ('s 't 're 've 'm 'll 'd, any case) at i, or 0. */
function contraction(text: string, i: number): number {
  if (text.charCodeAt(i) !== 39) return 0;
  const a = text.charCodeAt(i + 1) | 0x20;
  if (a === 115 || a === 116 || a === 109 || a === 100) return 2; // s t m d
  const b = text.charCodeAt(i + 2) | 0x20;
  if ((a === 114 && b === 101) || (a === 118 && b === 101) || (a === 108 && b === 108)) return 3;
  return 0;
}

/** Whitespace at i: \s*[\r\n]+, then \s+(?!\S), then \s+ (the three last alternatives of both). */
function spaces(text: string, at: number): number {
  const end = runEnd(text, at, SPACE);
  if (end < 0) return -1;
  for (let i = end - 1; i >= at; i--) if (cls(text, i) & NEWLINE) return i + 1;
  return end === text.length || end - at === 1 ? end : end - 1;
}

/** ` ?[^\s\p{L}\p{N}]+` then `tail` (a run of [\r\n/] or [\r\n]), or 0 when it does not match at i. */
function symbols(text: string, at: number, tail: (c: number) => boolean): number {
  const start = text.charCodeAt(at) === 32 ? at + 1 : at;
  if (!(cls(text, start) & OTHER)) return cls(text, start) === NON_ASCII ? -1 : 0;
  let end = runEnd(text, start, OTHER);
  if (end < 0) return -1;
  while (end < text.length && tail(text.charCodeAt(end))) end++;
  return end;
}

const digits = (text: string, at: number): number => {
  let end = at + 1;
  while (end < at + 3 && cls(text, end) === DIGIT) end++;
  return end < at + 3 && cls(text, end) === NON_ASCII ? -1 : end; // a 4th digit never belongs
};

/** The alternatives both patterns end with: \p{N}{1,3}, then symbols followed by a `tail` run, then spaces. */
function notWord(text: string, at: number, c: number, tail: (c: number) => boolean): number {
  if (c === DIGIT) return digits(text, at);
  if (c & OTHER || text.charCodeAt(at) === 32) {
    const end = symbols(text, at, tail);
    if (end !== 0) return end;
  }
  return c & SPACE ? spaces(text, at) : -1;
}

const newlineOrSlash = (c: number) => c === 10 || c === 13 || c === 47;
const newline = (c: number) => c === 10 || c === 13;

/** o200k_base: [^\r\n\p{L}\p{N}]?[upper-ish]*[lower-ish]+('s…)? | …[upper-ish]+[lower-ish]*('s…)? | … */
export const o200kAscii: AsciiScan = (text, at) => {
  const c = cls(text, at);
  if (c === NON_ASCII) return -1;
  const word = isPrefix(c) ? at + 1 : at;
  const w = cls(text, word);
  if (w & LETTER) {
    const upperEnd = runEnd(text, word, UPPER);
    if (upperEnd < 0) return -1;
    const end = runEnd(text, upperEnd, LOWER);
    if (end < 0) return -1;
    return end + contraction(text, end);
  }
  if (w === NON_ASCII && word > at) return -1;
  return notWord(text, at, c, newlineOrSlash);
};

/** cl100k_base: ('s…) | [^\r\n\p{L}\p{N}]?\p{L}+ | \p{N}{1,3} | ?[^\s\p{L}\p{N}]+[\r\n]* | … */
export const cl100kAscii: AsciiScan = (text, at) => {
  const c = cls(text, at);
  if (c === NON_ASCII) return -1;
  const apostrophe = contraction(text, at);
  if (apostrophe) return at + apostrophe;
  const word = isPrefix(c) ? at + 1 : at;
  const w = cls(text, word);
  if (w & LETTER) return runEnd(text, word, LETTER);
  if (w === NON_ASCII && word > at) return -1;
  return notWord(text, at, c, newline);
};
