import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { scanBpeCount } from '../../src/tokenize/bpe.js';
import { heapBpeCount } from '../../src/tokenize/bpe-heap.js';
import { readRankFile } from '../../src/tokenize/rank-file.js';
import { TokenCounter } from '../../src/tokenize/counter.js';

const data = { o200k_base: o200k, cl100k_base: cl100k };
const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

function randomPieces(count: number, seed: number): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) & 0x7fffffff;
    return state % n;
  };
  const common = 'aaeeiioo ttnnssrrhhll  \n\t{}();=.,_-0123456789ABCXYZ';
  return Array.from({ length: count }, (_, k) => {
    let piece = '';
    for (let n = 2 + next(80); n > 0; n--)
      piece += k % 3 ? common[next(common.length)] : String.fromCharCode(next(256));
    return piece;
  });
}

describe.each(Object.keys(data) as (keyof typeof data)[])('heapBpeCount with %s', (name) => {
  const { ranks, pattern } = readRankFile(`dist/tokenize/tables/${name}.bin`);
  let plain: Tiktoken | undefined; // built once, on first use (~0.7 s)

  it('merges exactly as the pair scan does, on 5,000 random byte strings', () => {
    for (const piece of randomPieces(5_000, 11))
      expect(heapBpeCount(piece, ranks), JSON.stringify(piece)).toBe(scanBpeCount(piece, ranks));
  });

  it.each([
    ['a long CJK run', '日本語のテキストです中文文本東京大阪京都北海道沖縄'.repeat(12)],
    ['a long emoji run', '😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰'.repeat(12)],
    ['a long symbol run', '-=~*'.repeat(500)],
  ])('counts %s as js-tiktoken does', (_label, text) => {
    expect(heapBpeCount(latin1(text), ranks)).toBe(scanBpeCount(latin1(text), ranks));
    const counter = new TokenCounter({ name, pattern: new RegExp(pattern, 'gu'), ranks });
    plain ??= new Tiktoken(data[name]);
    expect(counter.count(text)).toBe(plain.encode(text, [], []).length);
  });
});
