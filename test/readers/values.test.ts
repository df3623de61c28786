import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { interned, time } from '../../src/readers/values.js';

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

describe('time', () => {
  const two = (n: number) => String(n).padStart(2, '0');
  // The strict ISO shape with any digits in it: months 00-19, days 00-39, hours 00-29 and so on, so
  // impossible dates (31 April, 29 February of a common year, hour 24) come up as often as real ones.
  const iso = fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: 0, max: 39 }),
      fc.integer({ min: 0, max: 29 }),
      fc.integer({ min: 0, max: 69 }),
      fc.integer({ min: 0, max: 69 }),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(
      ([y, mo, d, h, mi, s, ms]) =>
        `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}.${String(ms).padStart(3, '0')}Z`,
    );
  const parsed = (s: string) => {
    const t = Date.parse(s);
    return Number.isNaN(t) ? undefined : t;
  };

  it('reads "YYYY-MM-DDTHH:MM:SS.fffZ" as Date.parse does, in any order (the hour read last is kept)', () => {
    fc.assert(
      fc.property(fc.array(iso, { minLength: 1, maxLength: 50 }), (xs) => {
        // Each time twice, beside times of its hour and of other hours of its day, so the kept hour is
        // met and missed.
        const near = xs.flatMap((v) => [
          `${v.slice(0, 14)}00:00.000Z`,
          `${v.slice(0, 11)}05${v.slice(13)}`,
          `${v.slice(0, 11)}23${v.slice(13)}`,
        ]);
        for (const x of [...xs, ...near, ...xs]) expect(time(x)).toBe(parsed(x));
      }),
      { numRuns: 300, seed: Number(process.env.FUZZ_SEED ?? 20261201) },
    );
  });

  it('does not take a kept hour for another shape of text', () => {
    expect(time('2026-10-01T12:34:56.789Z')).toBe(Date.UTC(2026, 9, 1, 12, 34, 56, 789));
    expect(time('2026-10-01T12:3x:56.789Z')).toBeUndefined();
    expect(time('2026-10-01T12:34:56.78xZ')).toBeUndefined();
    expect(time('2026-10-01T12:34:56+0000')).toBe(Date.UTC(2026, 9, 1, 12, 34, 56));
  });
});
