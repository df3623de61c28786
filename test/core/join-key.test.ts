import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinKey } from '../../src/core/join-key.js';

const value = fc.string({
  unit: fc.constantFrom('a', 'b', '\u0000', '\u0001', '\u0002', '\u0003'),
});

describe('joinKey', () => {
  it('gives two lists of as many values one key only when they are the same list', () => {
    const pair = fc
      .integer({ min: 1, max: 4 })
      .chain((n) =>
        fc.tuple(
          fc.array(value, { minLength: n, maxLength: n }),
          fc.array(value, { minLength: n, maxLength: n }),
        ),
      );
    fc.assert(
      fc.property(pair, ([a, b]) => {
        const same = a.every((v, k) => v === b[k]);
        expect(joinKey(a) === joinKey(b)).toBe(same);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    [['a', 'b'], 'a\u0000b'],
    [['a\u0000b', 'c'], 'a\u0001\u0003b\u0000c'],
    [['a', 'b\u0000c'], 'a\u0000b\u0001\u0003c'],
    [['\u0001'], '\u0001\u0002'],
  ])('%j -> %j', (values, key) => {
    expect(joinKey(values)).toBe(key);
  });
});
