import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ModelRecord } from '../../src/core/types.js';
import { expand } from '../../src/pricing/generator/expand.js';
import { periodsOf, type GProvider } from '../../src/pricing/generator/genai.js';
import { creatorOf, tokenizerOf } from '../../src/pricing/generator/providers.js';

const INFO = {
  genaiDate: '2026-09-23',
  genaiLabel: 'genai-prices@0.1.8',
  litellmDate: '2026-08-01',
  checked: {},
};
const curated: ModelRecord[] = [
  {
    id: 'gpt-4o',
    provider: 'openai',
    creator: 'openai',
    name: 'GPT-4o',
    aliases: ['gpt-4o'],
    prices: [{ input: 2.5, output: 10 }],
    tokenizer: 'o200k_base',
    sourceUrl: 'https://openai.com/api/pricing',
    verified: '2026-09-23',
    source: 'curated',
  },
];
const genai: GProvider[] = [
  {
    id: 'openai',
    pricing_urls: ['https://openai.com/api/pricing'],
    models: [
      { id: 'gpt-4o', match: { equals: 'gpt-4o' }, prices: { input_mtok: 3, output_mtok: 12 } },
      // A dated snapshot at the same prices: an alias; at prices of its own: a record of its own.
      {
        id: 'gpt-4o-2024-11-20',
        match: { equals: 'gpt-4o-2024-11-20' },
        prices: { input_mtok: 2.5, output_mtok: 10 },
      },
      {
        id: 'gpt-4o-2024-05-13',
        match: { equals: 'gpt-4o-2024-05-13' },
        prices: { input_mtok: 5, output_mtok: 15 },
      },
      {
        id: 'text-embedding-3-small',
        match: { equals: 'text-embedding-3-small' },
        prices: { input_mtok: 0.02 },
      },
      {
        id: 'gpt-image-1',
        match: { equals: 'gpt-image-1' },
        prices: { output_image_mtok: 40, requests_kcount: 1 },
      } as never,
      { id: 'gpt-free', match: { equals: 'gpt-free' }, prices: {} } as never,
    ],
  },
  {
    id: 'groq',
    models: [
      {
        id: 'llama-3.3-70b-versatile',
        match: { equals: 'llama-3.3-70b-versatile' },
        prices: { input_mtok: 0.59, output_mtok: 0.79 },
      },
    ],
  },
  {
    id: 'openrouter',
    models: [
      // OpenRouter's copy of a first-party model: found by its prefixed name only.
      {
        id: 'openai/gpt-4o',
        match: { equals: 'openai/gpt-4o' },
        prices: { input_mtok: 2.5, output_mtok: 10 },
      },
    ],
  },
];
const litellm = {
  sample_spec: { mode: 'one of: chat' },
  'gpt-4o': {
    litellm_provider: 'openai',
    mode: 'chat',
    input_cost_per_token: 2.5e-6,
    output_cost_per_token: 1e-5,
    max_output_tokens: 16384,
  },
  'groq/llama-3.3-70b-versatile': {
    litellm_provider: 'groq',
    mode: 'chat',
    input_cost_per_token: 5.9e-7,
    output_cost_per_token: 7.9e-7,
    max_output_tokens: 32768,
  },
  'fireworks_ai/accounts/fireworks/models/qwen3-8b': {
    litellm_provider: 'fireworks_ai',
    mode: 'chat',
    input_cost_per_token: 2e-7,
    output_cost_per_token: 2e-7,
  },
  'dall-e-3': { litellm_provider: 'openai', mode: 'image_generation', output_cost_per_image: 0.04 },
  'ollama/llama3': {
    litellm_provider: 'ollama',
    mode: 'chat',
    input_cost_per_token: 0,
    output_cost_per_token: 0,
  },
  'wandb/some-model': {
    litellm_provider: 'wandb',
    mode: 'chat',
    input_cost_per_token: 0.015,
    output_cost_per_token: 0.06,
  },
};

describe('the catalog generator', () => {
  const { records, fates, disagreements } = expand(curated, genai, litellm, INFO);
  const byId = new Map(records.map((r) => [r.id, r]));
  const fate = (key: string, source?: string) =>
    fates.find((f) => f.key === key && (!source || f.source === source));

  it('keeps the curated record and its prices, and merges the other names into it', () => {
    expect(byId.get('gpt-4o')!.prices).toEqual([{ input: 2.5, output: 10 }]);
    expect(fate('openai/gpt-4o')).toMatchObject({ fate: 'alias', record: 'gpt-4o' });
    expect(fate('openai/gpt-4o-2024-11-20')).toMatchObject({ fate: 'alias', record: 'gpt-4o' });
    expect(byId.get('gpt-4o')!.aliases).toContain('gpt-4o-2024-11-20');
    expect(fate('gpt-4o', 'litellm')).toMatchObject({ fate: 'alias', record: 'gpt-4o' });
  });

  it('gives a snapshot with prices of its own a record of its own', () => {
    expect(byId.get('gpt-4o-2024-05-13')!.prices[0]).toMatchObject({
      input: 5,
      output: 15,
      batchInput: 2.5,
    });
  });

  it('marks embedding models, and lists what it leaves out with the reason', () => {
    expect(byId.get('text-embedding-3-small')).toMatchObject({
      mode: 'embedding',
      prices: [{ input: 0.02, output: 0 }],
    });
    expect(fate('openai/gpt-image-1')).toMatchObject({
      fate: 'left out',
      reason: expect.stringMatching(/per output_image_mtok, requests_kcount/),
    });
    expect(fate('openai/gpt-free')?.reason).toMatch(/no price listed/);
    expect(fate('dall-e-3')?.reason).toMatch(/image_generation model/);
    expect(fate('ollama/llama3')?.reason).toMatch(/left unpriced rather than \$0/);
    expect(fate('wandb/some-model')?.reason).toMatch(/units slip/);
  });

  it('names hosted models by the host and finds them by their prefixed names', () => {
    const groq = byId.get('groq/llama-3.3-70b-versatile')!;
    expect(groq).toMatchObject({
      provider: 'groq',
      creator: 'meta',
      tokenizer: 'llama',
      maxOutput: 32768,
    });
    expect(fate('groq/llama-3.3-70b-versatile', 'litellm')).toMatchObject({ fate: 'alias' });
    const fw = byId.get('fireworks/accounts/fireworks/models/qwen3-8b')!;
    expect(fw.aliases).toContain('fireworks_ai/accounts/fireworks/models/qwen3-8b');
    expect(fw.creator).toBe('qwen');
    // openai/gpt-4o still names the creator's model: OpenRouter's copy answers only to openrouter/….
    const or = byId.get('openrouter/openai/gpt-4o')!;
    expect(or.aliases).not.toContain('openai/gpt-4o');
  });

  it('accounts for every model of both maps, and reports price disagreements', () => {
    const gCount = genai.reduce((n, p) => n + p.models.length, 0);
    expect(fates.filter((f) => f.source === 'genai-prices')).toHaveLength(gCount);
    expect(fates.filter((f) => f.source === 'litellm')).toHaveLength(
      Object.keys(litellm).length - 1,
    );
    expect(disagreements).toEqual([]);
  });

  it('reads creators and tokenizers from names', () => {
    expect([
      creatorOf('bedrock', 'anthropic.claude-3-haiku'),
      creatorOf('together', 'meta-llama/Llama-3.3-70B'),
    ]).toEqual(['anthropic', 'meta']);
    expect([creatorOf('openai', 'gpt-oss-120b'), creatorOf('groq', 'openai/gpt-oss-20b')]).toEqual([
      'openai',
      'openai',
    ]);
    expect([
      tokenizerOf('openai', 'gpt-4-turbo'),
      tokenizerOf('openai', 'gpt-4o-mini'),
      tokenizerOf('openai', 'gpt-4.1'),
    ]).toEqual(['cl100k_base', 'o200k_base', 'o200k_base']);
  });
});

describe('the committed report', () => {
  const report = JSON.parse(readFileSync('data/prices/catalog-report.json', 'utf8'));
  it('accounts for every model of both snapshots', () => {
    const g = JSON.parse(
      readFileSync('data/prices/genai-prices-0.1.8.json', 'utf8'),
    ) as GProvider[];
    const l = JSON.parse(readFileSync('data/prices/litellm-2026-08-01.json', 'utf8')) as object;
    const fates = report.fates as { source: string; fate: string; reason?: string }[];
    expect(fates.filter((f) => f.source === 'genai-prices')).toHaveLength(
      g.reduce((n, p) => n + p.models.length, 0),
    );
    expect(fates.filter((f) => f.source === 'litellm')).toHaveLength(Object.keys(l).length - 1);
    expect(fates.filter((f) => f.fate === 'left out' && !f.reason)).toEqual([]);
    expect(report.summary.records).toBeGreaterThanOrEqual(1400);
  });
});

describe('hostile price maps', () => {
  it('leaves a model with a negative, non-finite or non-numeric price out, with the reason, and goes on', () => {
    const g = [
      {
        id: 'openai',
        models: [
          { id: 'neg', match: { equals: 'neg' }, prices: { input_mtok: 1, output_mtok: -5 } },
          { id: 'text', match: { equals: 'text' }, prices: { input_mtok: '1', output_mtok: 2 } },
          { id: 'fine', match: { equals: 'fine' }, prices: { input_mtok: 1, output_mtok: 2 } },
        ],
      },
    ] as unknown as GProvider[];
    const l = {
      inf: {
        litellm_provider: 'openai',
        mode: 'chat',
        input_cost_per_token: 1e-6,
        output_cost_per_token: Number.POSITIVE_INFINITY,
      },
    };
    const { records, fates } = expand([], g, l, INFO);
    expect(records.map((r) => r.id)).toEqual(['fine']);
    expect(fates.find((f) => f.key === 'openai/neg')?.reason).toMatch(
      /output price -5 in the source/,
    );
    expect(fates.find((f) => f.key === 'openai/text')?.fate).toBe('left out');
    expect(fates.find((f) => f.key === 'inf')?.reason).toMatch(/output price Infinity/);
  });
});

describe("genai-prices' figures", () => {
  it("are read as the decimals published, not a unit conversion's noise", () => {
    const [period] = periodsOf({
      id: 'Qwen/Qwen3-VL-8B-Instruct',
      match: {},
      prices: { input_mtok: 0.18000000000000002, output_mtok: 0.68, cache_write_mtok: 1 / 12 },
    });
    expect(period).toMatchObject({ input: 0.18, output: 0.68, cacheWrite5m: 0.08333333333 });
  });
});
