import { describe, expect, it } from 'vitest';
import { codePoints } from '../../src/core/code-points.js';

describe('codePoints', () => {
  it.each([
    ['', 0],
    ['hello', 5],
    ['日本語', 3],
    ['😀', 1],
    ['a😀b', 3],
    ['👨‍👩‍👧', 5], // three people joined by two zero-width joiners
    ['x'.repeat(50_000) + '🎉'.repeat(1000), 51_000],
  ])('%j has %i code points', (text, n) => {
    expect(codePoints(text)).toBe(n);
  });

  it('gives the same answer on repeat (its global regex keeps no state between calls)', () => {
    expect([codePoints('a😀'), codePoints('a😀'), codePoints('😀😀')]).toEqual([2, 2, 2]);
  });
});
