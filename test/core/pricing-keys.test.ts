import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costOf } from '../../src/core/cost.js';
import { NoBatchPriceError } from '../../src/core/price-period.js';
import { priceRequest } from '../../src/core/price-request.js';
import { PriceKeys } from '../../src/core/pricing-keys.js';
import { loadPriceBook } from '../../src/pricing/catalog.js';

const book = loadPriceBook();
const records = book.records;
// Every threshold and period start in the catalog, so the random draws land on the edges too.
const thresholds = [
  ...new Set(
    records.flatMap((r) => r.prices.flatMap((p) => (p.tiers ?? []).map((t) => t.threshold))),
  ),
];
const starts = [
  ...new Set(records.flatMap((r) => r.prices.map((p) => p.from).filter((d): d is string => !!d))),
];

const timestamp = fc.oneof(
  fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 11, 31) }),
  fc
    .tuple(fc.constantFrom(...starts), fc.integer({ min: -1, max: 1 }))
    .map(([d, k]) => Date.parse(`${d}T00:00:00Z`) + k),
);
const prompt = fc.oneof(
  fc.integer({ min: 0, max: 2_000_000 }),
  fc.tuple(fc.constantFrom(...thresholds), fc.integer({ min: -1, max: 1 })).map(([t, k]) => t + k),
);

describe('the fast price-key path agrees with priceRequest', () => {
  it('on random models, dates, prompt sizes, times of day and batch', () => {
    const keys = new PriceKeys();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: records.length - 1 }),
        timestamp,
        prompt,
        fc.integer({ min: 0, max: 100_000 }),
        fc.boolean(),
        (i, ts, input, output, batch) => {
          const record = records[i]!;
          const key = keys.keyFor(record, ts, input, batch);
          const iso = new Date(ts).toISOString();
          const ctx = { day: iso.slice(0, 10), time: iso.slice(11, 16) };
          const tokens = { input, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output };
          let expected;
          try {
            expected = priceRequest(record, tokens, { ...ctx, batch }).cost.total;
            expect(key.batchFallback).toBe(false);
          } catch (err) {
            // No batch price: the key path prices at list price and says so.
            expect(err).toBeInstanceOf(NoBatchPriceError);
            expect(key.batchFallback).toBe(true);
            expected = priceRequest(record, tokens, ctx).cost.total;
          }
          expect(costOf(tokens, key.rates).total).toBe(expected);
        },
      ),
      { numRuns: 5000 },
    );
  });
});
