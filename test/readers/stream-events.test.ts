// Streams saved one event a line, and API error bodies: the event that carries usage counts once, every
// other event is counted as not usage (by reason), never as an unreadable line.
import { describe, expect, it } from 'vitest';
import { dialectByName } from '../../src/readers/dialects/index.js';
import { runCli } from '../helpers/run-cli.js';

async function analyze(file: string) {
  const r = await runCli(['analyze', `fixtures/logs/${file}`, '--json']);
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.malformed).toEqual({});
  return doc;
}

describe('saved streams', () => {
  it('OpenAI Responses: the completed event counts; deltas, created and error events are not usage', async () => {
    const doc = await analyze('openai-responses-stream.jsonl');
    // gpt-4.1-mini: $0.40 input, $0.10 cached, $1.60 output (per 1M)
    expect(doc.groups).toMatchObject([
      { model: 'gpt-4.1-mini', requests: 1, input: 564, cacheRead: 1536, output: 42 },
    ]);
    expect(doc.summary.cost).toBeCloseTo((564 * 0.4 + 1536 * 0.1 + 42 * 1.6) / 1e6, 12);
    expect(doc.skipped).toEqual({
      'non-terminal response event': 10,
      'stream error event': 1,
      'response without usage': 1,
    });
  });

  it('Bedrock ConverseStream: the metadata event is the usage (Converse rule), the rest is not', async () => {
    const doc = await analyze('bedrock-converse-stream.jsonl');
    expect(doc.groups).toMatchObject([
      {
        model: '(unknown model)',
        requests: 1,
        input: 310,
        cacheRead: 2048,
        output: 54,
        cost: null,
      },
    ]);
    expect(doc.skipped).toEqual({ 'stream event without usage': 6, 'stream error event': 1 });
  });

  it('Cohere v2: message-end counts its billed units; the other events are not usage', async () => {
    const doc = await analyze('cohere-stream.jsonl');
    expect(doc.groups).toMatchObject([{ requests: 1, input: 12, cacheRead: 0, output: 7 }]);
    expect(doc.skipped).toEqual({ 'stream event without usage': 5 });
  });

  it('Gemini Live: responseTokenCount and responseTokensDetails are the output', async () => {
    const doc = await analyze('gemini-live.jsonl');
    expect(doc.summary.usage).toMatchObject({
      input: 300,
      audioInput: 120,
      output: 6,
      audioOutput: 90,
      requests: 1,
    });
    expect(doc.skipped).toEqual({ 'live message without usage': 6 });
  });

  it('a chat completion without usage is not usage, whatever its choices hold', () => {
    const chat = dialectByName('openai-chat')!;
    for (const choices of [null, 5, 'x', [], [null], [{ delta: {} }]])
      expect(chat.normalize({ object: 'chat.completion', choices })).toHaveProperty('skip');
  });

  it('chat chunks without `object` (Moonshot, Azure content-filter chunk) are stream chunks', async () => {
    const doc = await analyze('chat-stream-bare.jsonl');
    expect(doc.groups).toMatchObject([
      { model: 'kimi-k2.6', requests: 1, input: 388, cacheRead: 512, output: 30 },
    ]);
    expect(doc.skipped).toEqual({ 'stream chunk without usage': 2 });
  });
});

describe('API error bodies', () => {
  it("are failed requests (OpenAI's, Anthropic's and Gemini's shapes), beside the responses that count", async () => {
    const doc = await analyze('api-errors.jsonl');
    expect(doc.records).toBe(1);
    expect(doc.skipped).toEqual({ 'error response': 3 });
  });

  it('never claim a record that carries more than the error', () => {
    const d = dialectByName('api-error')!;
    expect(d.detect({ error: { message: 'x' } })).toBe(true);
    expect(d.detect({ error: 'x' })).toBe(false);
    expect(d.detect({ error: { message: 'x' }, usage: { prompt_tokens: 1 } })).toBe(false);
    expect(d.detect({ error: { message: 'x' }, model: 'gpt-4o' })).toBe(false);
  });

  it('a Bedrock event line is one event: a second key makes it something else', () => {
    const d = dialectByName('bedrock-converse-stream')!;
    expect(d.detect({ messageStop: { stopReason: 'end_turn' } })).toBe(true);
    expect(d.detect({ messageStop: {}, usage: {} })).toBe(false);
    expect(d.detect({ metadata: { feature: 'chat' } })).toBe(false);
  });
});
