// PostHog LLM analytics events ($ai_generation) as a batch export writes them: buckets by PostHog's own
// cost rule (Anthropic-style input without the cache, others with it; Gemini's thoughts beside the output).
import { describe, expect, it } from 'vitest';
import { posthog } from '../../src/readers/dialects/posthog.js';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { analyzeJson, groupRows } from '../helpers/analyze-json.js';

const read = (properties: Record<string, unknown>) =>
  posthog.normalize({ event: '$ai_generation', properties }) as UsageRecord;

describe('PostHog $ai_generation events', () => {
  it('reads a batch export: exact buckets per model, one count per uuid, non-call events skipped', async () => {
    const doc = await analyzeJson(['fixtures/logs/posthog-events.jsonl', '--tz', 'UTC']);
    expect(doc.duplicates).toEqual({ 'same response id logged again': 1 });
    expect(doc.skipped).toEqual({
      'PostHog event that is not a call': 2,
      'failed call without tokens': 1,
    });
    const fields = ['model', 'requests', 'input', 'cacheRead', 'cacheWrite', 'output', 'reasoning'];
    expect(groupRows(doc, fields)).toEqual([
      // exclusive Anthropic input (120) and Vercel's gateway, inclusive (21620 - 20000 - 1500)
      ['claude-sonnet-4-5', 2, 240, 40000, 3000, 1200, 0],
      // gemini-2.5: the 600 thoughts are beside the 200 output tokens
      ['gemini-2.5-flash', 1, 2000, 1000, 0, 800, 600],
      ['gpt-4.1-mini', 1, 904, 4096, 0, 300, 0],
      ['text-embedding-3-small', 1, 800, 0, 0, 0, 0],
    ]);
    // claude-sonnet-4-5: $3 input, $0.30 read, $3.75 write, $15 output (per 1M)
    expect(doc.groups[0].calculatedCost).toBeCloseTo(
      (240 * 3 + 40000 * 0.3 + 3000 * 3.75 + 1200 * 15) / 1e6,
      12,
    );
    expect(doc.groups[2].loggedCost).toBe(0.0012512);
  });

  it('lets $ai_cache_reporting_exclusive decide over the provider', () => {
    const base = { $ai_model: 'gpt-4o', $ai_input_tokens: 100, $ai_cache_read_input_tokens: 60 };
    expect(read(base)).toMatchObject({ input: 40, cacheRead: 60 });
    expect(read({ ...base, $ai_cache_reporting_exclusive: true })).toMatchObject({
      input: 100,
      cacheRead: 60,
    });
    // a Claude model is Anthropic-style whoever served it (Vertex, Bedrock)
    expect(read({ ...base, $ai_model: 'claude-haiku-4-5', $ai_provider: 'vertex' })).toMatchObject({
      input: 100,
      cacheRead: 60,
    });
  });

  it('takes audio and image input out of the text input, cached audio out of the cache reads', () => {
    const r = read({
      $ai_model: 'gpt-4o-audio-preview',
      $ai_input_tokens: 1000,
      $ai_cache_read_input_tokens: 300,
      $ai_audio_input_tokens: 400,
      $ai_cache_read_audio_tokens: 100,
      $ai_image_input_tokens: 50,
      $ai_output_tokens: 90,
      $ai_audio_output_tokens: 80,
    });
    expect(r).toMatchObject({
      input: 1000 - 300 - 300 - 50,
      cacheRead: 200,
      audioInput: 300,
      audioCacheRead: 100,
      imageInput: 50,
      output: 10,
      audioOutput: 80,
    });
  });

  it('reads properties written as a JSON string, and names an unreadable one', () => {
    const ok = posthog.normalize({
      event: '$ai_generation',
      properties: JSON.stringify({ $ai_model: 'gpt-4o', $ai_input_tokens: 5 }),
    });
    expect(ok).toMatchObject({ model: 'gpt-4o', input: 5 });
    expect(posthog.normalize({ event: '$ai_generation', properties: '{not json' })).toEqual({
      invalid: 'properties',
    });
  });
});
