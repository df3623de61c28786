import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitTextEncoder } from '../../src/app/emit-text.js';
import { BUCKETS } from '../../src/core/buckets.js';
import { EMIT_COLUMNS, emitRow } from '../../src/app/emit-schema.js';
import type { Location } from '../../src/core/aggregate.js';
import type { PriceKey } from '../../src/core/pricing-keys.js';
import type { UsageRecord } from '../../src/core/usage-record.js';
import type { TextTarget } from '../../src/files/row-types.js';
import { textWriter } from '../../src/files/text-rows.js';

/**
 * The emit encoder writes rows straight from the request; the rows must be, byte for byte, what the
 * generic text writer makes of emitRow's row (the schema's definition) for any request, price and format.
 */
type Counted = [UsageRecord, Location, PriceKey | undefined, boolean];

function collect(): { target: TextTarget; text: () => string } {
  const chunks: Buffer[] = [];
  return {
    target: {
      write: (t) => void chunks.push(Buffer.from(t)),
      writeBytes: (b) => void chunks.push(Buffer.from(b)),
    },
    text: () => Buffer.concat(chunks).toString('utf8'),
  };
}

async function generic(rows: Counted[], format: 'jsonl' | 'csv', lineOffset: number) {
  const c = collect();
  const w = textWriter(EMIT_COLUMNS, format, c.target, () => undefined, false);
  for (const [r, at, price, useLog] of rows)
    w.add(emitRow(r, { file: at.file, line: at.line + lineOffset }, price, useLog));
  await w.close();
  return c.text();
}

async function direct(rows: Counted[], format: 'jsonl' | 'csv', lineOffset: number) {
  const c = collect();
  const w = textWriter(EMIT_COLUMNS, format, c.target, () => undefined, false);
  const encode = emitTextEncoder(format, w.text!.out, lineOffset);
  for (const row of rows) encode(...row);
  await w.close();
  return c.text();
}

const text = fc.oneof(
  fc.constantFrom('gpt-4o', 'claude-sonnet-4', 'a,b', 'say "hi"', 'line\nbreak', 'ü✓🚀', ''),
  fc.string({ unit: 'grapheme', maxLength: 10 }),
);
// Zero as often as not: which counts are zero decides the shape a row is written in (emit-shapes.ts).
const count = fc.oneof(
  fc.constant(0),
  fc.constantFrom(1, 9, 10, 1_000_000, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1),
  fc.nat({ max: 100_000 }),
);
const optCount = fc.option(count, { nil: undefined });
const money = fc.oneof(
  fc.double({ min: 0, max: 100, noNaN: true }),
  fc.constantFrom(0, -0, 0.1, 1e-9, 1e21, 3, Number.NaN, Number.POSITIVE_INFINITY),
);
const rate = fc.oneof(
  fc.constantFrom(0, 0.075, 1.1, 2.5, 15, 1 / 3),
  fc.double({ min: 0, max: 200, noNaN: true }),
);
const optRate = fc.option(rate, { nil: undefined });

const price: fc.Arbitrary<PriceKey> = fc
  .record({
    id: text,
    provider: text,
    input: rate,
    output: rate,
    cacheRead: optRate,
    cacheWrite5m: optRate,
    cacheWrite1h: optRate,
    audioInput: optRate,
    audioOutput: optRate,
    imageOutput: optRate,
    webSearch: optRate,
    request: optRate,
    tierThreshold: fc.option(fc.constantFrom(128_000, 200_000), { nil: undefined }),
    window: fc.option(fc.constantFrom('16:30-00:30 UTC', 'off-peak'), { nil: undefined }),
    from: fc.option(fc.constantFrom('2025-01-01', '2026-05-14'), { nil: undefined }),
    batch: fc.boolean(),
  })
  .map(({ id, provider, from, tierThreshold, window, ...rest }) => {
    const rates = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
    return {
      key: `${id}|${from}`,
      record: { id, provider } as PriceKey['record'],
      rates: {
        ...rates,
        ...(tierThreshold ? { tierThreshold } : {}),
        ...(window ? { window } : {}),
      } as PriceKey['rates'],
      batchFallback: false,
      ...(from ? { from } : {}),
    };
  });

const record: fc.Arbitrary<UsageRecord> = fc
  .record({
    model: text,
    // Before 1970, fractional, past the year 9999 (six digits), past a Date's range.
    timestamp: fc.option(
      fc.oneof(
        fc.integer({ min: -7e13, max: 4e12 }),
        fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
        fc.constant(9e15),
      ),
      { nil: undefined },
    ),
    dialect: fc.option(fc.constantFrom('openai-chat', 'claude-code', 'csv'), { nil: undefined }),
    input: count,
    cacheRead: count,
    cacheWrite5m: count,
    cacheWrite1h: count,
    output: count,
    reasoning: count,
    audioInput: optCount,
    audioCacheRead: optCount,
    imageInput: optCount,
    audioOutput: optCount,
    imageOutput: optCount,
    webSearches: optCount,
    requests: fc.integer({ min: 1, max: 3 }),
    loggedCost: fc.option(money, { nil: undefined }),
    batch: fc.option(fc.boolean(), { nil: undefined }),
    tags: fc.option(fc.dictionary(text, text, { maxKeys: 2 }), { nil: undefined }),
  })
  .map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) if (v !== undefined) out[k] = v;
    return out as unknown as UsageRecord;
  });

const request = (r: Partial<UsageRecord>): UsageRecord => ({
  model: 'gpt-4o',
  input: 1,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output: 1,
  reasoning: 0,
  requests: 1,
  ...r,
});

describe('emit rows written from the request', () => {
  // Few prices and files, so that rows share them (the encoder caches what follows from them).
  const rows = fc
    .tuple(
      fc.array(price, { minLength: 1, maxLength: 3 }),
      fc.array(text, { minLength: 1, maxLength: 2 }),
    )
    .chain(([prices, files]) =>
      fc.array(
        fc.tuple(
          record,
          fc.record({ file: fc.constantFrom(...files), line: fc.nat({ max: 1e7 }) }),
          fc.option(fc.constantFrom(...prices), { nil: undefined }),
          fc.boolean(),
        ),
        { maxLength: 12 },
      ),
    );

  for (const format of ['jsonl', 'csv'] as const)
    it(`equal the generic ${format} writer's text of emitRow, byte for byte`, async () => {
      await fc.assert(
        fc.asyncProperty(rows, fc.nat({ max: 1e6 }), async (rs, offset) => {
          expect(await direct(rs, format, offset)).toBe(await generic(rs, format, offset));
        }),
        { numRuns: 300 },
      );
    });

  it('starts its caches again past their bound (many distinct unpriced models)', async () => {
    const rs: Counted[] = Array.from({ length: 1500 }, (_, i) => [
      request({ model: `m${i % 700}`, input: i }),
      { file: 'f', line: i + 1 },
      undefined,
      false,
    ]);
    expect(await direct(rs, 'jsonl', 0)).toBe(await generic(rs, 'jsonl', 0));
  });

  it('starts its row shapes again past their bound (every zero pattern of the counts, two prices)', async () => {
    // Every bucket but requests (always at least one here) is zero or not by one bit of the row's number.
    const keys = BUCKETS.map((b) => b.key).filter((k) => k !== 'requests');
    const prices = fc.sample(price, { numRuns: 2, seed: 7 });
    const rs: Counted[] = Array.from({ length: 2 ** 13 }, (_, mask) => {
      const r: Record<string, number> = { requests: mask & 1 ? 2 : 1, reasoning: mask & 2 ? 3 : 0 };
      keys.forEach((k, i) => (r[k] = mask & (4 << i) ? 1000 + i : 0));
      return [request(r), { file: 'f', line: mask + 1 }, prices[mask % 2], false];
    });
    for (const format of ['jsonl', 'csv'] as const)
      expect(await direct(rs, format, 0)).toBe(await generic(rs, format, 0));
  });

  it('writes a row longer than the output buffer whole', async () => {
    const long = 'x'.repeat(300_000);
    const rs: Counted[] = [
      [request({ model: long, tags: { note: long } }), { file: long, line: 1 }, undefined, true],
    ];
    for (const format of ['jsonl', 'csv'] as const)
      expect(await direct(rs, format, 0)).toBe(await generic(rs, format, 0));
  });
});
