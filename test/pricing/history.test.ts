import { describe, expect, it } from 'vitest';
import { priceUsage } from '../../src/lib/index.js';
import { HISTORY } from '../../src/pricing/generator/history.js';
import { loadModels } from '../../src/pricing/catalog-data.js';

/** A log line is priced as of its own date and time: the history of widely used models since 2024. */
describe('price history', () => {
  // 100k in and 100k out: under every long-context threshold, so the list price per 1M times 0.1.
  const usage = { input: 100_000, output: 100_000 };
  it.each([
    ['gpt-4o', '2024-06-01T12:00:00Z', 5 + 15],
    ['gpt-4o', '2024-10-02T00:00:00Z', 2.5 + 10],
    ['gemini-1.5-pro', '2024-09-30T12:00:00Z', 3.5 + 10.5],
    ['gemini-1.5-pro', '2024-10-01T12:00:00Z', 1.25 + 5],
    ['gemini-1.5-flash', '2024-08-01T12:00:00Z', 0.35 + 1.05],
    ['gemini-1.5-flash', '2024-08-12T12:00:00Z', 0.075 + 0.3],
    ['deepseek-chat', '2025-01-15T12:00:00Z', 0.14 + 0.28],
    ['deepseek-chat', '2025-02-20T20:00:00Z', 0.27 + 1.1], // before off-peak pricing
    ['deepseek-chat', '2025-03-01T10:00:00Z', 0.27 + 1.1],
    ['deepseek-chat', '2025-03-01T17:00:00Z', 0.135 + 0.55], // off-peak, 16:30-00:30 UTC
    ['deepseek-chat', '2025-09-10T17:00:00Z', 0.56 + 1.68],
    ['deepseek-chat', '2025-10-01T17:00:00Z', 0.28 + 0.42],
    ['deepseek-reasoner', '2025-03-01T00:15:00Z', 0.135 + 0.55], // off-peak crosses midnight
    ['deepseek-reasoner', '2025-03-01T08:00:00Z', 0.55 + 2.19],
    ['o3', '2025-06-01T12:00:00Z', 10 + 40], // from genai-prices' own dated periods
    ['o3', '2025-06-10T12:00:00Z', 2 + 8],
  ])('%s on %s', (model, date, total) => {
    expect(priceUsage(model, usage, { date }).cost.total).toBeCloseTo(total / 10, 10);
  });

  it('prices a long prompt at the tier of its own date (Gemini 1.5 Pro before the cut: $7/$21)', () => {
    const long = { input: 200_000, output: 1000 };
    expect(priceUsage('gemini-1.5-pro', long, { date: '2024-09-01' }).cost.total).toBeCloseTo(
      (200_000 * 7 + 1000 * 21) / 1e6,
      12,
    );
  });

  it('documents every line and keeps periods in date order', () => {
    const models = loadModels();
    for (const h of HISTORY) {
      expect(h.source).toMatch(/^https:\/\//);
      const r = models.find((m) => m.id === h.id)!;
      expect(r.notes).toContain('Price history:');
      const dates = r.prices.map((p) => p.from ?? '');
      expect([...dates].sort()).toEqual(dates);
    }
  });
});

describe('corrections', () => {
  it('gives Sonnet 4 its >200k tier and Claude on Bedrock and Vertex their 1-hour write price', () => {
    const long = { input: 250_000, output: 1000, cacheWrite1h: 10_000 };
    expect(priceUsage('claude-sonnet-4', long, { date: '2026-11-30' }).cost.total).toBeCloseTo(
      (250_000 * 6 + 1000 * 22.5 + 10_000 * 12) / 1e6,
      12,
    );
    const write = { input: 0, output: 0, cacheWrite1h: 100_000 }; // under the 200k tier
    expect(priceUsage('bedrock/claude-sonnet-4-5', write).cost.total).toBeCloseTo(
      0.1 * 3.3 * 2,
      10,
    );
    expect(priceUsage('vertex/claude-sonnet-4-5', write).cost.total).toBeCloseTo(0.1 * 3 * 2, 10);
  });
});

describe('resolutions', () => {
  it('take the price each resolution names and carry its reason as the note', async () => {
    const { RESOLUTIONS } = await import('../../src/pricing/generator/corrections.js');
    const models = loadModels();
    for (const r of RESOLUTIONS) expect(models.find((m) => m.id === r.id)?.notes).toContain(r.why);
    // LiteLLM's unified V3.2 rate, not genai-prices' stale 2025 one.
    expect(
      priceUsage('deepseek-chat', { input: 1e6, output: 1e6 }, { date: '2026-11-30' }).cost.total,
    ).toBeCloseTo(0.28 + 0.42, 10);
  });
});
