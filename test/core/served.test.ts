import { describe, expect, it } from 'vitest';
import { servedBy } from '../../src/core/served.js';
import { loadPriceBook } from '../../src/pricing/catalog.js';
import { runCli } from '../helpers/run-cli.js';

describe('the provider that served a call', () => {
  it.each([
    ['amazon-bedrock', 'bedrock'],
    ['bedrock_converse', 'bedrock'],
    ['vertex_ai', 'vertex'],
    ['together_ai', 'together'],
    ['fireworks_ai', 'fireworks'],
    ['Groq', 'groq'],
    ['gemini', 'google'],
    ['google_ai', 'google'],
    ['google_vertexai', 'vertex'],
    ['', undefined],
  ])('servedBy(%j) = %j', (raw, id) => expect(servedBy(raw)).toBe(id));

  const book = loadPriceBook();
  it.each([
    ['llama-3.3-70b-versatile', 'groq', 'groq/llama-3.3-70b-versatile'],
    ['claude-sonnet-4-5', 'bedrock', 'bedrock/claude-sonnet-4-5'],
    ['gpt-4o', 'azure', 'azure/gpt-4o'],
    ['gpt-4o', 'openai', 'gpt-4o'],
    // A host the catalog has no price of: the model's usual record, as without the hint.
    ['gpt-4o', 'some-proxy', 'gpt-4o'],
  ])('%s served by %s -> %s', (model, host, id) => {
    const res = book.resolve(model, host);
    expect(res.ok && res.record.id).toBe(id);
  });

  it("prices a LiteLLM spend row at its custom_llm_provider's price", async () => {
    const row = (provider: string) =>
      JSON.stringify({
        model: 'claude-sonnet-4-5',
        custom_llm_provider: provider,
        prompt_tokens: 1000,
        completion_tokens: 100,
        spend: null,
        startTime: '2026-11-20T10:00:00Z',
      });
    const r = await runCli(['analyze', '--by', 'provider', '--json', '--tz', 'UTC'], {
      stdin: `${row('bedrock')}\n${row('anthropic')}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    const groups = JSON.parse(r.stdout)
      .groups.map((g: { provider: string }) => g.provider)
      .sort();
    expect(groups).toEqual(['anthropic', 'bedrock']);
  });
});

describe('bare family names', () => {
  const book = loadPriceBook();
  it.each([
    ['gemini-2.0', 'gemini-2.0-flash'],
    ['llama-3.3', 'llama-3.3-70b'],
    ['llama-3.1-70b', 'llama-3.1-70b-instruct'],
  ])('%s -> a record of %s', (name, model) => {
    const res = book.resolve(name);
    expect(res.ok, name).toBe(true);
    if (res.ok) {
      const re = new RegExp(`(^|/)${model.replace(/\./g, '\\.')}$`);
      expect([res.record.id.toLowerCase(), ...res.record.aliases].some((a) => re.test(a))).toBe(
        true,
      );
      expect(res.reason).toMatch(/^family name/);
    }
  });

  it.each(['llama-3.1', 'qwen3', 'gpt', 'claude-sonnet'])(
    '%s is too open to mean one model: unpriced',
    (name) => expect(book.resolve(name).ok).toBe(false),
  );
});
