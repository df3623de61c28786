import { describe, expect, it } from 'vitest';
import { nonNegativeInt, positiveInt, topCount } from '../../src/commands/parse-args.js';

/** Throws' message, or the value parsed. */
const outcome = (f: (v: string) => number, v: string): number | string => {
  try {
    return f(v);
  } catch (e) {
    return (e as Error).message;
  }
};

describe('count parsers', () => {
  it.each([
    // parser, input, value or the message; every bad value names the parser's own range
    [nonNegativeInt, '0', 0],
    [nonNegativeInt, '10k', 10_000],
    [nonNegativeInt, '1,500', 1500],
    [nonNegativeInt, '-1', 'expected a whole number of 0 or more (10000, 10k, 1e5).'],
    [nonNegativeInt, '9007199254740991', Number.MAX_SAFE_INTEGER],
    [
      nonNegativeInt,
      '1e20',
      'too large: at most 9,007,199,254,740,991 (counts are exact integers).',
    ],
    [positiveInt, '1e5', 100_000],
    [positiveInt, '1e309', 'expected a whole number of 1 or more (8, 10k, 1e5).'],
    [positiveInt, '0', 'expected a whole number of 1 or more (8, 10k, 1e5).'],
    [positiveInt, '-1', 'expected a whole number of 1 or more (8, 10k, 1e5).'],
    [positiveInt, 'abc', 'expected a whole number of 1 or more (8, 10k, 1e5).'],
    [positiveInt, '1.5', 'expected a whole number of 1 or more (8, 10k, 1e5).'],
    [topCount, '1000', 1000],
    [topCount, '1001', 'expected a whole number from 1 to 1000.'],
    [topCount, '0', 'expected a whole number from 1 to 1000.'],
    [topCount, '1e309', 'expected a whole number from 1 to 1000.'],
    [topCount, 'ten', 'expected a whole number from 1 to 1000.'],
  ] as const)('%o(%s) -> %s', (parse, input, want) => {
    expect(outcome(parse, input)).toBe(want);
  });
});
