import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '../../src/core/types.js';
import { speedVariants } from '../../src/pricing/generator/speed-variants.js';

const base: ModelRecord = {
  id: 'claude-x',
  provider: 'anthropic',
  creator: 'anthropic',
  name: 'Claude X',
  aliases: ['claude-x', 'claude-x-20260101'],
  prices: [
    {
      input: 5,
      output: 25,
      cacheRead: 0.5,
      cacheWrite5m: 6.25,
      webSearch: 10,
      batchInput: 2.5,
      batchOutput: 12.5,
      tiers: [{ threshold: 200_000, input: 10, output: 37.5 }],
    },
  ],
  tokenizer: 'claude',
  sourceUrl: 'https://example.com',
  verified: '2026-08-01',
  source: 'test',
  batchSource: 'provider Batch API',
};
const entry = (p: Record<string, number>, provider = 'anthropic') => ({
  litellm_provider: provider,
  provider_specific_entry: p,
});

describe('fast mode and US-only inference variants', () => {
  it('scales every token price, tiers included, by the multiplier; fast mode has no batch prices', () => {
    const out = speedVariants([base], { 'claude-x-20260101': entry({ fast: 6, us: 1.1 }) });
    expect(out.map((r) => r.id)).toEqual(['claude-x-fast', 'claude-x-us', 'claude-x-fast-us']);
    const [fast, us, both] = out;
    expect(fast!.prices[0]).toEqual({
      input: 30,
      output: 150,
      cacheRead: 3,
      cacheWrite5m: 37.5,
      webSearch: 10, // a per-search fee, not a token price
      tiers: [{ threshold: 200_000, input: 60, output: 225 }],
    });
    expect(fast!.batchSource).toBeUndefined();
    expect(us!.prices[0]).toMatchObject({
      input: 5.5,
      output: 27.5,
      batchInput: 2.75,
      batchOutput: 13.75,
    });
    expect(both!.prices[0]).toMatchObject({ input: 33, output: 165 });
    expect(fast!.aliases).toEqual(['claude-x-fast', 'claude-x-20260101-fast']);
    expect(out.every((r) => r.variantOf === 'claude-x')).toBe(true);
  });

  it('makes none for another provider, an entry without multipliers, or a variant already there', () => {
    expect(speedVariants([base], { 'claude-x': entry({ fast: 6 }, 'bedrock') })).toEqual([]);
    expect(speedVariants([base], { 'claude-x': entry({}) })).toEqual([]);
    const existing = { ...base, id: 'claude-x-fast', aliases: [] };
    expect(speedVariants([base, existing], { 'claude-x': entry({ fast: 6 }) })).toEqual([]);
  });
});
