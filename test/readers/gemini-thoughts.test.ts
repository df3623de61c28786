// Gemini's thoughts are billed as output beside the candidates; where the record's own total says the
// candidates already hold them (usage converted from OpenAI's shape), they are not added twice.
import { describe, expect, it } from 'vitest';
import { geminiUsage } from '../../src/readers/dialects/gemini.js';

describe('Gemini thoughts', () => {
  it.each([
    // [usageMetadata, output]
    [
      {
        promptTokenCount: 46,
        candidatesTokenCount: 15,
        thoughtsTokenCount: 48,
        totalTokenCount: 109,
      },
      63,
    ],
    [{ promptTokenCount: 46, candidatesTokenCount: 15, thoughtsTokenCount: 48 }, 63],
    // an OpenAI-shaped total: completion (63) already holds the 48 reasoning tokens
    [
      {
        promptTokenCount: 46,
        candidatesTokenCount: 63,
        thoughtsTokenCount: 48,
        totalTokenCount: 109,
      },
      63,
    ],
    [
      {
        promptTokenCount: 46,
        toolUsePromptTokenCount: 10,
        candidatesTokenCount: 63,
        thoughtsTokenCount: 48,
        totalTokenCount: 119,
      },
      63,
    ],
    // a total that adds up either way with fewer candidates than thoughts: Gemini's reading
    [
      {
        promptTokenCount: 10,
        candidatesTokenCount: 5,
        thoughtsTokenCount: 20,
        totalTokenCount: 15,
      },
      25,
    ],
  ])('%j -> output %i', (u, output) => {
    expect(geminiUsage(u).output).toBe(output);
  });
});
