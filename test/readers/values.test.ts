import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interned } from '../../src/readers/values.js';

describe('interned', () => {
  it('gives back an equal string, before and after its pool fills and is cleared', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 12_000 }), (xs) => {
        for (const x of xs) expect(interned(x)).toBe(x);
        // Copies made anew (as JSON.parse makes them) come back equal too.
        for (const x of xs) expect(interned(JSON.parse(JSON.stringify(x)) as string)).toBe(x);
      }),
      { numRuns: 20 },
    );
  });
});
