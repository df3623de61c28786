import { describe, expect, it } from 'vitest';
import { loadPriceBook } from '../../src/pricing/catalog.js';

const book = loadPriceBook();

describe('name resolution', () => {
  it.each([
    ['gpt-4o', 'gpt-4o'],
    ['GPT-4o', 'gpt-4o'],
    ['gpt-4o-2024-08-06', 'gpt-4o'],
    ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'],
    ['openai/gpt-4o', 'gpt-4o'],
    ['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet'],
    ['claude-sonnet-4-5-20250929', 'claude-sonnet-4-5'],
    ['anthropic/claude-3.5-sonnet', 'claude-3-5-sonnet'],
    ['claude-3.7-sonnet', 'claude-3-7-sonnet'],
    ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'bedrock/claude-3-5-sonnet'],
    ['anthropic.claude-3-haiku-20240307-v1:0', 'bedrock/claude-3-haiku'],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'bedrock-global/claude-sonnet-4-5'],
    // Bedrock's own record under its full id, not the base name's other version (2411, $2/$6)
    ['mistral.mistral-large-2407-v1:0', 'bedrock/mistral.mistral-large-2407-v1:0'],
    ['bedrock/mistral.mistral-large-2407-v1:0', 'bedrock/mistral.mistral-large-2407-v1:0'],
    ['models/gemini-2.5-pro', 'gemini-2.5-pro'],
    ['gemini/gemini-2.5-flash', 'gemini-2.5-flash'],
    // a platform prefix picks the platform's record where the catalog has one (by its id: LiteLLM's Vertex
    // records had no bare alias, and Google's list price was taken with "no Vertex AI price")
    ['vertex_ai/gemini-2.5-pro', 'vertex/gemini-2.5-pro'],
    ['vertex_ai/claude-opus-4', 'vertex/claude-opus-4'],
    ['gemini-2.0-flash-001', 'gemini-2.0-flash'],
    ['vertex_ai/claude-sonnet-4-5@20250929', 'vertex/claude-sonnet-4-5'],
    ['claude-3-5-sonnet-v2@20241022', 'vertex/claude-3-5-sonnet'],
    ['azure/gpt-4o', 'azure/gpt-4o'],
    ['azure/gpt-4.1-nano', 'azure/gpt-4.1-nano'],
    ['mistral-large-latest', 'mistral-large-2512'],
    ['xai/grok-4-0709', 'grok-4'],
    ['deepseek/deepseek-chat', 'deepseek-chat'],
    // A bare name that is a reseller's record id but an alias of the maker's own record means the maker's
    // price (Cursor logs Claude as claude-4-sonnet: Google's copy has no long-context tier nor 1h write).
    ['claude-4-sonnet', 'claude-sonnet-4'],
    ['claude-4-opus', 'claude-opus-4'],
    ['claude-4-sonnet-thinking', 'claude-sonnet-4'],
    ['deepseek/deepseek-v4-pro', 'deepseek-v4-pro'],
    ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'together/llama-3.3-70b-instruct-turbo'],
    // OpenRouter ids: variants, version-first Claude names, dates (#11)
    ['anthropic/claude-3.7-sonnet:thinking', 'claude-3-7-sonnet'],
    ['anthropic/claude-4.6-sonnet-20260217', 'claude-sonnet-4-6'],
    ['anthropic/claude-3.5-haiku:beta', 'claude-3-5-haiku'],
    ['openai/gpt-4o-mini:nitro', 'gpt-4o-mini'],
    ['openai/gpt-4o:floor', 'gpt-4o'],
    // a model the catalog has only as a preview release, and an unknown host prefix
    ['gemini-3.1-pro', 'gemini-3.1-pro-preview'],
    // a preview the catalog no longer lists, as its general release; never a TTS model of its family
    ['gemini-2.5-pro-preview-05-06', 'gemini-2.5-pro'],
    ['some-gateway/gpt-4o', 'gpt-4o'],
    ['gpt-5.6', 'gpt-5.6-sol'],
    ['gpt-4o-2024-05-13', 'gpt-4o-2024-05-13'],
    // Cursor's names for a model run with thinking or a reasoning effort: the model's own prices
    ['claude-4.5-sonnet-thinking', 'claude-sonnet-4-5'],
    ['claude-4.5-opus-high-thinking', 'claude-opus-4-5'],
    ['gpt-5-high', 'gpt-5'],
    ['gpt-5-codex-low', 'gpt-5'], // gpt-5-codex is an alias of gpt-5's record
    // a thinking release of another family keeps its own name and record
    ['kimi-k2-thinking', 'kimi-k2-thinking'],
    // OpenAI fine-tunes: the fine-tuned price of the base, never the base's own
    ['ft:gpt-4o-mini-2024-07-18:acme::9abcDEF1', 'ft:gpt-4o-mini'],
    ['ft:gpt-4.1-nano-2025-04-14:acme:support-bot:9abcDEF2', 'ft:gpt-4.1-nano-2025-04-14'],
    // Pydantic AI's provider:model names (cases from genai-prices' public model-matching tests)
    ['openai:gpt-4o', 'gpt-4o'],
    ['google-gla:gemini-2.0-flash', 'gemini-2.0-flash'],
    ['anthropic:claude-3-5-sonnet-latest', 'claude-3-5-sonnet'],
    ['groq:llama-3.3-70b-versatile', 'groq/llama-3.3-70b-versatile'],
    ['bedrock:us.anthropic.claude-sonnet-4-20250514-v1:0', 'bedrock/claude-sonnet-4'],
    // Mistral's year-and-month snapshots; a context size in a name (8192) is not a date
    ['mistral-small-2506', 'mistral-small'],
    ['magistral-small-2507', 'magistral-small'],
    ['llama3-70b-8192', 'groq/llama3-70b-8192'],
    // a Claude model before 4 named family first
    ['claude-sonnet-3.7', 'claude-3-7-sonnet'],
    ['claude-haiku-3', 'claude-3-haiku'],
    // a platform's record found by its id under the platform's name (Vertex charges 10x Mistral here)
    ['vertex_ai/mistral-small-2503', 'vertex/mistral-small-2503'],
    ['mistral-small-2503@001', 'vertex/mistral-small-2503'],
    [
      'accounts/fireworks/models/mistral-small-24b-instruct-2501',
      'fireworks/accounts/fireworks/models/mistral-small-24b-instruct-2501',
    ],
  ])('%s -> %s', (name, id) => {
    const res = book.resolve(name);
    expect(res.ok && res.record.id).toBe(id);
  });

  it('leaves a thinking name of another family unpriced rather than priced as its base', () => {
    expect(book.resolve('gemini-9-flash-thinking').ok).toBe(false);
  });

  it('explains a platform fallback', () => {
    const res = book.resolve('groq/gpt-4o');
    expect(res.ok && res.reason).toMatch(/no Groq price in the catalog, so openai's list price/);
  });

  it.each([
    'gpt-4o-turbo-ultra',
    'my-finetune',
    'llama-local',
    '',
    'acme/my-finetune:free',
    'openai/gpt-4o-mini:free', // OpenRouter's free variant is billed $0: unpriced, not list price
    'ft:gpt-5-mini-2025-08-07:acme::9abcDEF3', // no fine-tuned price in the catalog
    'qwen:gpt-4o', // not a provider prefix llmcost knows
    'gpt-4o-8192', // not a date
  ])('leaves %j unpriced, never a guess', (name) => {
    const res = book.resolve(name);
    expect(res.ok).toBe(false);
  });

  it('suggests the nearest names for an unknown model', () => {
    const res = book.resolve('gpt-4oo');
    expect(!res.ok && res.candidates).toContain('gpt-4o');
  });
});

describe('resolve with a serving provider', () => {
  it('keeps a name holding U+0000 apart from a name served by someone (they shared a cache key)', () => {
    const fresh = loadPriceBook();
    expect(fresh.resolve('gpt-4o', 'openai').ok).toBe(true);
    expect(fresh.resolve('gpt-4o\u0000openai').ok).toBe(false);
  });
});
