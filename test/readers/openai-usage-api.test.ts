// OpenAI's organization Usage API: text and audio counts are apart (input_tokens is text only).
import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { dialectByName } from '../../src/readers/dialects/index.js';

const usageApi = dialectByName('openai-usage-api')!;

describe('openai-usage-api: audio tokens', () => {
  it('keeps input_audio_tokens and output_audio_tokens beside the text counts', () => {
    const r = usageApi.normalize({
      object: 'organization.usage.completions.result',
      input_tokens: 1000,
      input_cached_tokens: 200,
      input_audio_tokens: 300,
      output_tokens: 50,
      output_audio_tokens: 40,
      num_model_requests: 2,
      model: 'gpt-4o-realtime-preview',
    }) as UsageRecord;
    expect(r).toMatchObject({
      input: 800,
      cacheRead: 200,
      audioInput: 300,
      output: 50,
      audioOutput: 40,
      requests: 2,
    });
  });

  it('has no audio buckets when the result reports none', () => {
    const r = usageApi.normalize({
      object: 'organization.usage.completions.result',
      input_tokens: 10,
      output_tokens: 5,
      input_audio_tokens: 0,
      num_model_requests: 1,
    }) as UsageRecord;
    expect(r.audioInput).toBeUndefined();
    expect(r.audioOutput).toBeUndefined();
  });
});
