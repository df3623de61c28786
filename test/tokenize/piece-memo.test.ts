import { describe, expect, it } from 'vitest';
import { hashPiece, PieceMemo } from '../../src/tokenize/piece-memo.js';

function add(memo: PieceMemo, piece: string, count: number): void {
  memo.add(piece, 0, piece.length, hashPiece(piece, 0, piece.length), count);
}
function get(memo: PieceMemo, text: string, start = 0, end = text.length): number {
  return memo.get(text, start, end, hashPiece(text, start, end));
}

describe('PieceMemo', () => {
  it('finds a piece by its place in any text, and misses what it never saw', () => {
    const memo = new PieceMemo(100);
    add(memo, ' hello', 1);
    add(memo, ' wörld🎉', 3);
    expect(get(memo, 'say hello there', 3, 9)).toBe(1);
    expect(get(memo, 'a wörld🎉!', 1, 9)).toBe(3);
    expect(get(memo, ' hell')).toBe(-1);
    expect(get(memo, ' hello!')).toBe(-1);
    expect(get(memo, '')).toBe(-1);
  });

  it('tells apart pieces whose hashes collide', () => {
    const memo = new PieceMemo(100);
    memo.add('ab', 0, 2, 7, 1);
    memo.add('cd', 0, 2, 7, 2);
    expect(memo.get('ab', 0, 2, 7)).toBe(1);
    expect(memo.get('cd', 0, 2, 7)).toBe(2);
    expect(memo.get('ef', 0, 2, 7)).toBe(-1);
  });

  it('keeps every piece as it grows past its first table', () => {
    const memo = new PieceMemo(1_000_000);
    for (let i = 0; i < 20_000; i++) add(memo, `w${i}`, i);
    expect(memo.size).toBe(20_000);
    for (const i of [0, 1, 4095, 4096, 19_999]) expect(get(memo, `w${i}`)).toBe(i);
  });

  it('starts over when it holds its limit, so memory stays bounded', () => {
    const memo = new PieceMemo(3);
    ['a', 'b', 'c'].forEach((p, i) => add(memo, p, i + 1));
    expect(memo.size).toBe(3);
    add(memo, 'd', 4);
    expect(memo.size).toBe(1);
    expect(get(memo, 'a')).toBe(-1);
    expect(get(memo, 'd')).toBe(4);
  });
});
