import { Buffer } from 'node:buffer';
import { bpeCount } from './bpe.js';
import type { Encoding } from './encoding.js';
import { hashPiece, PieceMemo } from './piece-memo.js';
import { asciiScanFor, type AsciiScan } from './ascii-pieces.js';

// eslint-disable-next-line no-control-regex -- the ASCII range is the point
const ASCII = /^[\x00-\x7f]*$/;
const MEMO_LIMIT = 500_000;

/**
 * Counts tokens as OpenAI's tiktoken encode_ordinary (and js-tiktoken's encode(text, [], []) but for
 * U+0085/U+FEFF, see white-space.ts) would, special-token text counted as plain text:
 * split with the encoding's own pattern (ASCII by a scan that reproduces it, the rest by the regex), then
 * count each piece, memoized (prose repeats its words).
 */
export class TokenCounter {
  private readonly memo = new PieceMemo(MEMO_LIMIT);
  // Compiled once per counter: compiling this Unicode regex per call cost ~0.2 ms a file.
  // Sticky, so each test() matches exactly where the piece starts and builds no match object:
  // exec() allocated an array per piece, garbage that a busy second thread's collector competes for.
  private readonly sticky: RegExp;
  private readonly global: RegExp;

  /** Splits ASCII text without the regex, when the pattern is one it reproduces. */
  private readonly scan: AsciiScan | undefined;

  constructor(readonly encoding: Encoding) {
    this.scan = asciiScanFor(encoding.pattern);
    this.sticky = new RegExp(encoding.pattern.source, 'uy');
    this.global = new RegExp(encoding.pattern.source, 'gu');
  }

  count(text: string): number {
    const { sticky: re, scan } = this;
    let total = 0;
    let at = 0;
    while (at < text.length) {
      let end = scan ? scan(text, at) : -1;
      if (end < 0) {
        re.lastIndex = at;
        if (!re.test(text) || re.lastIndex === at) {
          at = this.skipToMatch(text, at);
          if (at < 0) break;
          continue;
        }
        end = re.lastIndex;
      }
      const hash = hashPiece(text, at, end);
      let n = this.memo.get(text, at, end, hash);
      if (n < 0) {
        n = this.countPiece(text.slice(at, end));
        this.memo.add(text, at, end, hash, n);
      }
      total += n;
      at = end;
    }
    return total;
  }

  private countPiece(piece: string): number {
    const bytes = ASCII.test(piece) ? piece : Buffer.from(piece, 'utf8').toString('latin1');
    return bpeCount(bytes, this.encoding.ranks);
  }

  /** Where the next piece starts when none starts at `at` (tiktoken skips what its pattern never matches). */
  private skipToMatch(text: string, at: number): number {
    const g = this.global;
    g.lastIndex = at;
    const m = g.exec(text);
    if (m === null || m.index <= at) return -1; // none left (or an empty match, which would never end)
    return m.index;
  }
}
