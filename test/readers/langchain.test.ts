// LangChain's UsageMetadata (langchain-core): input includes the cache; langchain-anthropic's write split.
import { describe, expect, it } from 'vitest';
import { langchainUsage } from '../../src/readers/dialects/langchain.js';

describe('langchainUsage: cache writes as each langchain-anthropic version gives them', () => {
  it.each([
    // [why, input details, [input, cache read, 5m writes, 1h writes]]
    [
      'no TTL split: every write is a 5-minute one',
      { cache_read: 300, cache_creation: 200 },
      [500, 300, 200, 0],
    ],
    [
      'before 1.0: the total and the split',
      {
        cache_read: 300,
        cache_creation: 200,
        ephemeral_5m_input_tokens: 50,
        ephemeral_1h_input_tokens: 150,
      },
      [500, 300, 50, 150],
    ],
    [
      'since: the split, cache_creation 0 (not counted twice)',
      {
        cache_read: 300,
        cache_creation: 0,
        ephemeral_5m_input_tokens: 50,
        ephemeral_1h_input_tokens: 150,
      },
      [500, 300, 50, 150],
    ],
    [
      'a null 5-minute count: the rest of the total',
      { cache_creation: 200, ephemeral_5m_input_tokens: null, ephemeral_1h_input_tokens: 150 },
      [800, 0, 50, 150],
    ],
    ['OpenAI: cache reads only', { cache_read: 900 }, [100, 900, 0, 0]],
    ['no details', undefined, [1000, 0, 0, 0]],
  ])('%s', (_why, details, [input, read, fiveMin, oneHour]) => {
    const r = langchainUsage(1000, 50, details, { reasoning: 20 });
    expect([r.input, r.cacheRead, r.cacheWrite5m, r.cacheWrite1h, r.output, r.reasoning]).toEqual([
      input,
      read,
      fiveMin,
      oneHour,
      50,
      20,
    ]);
  });

  it('audio details come out of the counts that include them', () => {
    const r = langchainUsage(1000, 50, { audio: 200 }, { audio: 30 });
    expect(r).toMatchObject({ input: 800, audioInput: 200, output: 20, audioOutput: 30 });
  });

  it('a bad count is malformed with its field named', () => {
    expect(() => langchainUsage(-1, 0, undefined, undefined)).toThrow('invalid input_tokens');
    expect(() => langchainUsage(1, 0, { cache_read: 'x' }, undefined)).toThrow(
      'invalid cache_read',
    );
  });
});
