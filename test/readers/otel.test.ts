// Span attributes of the conventions otel.ts reads: which input count includes the cache, and the names.
import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { dialectByName } from '../../src/readers/dialects/index.js';

const otel = dialectByName('otel')!;
const read = (attributes: Record<string, unknown>) =>
  otel.normalize({ spanId: 's', name: 'chat', attributes }) as UsageRecord[];

describe('otel spans: input with or beside the cache', () => {
  it.each([
    // [why, input, output, cache read, cache write, total, uncached input]
    ['conventions: input includes the cache', 1000, 50, 600, 100, undefined, 300],
    ['total = input + output: includes', 1000, 50, 600, 100, 1050, 300],
    ['total = input + output + cache: beside (Strands)', 4299, 631, 35574, 17787, 58291, 4299],
    ['total as OTLP text', 4299, 631, 35574, 17787, '58291', 4299],
    ['input below its own cache share: beside', 300, 50, 600, 100, undefined, 300],
    ['no cache: input as it is', 700, 50, 0, 0, 9999, 700],
    ['a total that is not a number is no hint', 1000, 50, 600, 100, 'n/a', 300],
  ])('%s', (_why, input, output, cacheRead, cacheWrite, total, uncached) => {
    const [r] = read({
      'gen_ai.request.model': 'claude-sonnet-4-5',
      'gen_ai.usage.input_tokens': input,
      'gen_ai.usage.output_tokens': output,
      'gen_ai.usage.cache_read.input_tokens': cacheRead,
      'gen_ai.usage.cache_creation.input_tokens': cacheWrite,
      ...(total !== undefined ? { 'gen_ai.usage.total_tokens': total } : {}),
    });
    expect([r!.input, r!.cacheRead, r!.cacheWrite5m, r!.output]).toEqual([
      uncached,
      cacheRead,
      cacheWrite,
      output,
    ]);
  });

  it.each([
    [
      'OpenInference (Phoenix)',
      {
        'llm.model_name': 'gpt-4o',
        'llm.token_count.prompt': 1200,
        'llm.token_count.prompt_details.cache_read': 1000,
        'llm.token_count.prompt_details.audio': 50,
        'llm.token_count.completion': 90,
        'llm.token_count.completion_details.reasoning': 40,
        'llm.token_count.completion_details.audio': 30,
      },
      { input: 150, cacheRead: 1000, output: 60, reasoning: 40, audioInput: 50, audioOutput: 30 },
    ],
    [
      "OpenLLMetry's cache names",
      {
        'gen_ai.response.model': 'claude-3-5-haiku-20241022',
        'gen_ai.usage.prompt_tokens': 900,
        'gen_ai.usage.cache_read_input_tokens': 500,
        'gen_ai.usage.cache_creation_input_tokens': 300,
        'gen_ai.usage.completion_tokens': 20,
      },
      { input: 100, cacheRead: 500, cacheWrite5m: 300, output: 20 },
    ],
  ])('reads %s', (_name, attributes, expected) => {
    expect(read(attributes)[0]).toMatchObject(expected);
  });

  it('a bad count is malformed with its field named; the model comes from llm.model_name', () => {
    expect(() => read({ 'llm.model_name': 'gpt-4o', 'llm.token_count.prompt': -3 })).toThrow(
      'invalid input_tokens (negative)',
    );
    expect(read({ 'llm.model_name': 'gpt-4o', 'llm.token_count.prompt': 3 })[0]!.model).toBe(
      'gpt-4o',
    );
  });
});
