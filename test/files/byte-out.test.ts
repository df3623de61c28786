import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteOut } from '../../src/files/byte-out.js';

/** What `decimal(units, places)` writes, as text. */
function decimalText(units: number, places: number): string {
  let text = '';
  const out = new ByteOut({ write: (t: string) => void (text += t) }, 64);
  out.decimal(units, places);
  out.flush();
  return text;
}

describe('ByteOut.decimal', () => {
  it.each([
    // [units, places, text]: a cost's whole units and its decimals
    [225, 7, '0.0000225'], // 15 tokens at $1.50/M
    [0, 9, '0'],
    [5, 0, '5'],
    [120, 1, '12'],
    [12345, 2, '123.45'],
    [4, 7, '4e-7'], // below 1e-6, as Number#toString writes it
    [25, 8, '2.5e-7'],
    [1, 6, '0.000001'],
    [46992, 7, '0.0046992'], // 1,068 tokens at $4.40/M (the doubles' product: 0.004699200000000001)
    [999_999_999_999_999, 3, '999999999999.999'],
    [4_000_000_000, 0, '4000000000'],
    [123_456_789_012_345, 21, '1.23456789012345e-7'],
  ])('%d / 10^%d is %s', (units, places, text) => {
    expect(decimalText(units, places)).toBe(text);
  });

  it('writes what JSON.stringify writes of the double nearest the decimal', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 10_000 }),
          // Below 2^31 and about it: integer arithmetic up to 2^31 - 1, doubles from 2^31.
          fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          fc.constantFrom(2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 2 ** 31 - 10),
          // Up to 15 digits, the ones laid out by hand.
          fc
            .tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999_999 }))
            .map(([high, low]) => high * 1e9 + low),
          fc.maxSafeInteger().filter((n) => n >= 0),
        ),
        fc.integer({ min: 0, max: 22 }),
        (units, places) => {
          expect(decimalText(units, places)).toBe(JSON.stringify(units / 10 ** places));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
