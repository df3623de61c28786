import { tempDir } from '../helpers/temp.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { bpeCount, MapRanks } from '../../src/tokenize/bpe.js';
import { encodeRankFile, parseRankFile, readRankFile } from '../../src/tokenize/rank-file.js';
import { withUnicodeWhiteSpace } from '../../src/tokenize/white-space.js';

const data = { o200k_base: o200k, cl100k_base: cl100k };
// The tables `npm run build` writes (npm test builds first).
const built = (name: string) => readRankFile(`dist/tokenize/tables/${name}.bin`);

/** Every token of js-tiktoken's data as [latin1 bytes, rank]. */
function tokens(name: keyof typeof data): [string, number][] {
  const out: [string, number][] = [];
  for (const line of data[name].bpe_ranks.split('\n')) {
    const fields = line.split(' ');
    const offset = Number(fields[1]);
    for (let i = 2; i < fields.length; i++) out.push([atob(fields[i]!), offset + i - 2]);
  }
  return out;
}

describe.each(['o200k_base', 'cl100k_base'] as const)('prebuilt %s table', (name) => {
  it('finds every token at its rank, in place inside a longer string', () => {
    const { pattern, ranks } = built(name);
    expect(pattern).toBe(withUnicodeWhiteSpace(data[name].pat_str));
    const all = tokens(name);
    expect(ranks.size).toBe(all.length);
    const wrong = all.filter(
      ([bytes, rank]) => ranks.rank(`<${bytes}>`, 1, bytes.length + 1) !== rank,
    );
    expect(wrong).toEqual([]);
  });

  it('answers -1 for bytes that are no token', () => {
    const { ranks } = built(name);
    expect(ranks.rank('qzxqzxqzxqzxqzxq', 0, 16)).toBe(-1);
    expect(ranks.rank('\x00\xff\x00\xff', 0, 4)).toBe(-1);
  });
});

describe('rank file and BPE', () => {
  const small: [Buffer, number][] = [
    ['a', 0],
    ['b', 1],
    ['c', 2],
    ['ab', 3],
    ['bc', 4],
    ['abc', 5],
  ].map(([k, r]) => [Buffer.from(k as string, 'latin1'), r as number]);

  it('merges the lowest-ranked pair first, leftmost on ties, like tiktoken', () => {
    const map = new MapRanks(new Map(small.map(([k, r]) => [k.toString('latin1'), r])));
    // "abcab": ab(3) merges twice, then abc(5); "ab|c|ab" -> "abc|ab" -> 2 tokens.
    expect(bpeCount('abcab', map)).toBe(2);
    expect(bpeCount('cba', map)).toBe(3);
    expect(bpeCount('abc', map)).toBe(1);
    expect(bpeCount('x', map)).toBe(1);
  });

  it.each([
    ['at an aligned offset (read as views)', 0],
    ['at an unaligned offset (copied)', 1],
  ])('parses a table held %s', (_label, offset) => {
    const bytes = encodeRankFile('pat', small);
    const held = Buffer.concat([Buffer.alloc(offset), bytes]).subarray(offset);
    const { pattern, ranks } = parseRankFile(held, 't.bin');
    expect(pattern).toBe('pat');
    expect(small.map(([k]) => ranks.rank(k.toString('latin1'), 0, k.length))).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
  });

  it('round-trips through the binary layout with an unaligned pattern', () => {
    const file = join(tempDir('llmcost-ranks'), 't.bin');
    writeFileSync(file, encodeRankFile('odd', small));
    const { pattern, ranks } = readRankFile(file);
    expect(pattern).toBe('odd');
    expect(small.map(([k]) => ranks.rank(k.toString('latin1'), 0, k.length))).toEqual([
      0, 1, 2, 3, 4, 5,
    ]);
    expect(ranks.rank('ca', 0, 2)).toBe(-1);
    expect(bpeCount('abcab', ranks)).toBe(2);
  });
});
