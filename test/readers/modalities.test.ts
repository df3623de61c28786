import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * Audio, image and web-search units, priced at their own rates with exact amounts (USD per 1M tokens,
 * per 1K searches), read from each provider's documented usage shape.
 */
async function costOf(line: object): Promise<{ cost: number; usage: Record<string, number> }> {
  const r = await runCli(['analyze', '--json', '--tz', 'UTC'], {
    stdin: `${JSON.stringify(line)}\n`,
  });
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.summary.unpriced.tokens).toBe(0);
  return { cost: doc.summary.cost, usage: doc.summary.usage };
}

/** A Gemini response of gemini-2.5-flash with `usageMetadata`, dated in the bundled catalog's prices. */
const flash = (usageMetadata: object) => ({
  modelVersion: 'gemini-2.5-flash',
  createTime: '2026-11-30T10:00:00Z',
  usageMetadata,
});

describe('billable units beyond text tokens', () => {
  it('Gemini image output at its own price (gemini-2.5-flash-image: $2.50 text, $30 image), as genai-prices prices it', async () => {
    const { cost, usage } = await costOf({
      modelVersion: 'gemini-2.5-flash-image',
      usageMetadata: {
        candidatesTokenCount: 1304,
        candidatesTokensDetails: [{ modality: 'IMAGE', tokenCount: 1290 }],
        promptTokenCount: 10,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: 10 }],
        totalTokenCount: 1314,
      },
    });
    expect(usage).toMatchObject({ input: 10, output: 14, imageOutput: 1290 });
    // genai-prices' dataset (pydantic-ai's recorded response): $0.000003 in, $0.038735 out.
    expect(cost).toBeCloseTo(0.038738, 12);
  });

  it('OpenAI image generation: output_tokens_details.image_tokens at the image price (gpt-image-1.5: $32)', async () => {
    const { cost, usage } = await costOf({
      model: 'gpt-image-1.5',
      usage: {
        input_tokens: 50,
        input_tokens_details: { text_tokens: 40, image_tokens: 10 },
        output_tokens: 4160,
        output_tokens_details: { text_tokens: 0, image_tokens: 4160 },
        total_tokens: 4210,
      },
    });
    expect(usage).toMatchObject({ input: 40, imageInput: 10, output: 0, imageOutput: 4160 });
    expect(cost).toBeCloseTo((40 * 5 + 10 * 8 + 4160 * 32) / 1e6, 12);
  });

  it('OpenAI chat audio: audio in and out at their own prices (gpt-4o-audio-preview: $40 / $80)', async () => {
    const { cost, usage } = await costOf({
      object: 'chat.completion',
      model: 'gpt-4o-audio-preview',
      created: 1764500000,
      choices: [],
      usage: {
        prompt_tokens: 1200,
        completion_tokens: 500,
        prompt_tokens_details: { cached_tokens: 0, audio_tokens: 1000 },
        completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 400 },
      },
    });
    expect(usage).toMatchObject({ input: 200, audioInput: 1000, output: 100, audioOutput: 400 });
    expect(cost).toBeCloseTo((200 * 2.5 + 1000 * 40 + 100 * 10 + 400 * 80) / 1e6, 12);
  });

  it('OpenAI realtime: cached audio and image input apart (gpt-realtime)', async () => {
    const { cost, usage } = await costOf({
      object: 'chat.completion',
      model: 'gpt-realtime',
      created: 1764500000,
      choices: [],
      usage: {
        input_tokens: 1000,
        output_tokens: 300,
        input_token_details: {
          cached_tokens: 400,
          text_tokens: 200,
          audio_tokens: 700,
          image_tokens: 100,
          cached_tokens_details: { text_tokens: 100, audio_tokens: 300 },
        },
        output_token_details: { text_tokens: 50, audio_tokens: 250 },
      },
    });
    expect(usage).toMatchObject({
      input: 100,
      cacheRead: 100,
      audioInput: 400,
      audioCacheRead: 300,
      imageInput: 100,
      output: 50,
      audioOutput: 250,
    });
    const expected = 100 * 4 + 100 * 0.4 + 400 * 32 + 300 * 0.4 + 100 * 5 + 50 * 16 + 250 * 64;
    expect(cost).toBeCloseTo(expected / 1e6, 12);
  });

  it('Gemini audio by modality, cached audio at its own price (gemini-2.5-flash: $1, $0.10)', async () => {
    const { cost, usage } = await costOf(
      flash({
        promptTokenCount: 1000,
        promptTokensDetails: [
          { modality: 'TEXT', tokenCount: 400 },
          { modality: 'AUDIO', tokenCount: 600 },
        ],
        cachedContentTokenCount: 200,
        cacheTokensDetails: [{ modality: 'AUDIO', tokenCount: 200 }],
        candidatesTokenCount: 100,
      }),
    );
    expect(usage).toMatchObject({
      input: 400,
      cacheRead: 0,
      audioInput: 400,
      audioCacheRead: 200,
      output: 100,
    });
    expect(cost).toBeCloseTo((400 * 0.3 + 400 * 1 + 200 * 0.1 + 100 * 2.5) / 1e6, 12);
  });

  it("Gemini document pages (DOCUMENT) are image tokens, as Google bills a PDF's pages", async () => {
    const { usage } = await costOf(
      flash({
        promptTokenCount: 1000,
        promptTokensDetails: [
          { modality: 'TEXT', tokenCount: 226 },
          { modality: 'DOCUMENT', tokenCount: 516 },
          { modality: 'IMAGE', tokenCount: 258 },
        ],
        cachedContentTokenCount: 300,
        cacheTokensDetails: [
          { modality: 'DOCUMENT', tokenCount: 258 },
          { modality: 'TEXT', tokenCount: 42 },
        ],
        candidatesTokenCount: 100,
      }),
    );
    // 1000 - 300 cached = 700 uncached, of which 774 image tokens less the 258 cached are image: 184 text;
    // cached image tokens are cache reads (there is no cached-image price)
    expect(usage).toMatchObject({ input: 184, cacheRead: 300, imageInput: 516, output: 100 });
  });

  it("Gemini tool-use prompt tokens split by modality as the prompt's are", async () => {
    // genai-prices' tool-use case: 10 prompt tokens and 25 of tools, of which 5 audio and 7 + 2 image
    const { usage } = await costOf(
      flash({
        promptTokenCount: 10,
        candidatesTokenCount: 3,
        thoughtsTokenCount: 4,
        toolUsePromptTokenCount: 25,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: 10 }],
        candidatesTokensDetails: [{ modality: 'TEXT', tokenCount: 3 }],
        toolUsePromptTokensDetails: [
          { modality: 'TEXT', tokenCount: 10 },
          { modality: 'AUDIO', tokenCount: 5 },
          { modality: 'IMAGE', tokenCount: 7 },
          { modality: 'DOCUMENT', tokenCount: 2 },
          { modality: 'VIDEO', tokenCount: 3 },
        ],
      }),
    );
    expect(usage).toMatchObject({ input: 21, audioInput: 5, imageInput: 9, output: 7 });
  });

  it('Anthropic web searches at $10 per 1,000 on top of tokens', async () => {
    const { cost, usage } = await costOf({
      id: 'msg_ws',
      type: 'message',
      model: 'claude-sonnet-4-5',
      usage: { input_tokens: 100, output_tokens: 50, server_tool_use: { web_search_requests: 3 } },
    });
    expect(usage.webSearches).toBe(3);
    expect(cost).toBeCloseTo((100 * 3 + 50 * 15) / 1e6 + (3 * 10) / 1000, 12);
    const table = await runCli(['analyze', '--tz', 'UTC'], {
      stdin: `${JSON.stringify({ type: 'message', model: 'claude-sonnet-4-5', usage: { input_tokens: 1, output_tokens: 1, server_tool_use: { web_search_requests: 3 } } })}\n`,
    });
    expect(table.stdout).toContain('also: 3 web searches (priced at their own rates)');
  });

  it('OpenAI Responses web_search_call items at $10 per 1,000 (gpt-4.1)', async () => {
    const { cost, usage } = await costOf({
      object: 'response',
      model: 'gpt-4.1',
      created_at: 1764500000,
      output: [{ type: 'web_search_call', status: 'completed' }, { type: 'message' }],
      usage: { input_tokens: 1000, output_tokens: 100 },
    });
    expect(usage.webSearches).toBe(1);
    expect(cost).toBeCloseTo((1000 * 2 + 100 * 8) / 1e6 + 10 / 1000, 12);
  });

  it('models shows the audio and web-search prices', async () => {
    const r = await runCli(['models', '--search', 'gpt-realtime', '--json']);
    const m = JSON.parse(r.stdout).models.find(
      (x: { model: string }) => x.model === 'gpt-realtime',
    );
    expect(m).toMatchObject({
      audioInput: 32,
      audioCacheRead: 0.4,
      imageInput: 5,
      audioOutput: 64,
    });
    const table = await runCli(['models', '--search', 'gpt-realtime', '--wide']);
    expect(table.stdout).toContain('audio in');
  });
});

describe('a per-request fee', () => {
  it("bills Perplexity Sonar's $12 per 1,000 requests on top of tokens, in analyze, compare and the library", async () => {
    const line = (i: number) =>
      JSON.stringify({
        model: 'sonar',
        input_tokens: 1000,
        output_tokens: 500,
        timestamp: `2026-11-30T10:0${i}:00Z`,
      });
    const r = await runCli(['analyze', '--json', '--tz', 'UTC'], {
      stdin: `${[0, 1, 2].map(line).join('\n')}\n`,
    });
    expect(JSON.parse(r.stdout).summary.cost).toBeCloseTo(3 * ((1000 + 500) / 1e6 + 12 / 1000), 12);
    const c = await runCli(['compare', '-i', '1000', '-o', '500', '--models', 'sonar', '--json']);
    expect(JSON.parse(c.stdout).rows[0].costPerRequest).toBeCloseTo(1500 / 1e6 + 0.012, 12);
    const { priceUsage } = await import('../../src/lib/index.js');
    expect(priceUsage('sonar', { input: 1000, output: 500 }).cost).toMatchObject({
      requests: 0.012,
    });
    // No fee, no key: a model without one shows none.
    expect(priceUsage('gpt-4o', { input: 1 }).cost).not.toHaveProperty('requests');
  });
});

describe('the Realtime API', () => {
  it("reads a response.done event's usage (model as the logger added it)", async () => {
    const r = await runCli(['analyze', '--json', '--tz', 'UTC'], {
      stdin: `${JSON.stringify({
        type: 'response.done',
        event_id: 'event_1',
        model: 'gpt-realtime',
        response: {
          object: 'realtime.response',
          id: 'resp_1',
          status: 'completed',
          usage: {
            total_tokens: 1300,
            input_tokens: 1000,
            output_tokens: 300,
            input_token_details: { cached_tokens: 0, text_tokens: 300, audio_tokens: 700 },
            output_token_details: { text_tokens: 50, audio_tokens: 250 },
          },
        },
      })}\n`,
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.usage).toMatchObject({
      input: 300,
      audioInput: 700,
      output: 50,
      audioOutput: 250,
    });
    expect(doc.summary.cost).toBeCloseTo((300 * 4 + 700 * 32 + 50 * 16 + 250 * 64) / 1e6, 12);
  });
});

describe('a Realtime session log', () => {
  it("takes the model from the session, counts response.done and the transcription model's tokens", async () => {
    const r = await runCli(['analyze', 'fixtures/logs/openai-realtime.jsonl', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.malformed).toEqual({});
    expect(doc.skipped).toEqual({
      'realtime session event': 1,
      'realtime event without usage': 7,
      'transcription billed by duration': 1,
    });
    const realtime = doc.groups.find((g: { model: string }) => g.model === 'gpt-realtime');
    // 1000 input: 300 text (128 cached), 700 audio (384 cached); 300 output: 50 text, 250 audio
    // gpt-realtime: $4 text in, $0.40 cached, $32 audio in, $0.40 audio cached, $16 text out, $64 audio out
    expect(realtime.cost).toBeCloseTo(
      (172 * 4 + 128 * 0.4 + 316 * 32 + 384 * 0.4 + 50 * 16 + 250 * 64) / 1e6,
      12,
    );
    // gpt-4o-transcribe: 17 audio tokens at $6, 9 output at $10
    const transcribe = doc.groups.find((g: { model: string }) => g.model === 'gpt-4o-transcribe');
    expect(transcribe.cost).toBeCloseTo((17 * 6 + 9 * 10) / 1e6, 12);
    expect(doc.summary.usage).toMatchObject({
      input: 172,
      cacheRead: 128,
      audioInput: 316 + 17,
      audioCacheRead: 384,
      output: 59,
      audioOutput: 250,
      requests: 2,
    });
  });
});
