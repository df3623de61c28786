import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ISO_TIME_BYTES, writeIsoTime } from '../../src/files/iso-time.js';

/** What writeIsoTime writes of `ms`, or undefined when it leaves it to toISOString. */
function iso(ms: number): string | undefined {
  const out = new Uint8Array(ISO_TIME_BYTES + 4).fill(33);
  const end = writeIsoTime(out, 2, ms);
  if (end < 0) return undefined;
  expect(out[1]).toBe(33); // nothing written before it
  expect(out[end]).toBe(33); // nor after
  return Buffer.from(out.subarray(2, end)).toString('latin1');
}

describe('writeIsoTime', () => {
  it.each([
    [0, '1970-01-01T00:00:00.000Z'],
    [-1, '1969-12-31T23:59:59.999Z'],
    [0.9, '1970-01-01T00:00:00.000Z'], // a Date truncates toward zero
    [-0.9, '1970-01-01T00:00:00.000Z'],
    [-1.5, '1969-12-31T23:59:59.999Z'],
    [Date.UTC(2000, 1, 29, 12, 34, 56, 789), '2000-02-29T12:34:56.789Z'], // a leap day of a 400th year
    [Date.UTC(1900, 2, 1), '1900-03-01T00:00:00.000Z'], // 1900 had no leap day
    [Date.UTC(2100, 1, 28, 23, 59, 59, 999), '2100-02-28T23:59:59.999Z'],
    [-62_167_219_200_000, '0000-01-01T00:00:00.000Z'],
    [253_402_300_799_999, '9999-12-31T23:59:59.999Z'],
  ])('%d is %s', (ms, text) => {
    expect(iso(ms)).toBe(text);
  });

  it.each([-62_167_219_200_001, 253_402_300_800_000, 8.64e15, -8.64e15, NaN, Infinity])(
    'leaves %d to toISOString (a six-digit year, or no time)',
    (ms) => {
      expect(iso(ms)).toBeUndefined();
    },
  );

  it('writes what toISOString writes, for any time of the years 0-9999', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }),
          fc.double({ min: -62_167_219_200_000, max: 253_402_300_799_999, noNaN: true }),
          fc.integer({ min: -3e12, max: 5e12 }),
        ),
        (ms) => {
          expect(iso(ms)).toBe(new Date(ms).toISOString());
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
