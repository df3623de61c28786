import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUCKETS } from '../../src/core/buckets.js';
import { costOf } from '../../src/core/cost.js';
import { PricedCounts, ratePlan } from '../../src/core/rate-plan.js';
import { priceRequest } from '../../src/core/price-request.js';
import type { ModelRecord, TokenBuckets } from '../../src/core/types.js';
import { loadPriceBook } from '../../src/pricing/catalog.js';

const book = loadPriceBook();
const model = (id: string): ModelRecord => {
  const r = book.byId(id);
  if (!r) throw new Error(`no ${id}`);
  return r;
};
const t = (p: Partial<TokenBuckets>): TokenBuckets => ({
  input: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output: 0,
  ...p,
});
const DAY = '2026-11-23';

describe('priceRequest', () => {
  it.each([
    // [model, tokens, requests, expected total USD]
    ['gpt-4o', t({ input: 800, output: 300 }), 100_000, 500.0],
    ['gpt-5.4-nano', t({ input: 1000, output: 500 }), 1, 0.000825],
    ['gpt-5.4-nano', t({ input: 1000, output: 500 }), 50_000, 41.25],
    ['gpt-4o', t({ input: 500, output: 300 }), 10_000, 42.5],
    ['claude-sonnet-4-5', t({ input: 100_000 }), 10, 3],
    ['claude-sonnet-4-5', t({ input: 1_000_000 }), 1, 6], // whole request above 200k: tier price
    ['gemini-2.5-pro', t({ input: 200_000, output: 1000 }), 1, 0.25 + 0.01],
  ])('%s %o x %d = $%d', (id, tokens, requests, expected) => {
    const { cost } = priceRequest(model(id), tokens, { day: DAY });
    expect(cost.total * requests).toBeCloseTo(expected, 9);
  });

  it('prices a 250k-token Gemini 2.5 Pro prompt wholly at the >200k tier (cliff rule)', () => {
    const { cost, rates } = priceRequest(
      model('gemini-2.5-pro'),
      t({ input: 250_000, output: 1000 }),
      { day: DAY },
    );
    expect(rates.tierThreshold).toBe(200_000);
    expect(cost.input).toBeCloseTo(250_000 * 2.5e-6, 12);
    expect(cost.output).toBeCloseTo(1000 * 15e-6, 12);
  });

  it.each([
    // [model, largest prompt at the base price, base $/1M input, tier $/1M input]
    // Anthropic "requests that exceed 200K input tokens"; Gemini "prompts <= 200k tokens": 200,000 is base.
    ['claude-sonnet-4-5', 200_000, 3, 6],
    ['gemini-2.5-pro', 200_000, 1.25, 2.5],
    // OpenAI lists standard rates for prompts "<272K"; xAI's long-context rates start at "200k and above".
    ['gpt-5.4', 271_999, 2.5, 5],
    ['grok-4.5', 199_999, 2, 4],
  ])('%s: %d prompt tokens are at the base price, one more at the tier', (id, at, base, tier) => {
    const price = (n: number) =>
      priceRequest(model(id), t({ input: n }), { day: DAY }).cost.input / n;
    expect(price(at) * 1e6).toBeCloseTo(base, 9);
    expect(price(at + 1) * 1e6).toBeCloseTo(tier, 9);
  });

  it('counts cache reads and writes toward the tier threshold', () => {
    const { rates } = priceRequest(
      model('gemini-2.5-pro'),
      t({ input: 100_000, cacheRead: 100_001 }),
      { day: DAY },
    );
    expect(rates.tierThreshold).toBe(200_000);
    const below = priceRequest(model('gemini-2.5-pro'), t({ input: 100_000, cacheRead: 100_000 }), {
      day: DAY,
    });
    expect(below.rates.tierThreshold).toBeUndefined();
  });

  it('prices Claude 1-hour cache writes at 2x input and 5-minute writes at 1.25x', () => {
    const r = model('claude-sonnet-4-5');
    const base = priceRequest(r, t({ input: 100_000 }), { day: DAY }).cost.total;
    expect(base).toBeCloseTo(0.3, 12);
    expect(priceRequest(r, t({ cacheWrite1h: 100_000 }), { day: DAY }).cost.total).toBeCloseTo(
      base * 2,
      12,
    );
    expect(priceRequest(r, t({ cacheWrite5m: 100_000 }), { day: DAY }).cost.total).toBeCloseTo(
      base * 1.25,
      12,
    );
    expect(priceRequest(r, t({ cacheRead: 100_000 }), { day: DAY }).cost.total).toBeCloseTo(
      base * 0.1,
      12,
    );
  });

  it.each(['gpt-4o', 'gpt-5.4-nano', 'claude-sonnet-4-5', 'gemini-2.5-flash'])(
    'batch is half price for %s',
    (id) => {
      const tokens = t({ input: 1234, output: 567 });
      const normal = priceRequest(model(id), tokens, { day: DAY }).cost.total;
      expect(priceRequest(model(id), tokens, { day: DAY, batch: true }).cost.total).toBeCloseTo(
        normal / 2,
        12,
      );
    },
  );

  it('refuses batch for a model without batch prices instead of guessing', () => {
    expect(() =>
      priceRequest(model('grok-4'), t({ input: 10 }), { day: DAY, batch: true }),
    ).toThrow(/no batch price/);
  });

  it('uses the price in force at the request date', () => {
    const sol = model('gpt-5.6-sol');
    expect(priceRequest(sol, t({ input: 100_000 }), { day: '2026-08-20' }).cost.total).toBeCloseTo(
      0.5,
      9,
    );
    expect(priceRequest(sol, t({ input: 100_000 }), { day: '2026-08-21' }).cost.total).toBeCloseTo(
      0.4,
      9,
    );
  });

  it('applies daily peak windows (DeepSeek V4 Flash) by UTC time of day', () => {
    const r = model('deepseek-v4-flash');
    const off = priceRequest(r, t({ input: 100_000 }), { day: DAY, time: '12:00' }).cost.total;
    const peak = priceRequest(r, t({ input: 100_000 }), { day: DAY, time: '02:30' }).cost.total;
    expect(off).toBeCloseTo(0.022, 12);
    expect(peak).toBeCloseTo(0.044, 12);
  });
});

describe('costOf', () => {
  it('bills an unpriced cache write as plain input and an unpriced 1h write at the 5m price', () => {
    const c = costOf(t({ cacheWrite5m: 1e6, cacheWrite1h: 1e6 }), { input: 2, output: 8 });
    expect(c.cacheWrite5m).toBeCloseTo(2, 9);
    expect(c.cacheWrite1h).toBeCloseTo(2, 9);
    const d = costOf(t({ cacheWrite1h: 1e6 }), { input: 2, output: 8, cacheWrite5m: 2.5 });
    expect(d.cacheWrite1h).toBeCloseTo(2.5, 9);
  });

  it('returns a breakdown that sums to the total', () => {
    const c = costOf(
      t({ input: 10, cacheRead: 20, cacheWrite5m: 30, cacheWrite1h: 40, output: 50 }),
      {
        input: 1,
        output: 2,
        cacheRead: 0.1,
        cacheWrite5m: 1.25,
        cacheWrite1h: 2,
      },
    );
    expect(c.input + c.cacheRead + c.cacheWrite5m + c.cacheWrite1h + c.output).toBeCloseTo(
      c.total,
      15,
    );
  });
});

describe('batch rates of a free model', () => {
  it('are free, not NaN (0/0 was the batch ratio)', async () => {
    const { ratesFor } = await import('../../src/core/price-period.js');
    const period = { input: 0, output: 0, batchInput: 0, batchOutput: 0 };
    const record = { id: 'free', prices: [period] } as unknown as ModelRecord;
    const rates = ratesFor(record, period, { promptTokens: 10, batch: true });
    expect(rates.input).toBe(0);
    expect(rates.output).toBe(0);
    expect(
      costOf({ input: 10, cacheRead: 0, cacheWrite5m: 0, cacheWrite1h: 0, output: 5 }, rates).total,
    ).toBe(0);
  });
});

describe('ratePlan', () => {
  // What a caller pricing many requests at one price set looks up once: priced through it, counts must
  // give costOf's figures to the last bit, for every catalog price set.
  it("priced through it equals costOf's breakdown and total exactly", () => {
    const tokens = t({
      input: 123_457,
      cacheRead: 98_765,
      cacheWrite5m: 4_321,
      cacheWrite1h: 999,
      output: 54_321,
      audioInput: 77,
      imageOutput: 1_290,
      webSearches: 3,
      requests: 1,
    });
    const counts = BUCKETS.map((b) => tokens[b.key]);
    // Every price set of the catalog: each period, and each of its long-context tiers.
    const sets = book.records.flatMap((r) => r.prices.flatMap((p) => [p, ...(p.tiers ?? [])]));
    expect(sets.length).toBeGreaterThan(100);
    const priced = new PricedCounts();
    for (const rates of sets) {
      const plan = ratePlan(rates);
      priced.price(plan, counts);
      const got: Record<string, number> = { ...t({}), total: priced.total };
      for (const { index } of plan)
        if (counts[index] !== undefined) got[BUCKETS[index]!.key] = priced.cost[index]!;
      expect(got).toStrictEqual(costOf(tokens, rates));
      // Every catalog price is a short decimal: each figure is exact, and so is the sum where the prices
      // have at most 4 decimals (a price of 10 digits, such as $0.08333333333, is summed in doubles).
      expect(plan.every((s) => Number.isSafeInteger(s.units))).toBe(true);
      if (plan.every((s) => s.places <= 4 + 6)) expect(Number.isNaN(priced.totalUnits)).toBe(false);
    }
  });
});

describe('PricedCounts reused', () => {
  // It clears only when the plan changes: whatever came before, a request's figures are a fresh one's.
  it('gives every request what a fresh instance gives, across plans and absent buckets', () => {
    const sets = book.records.slice(0, 40).flatMap((r) => r.prices.map((p) => ratePlan(p)));
    const count = fc.option(fc.oneof(fc.nat({ max: 1e6 }), fc.constant(2 ** 60)), {
      nil: undefined,
    });
    const request = fc.tuple(
      fc.nat({ max: sets.length - 1 }),
      fc.array(count, { minLength: BUCKETS.length, maxLength: BUCKETS.length }),
    );
    fc.assert(
      fc.property(fc.array(request, { maxLength: 20 }), (requests) => {
        const reused = new PricedCounts();
        for (const [k, counts] of requests) {
          const a = reused.price(sets[k]!, counts);
          const b = new PricedCounts().price(sets[k]!, counts);
          expect([a.cost, a.units, a.places, a.total, a.totalUnits, a.totalPlaces]).toStrictEqual([
            b.cost,
            b.units,
            b.places,
            b.total,
            b.totalUnits,
            b.totalPlaces,
          ]);
        }
      }),
    );
  });
});

describe('costs as exact decimals', () => {
  // A count times a published price is a decimal; the figure is the double nearest it, rounded once.
  it.each([
    // [count, USD per 1M, cost]: in doubles count * price * 1e-6 is the second column's neighbour
    [15, 1.5, 0.0000225], // 0.000022499999999999998
    [10, 1.5, 0.000015], // 0.000014999999999999999
    [4, 60, 0.00024], // 0.00023999999999999998
    [4, 15, 0.00006], // 0.000059999999999999995
    [1068, 4.4, 0.0046992], // 0.004699200000000001
    [4, 0.1, 4e-7],
    [3, 0.075, 2.25e-7],
  ])('%d tokens at $%d/M cost %d', (n, price, cost) => {
    expect(costOf(t({ input: n }), { input: price, output: 1 }).total).toBe(cost);
    expect(costOf(t({ output: n }), { input: 1, output: price }).output).toBe(cost);
  });

  it('sums the buckets exactly: 270 input and 263 cached at o4-mini-like prices', () => {
    // 270 x 1.10 + 263 x 0.275 + 1068 x 4.40 = 297 + 72.325 + 4699.2 = 5068.525 micro-dollars
    const c = costOf(t({ input: 270, cacheRead: 263, output: 1068 }), {
      input: 1.1,
      cacheRead: 0.275,
      output: 4.4,
    });
    expect(c.total).toBe(0.005068525);
    expect([c.input, c.cacheRead, c.output]).toStrictEqual([0.000297, 0.000072325, 0.0046992]);
  });

  it('reads a price derived in doubles as its decimal: a discount, a batch ratio', () => {
    // 1.1 x 0.9 is 0.9900000000000001 in doubles: $0.99/M, and 1,000 tokens cost $0.00099
    expect(costOf(t({ input: 1000 }), { input: 1.1 * 0.9, output: 1 }).total).toBe(0.00099);
    expect(costOf(t({ input: 7 }), { input: 0.060000050000000006, output: 1 }).total).toBe(
      4.2000035e-7,
    );
  });

  it('falls back to doubles past 2^53 units, and for a price with no short decimal form', () => {
    expect(costOf(t({ input: 2 ** 52 }), { input: 15, output: 1 }).total).toBeCloseTo(
      2 ** 52 * 15e-6,
      0,
    );
    const third = costOf(t({ input: 3_000_000 }), { input: 1 / 3, output: 1 }).total;
    expect(third).toBeCloseTo(1, 12);
  });

  it('is the nearest double to the decimal for any count and cent price (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (n, cents) => {
          const price = cents / 100; // $0.00 to $1,000.00 per 1M
          const got = costOf(t({ input: n }), { input: price, output: 0 }).total;
          // n x cents is exact; / 10^8 rounds once, to the nearest double
          expect(got).toBe((n * cents) / 1e8);
        },
      ),
    );
  });
});
