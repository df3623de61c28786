import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '../../src/core/types.js';
import { billingVariants } from '../../src/pricing/generator/billing-variants.js';

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

describe('billing options as variant records', () => {
  it('scales every token price, tiers included, by the multiplier; fast mode has no batch prices', () => {
    const out = billingVariants([base], { 'claude-x-20260101': entry({ fast: 6, us: 1.1 }) });
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
    expect(billingVariants([base], { 'claude-x': entry({ fast: 6 }, 'bedrock') })).toEqual([]);
    expect(billingVariants([base], { 'claude-x': entry({}) })).toEqual([]);
    // A downloaded map may name any provider, an Object.prototype key included.
    for (const provider of ['toString', 'constructor', '__proto__'])
      expect(billingVariants([base], { 'claude-x': entry({ fast: 6 }, provider) })).toEqual([]);
    const existing = { ...base, id: 'claude-x-fast', aliases: [] };
    expect(billingVariants([base, existing], { 'claude-x': entry({ fast: 6 }) })).toEqual([]);
  });

  it("prices OpenAI's flex and priority tiers as LiteLLM gives them, the rest at the input ratio", () => {
    const gpt: ModelRecord = {
      ...base,
      id: 'gpt-y',
      provider: 'openai',
      creator: 'openai',
      name: 'GPT Y',
      aliases: ['gpt-y', 'gpt-y-2026-01-01'],
      prices: [
        { input: 9, output: 9 }, // an earlier period: not the base of a tier
        {
          from: '2026-01-01',
          input: 2,
          output: 8,
          cacheRead: 0.5,
          audioInput: 4,
          batchInput: 1,
          batchOutput: 4,
          tiers: [{ threshold: 272_000, input: 4, output: 12 }],
        },
      ],
    };
    const out = billingVariants([gpt], {
      'gpt-y': {
        litellm_provider: 'openai',
        input_cost_per_token: 2e-6,
        input_cost_per_token_flex: 1e-6,
        output_cost_per_token_flex: 4e-6,
        input_cost_per_token_priority: 3.5e-6,
        output_cost_per_token_priority: 14e-6,
        cache_read_input_token_cost_priority: 0.875e-6,
      },
    });
    expect(out.map((r) => r.id)).toEqual(['gpt-y-flex', 'gpt-y-priority']);
    expect(out[0]!.prices).toEqual([
      {
        input: 1,
        output: 4,
        cacheRead: 0.25,
        audioInput: 2,
        tiers: [{ threshold: 272_000, input: 2, output: 6 }],
      },
    ]);
    expect(out[1]!.prices[0]).toMatchObject({
      input: 3.5,
      output: 14,
      cacheRead: 0.875,
      audioInput: 7,
    });
    expect(out[1]!.aliases).toEqual(['gpt-y-priority', 'gpt-y-2026-01-01-priority']);
  });

  it("prices Perplexity's search context sizes as request fees, and the reasoning step at its own price", () => {
    const sonar = (id: string, extra: Record<string, number>): ModelRecord => ({
      ...base,
      id,
      provider: 'perplexity',
      creator: 'perplexity',
      name: id,
      aliases: [id, `perplexity/${id}`],
      prices: [{ input: 2, output: 8, ...extra }],
    });
    const sizes = (low: number, medium: number, high: number) => ({
      search_context_size_low: low,
      search_context_size_medium: medium,
      search_context_size_high: high,
    });
    const out = billingVariants([sonar('pro', { request: 14 }), sonar('deep', { webSearch: 5 })], {
      'perplexity/pro': {
        litellm_provider: 'perplexity',
        search_context_cost_per_query: sizes(0.006, 0.01, 0.014),
      },
      'perplexity/deep': {
        litellm_provider: 'perplexity',
        output_cost_per_reasoning_token: 3e-6,
        search_context_cost_per_query: sizes(0.005, 0.005, 0.005),
      },
    });
    const byId = Object.fromEntries(out.map((r) => [r.id, r.prices]));
    expect(Object.keys(byId)).toEqual([
      'pro-context-low',
      'pro-context-medium',
      'pro-context-high',
      'pro-reasoning',
      'deep-context-low',
      'deep-context-medium',
      'deep-context-high',
      'deep-reasoning',
    ]);
    expect(byId['pro-context-low']).toEqual([{ input: 2, output: 8, request: 6 }]);
    expect(byId['pro-context-medium']).toEqual([{ input: 2, output: 8, request: 10 }]);
    // No request fee to vary (Deep Research bills its searches): the model's own prices.
    expect(byId['deep-context-low']).toEqual([{ input: 2, output: 8, webSearch: 5 }]);
    // The step: no per-request or per-search fee; output at the reasoning price where one is given.
    expect(byId['deep-reasoning']).toEqual([{ input: 2, output: 3 }]);
    expect(byId['pro-reasoning']).toEqual([{ input: 2, output: 8 }]);
    expect(out.find((r) => r.id === 'deep-reasoning')!.aliases).toEqual([
      'deep-reasoning',
      'perplexity/deep-reasoning',
    ]);
  });
});
