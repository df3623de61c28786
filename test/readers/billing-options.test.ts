import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** A Claude Code assistant line on Opus 4.6 with the usage extras given. */
const claudeLine = (id: string, extra: Record<string, unknown>) =>
  JSON.stringify({
    type: 'assistant',
    uuid: `u-${id}`,
    sessionId: 's1',
    cwd: '/home/dev/shop',
    timestamp: '2026-10-01T10:00:00.000Z',
    requestId: `req-${id}`,
    message: {
      id: `msg-${id}`,
      type: 'message',
      role: 'assistant',
      model: 'claude-opus-4-6',
      content: [{ type: 'text', text: 'ok' }],
      usage: { input_tokens: 1_000_000, output_tokens: 100_000, ...extra },
    },
  });

async function byModel(lines: string[]) {
  const r = await runCli(['analyze', '--json'], { stdin: `${lines.join('\n')}\n` });
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  return Object.fromEntries(
    doc.groups.map((g: { model: string; cost: number | null }) => [g.model, g.cost]),
  );
}

describe('fast mode and US-only inference (usage.speed, usage.inference_geo)', () => {
  // Opus 4.6: $5 / $25 per 1M tokens; fast mode 6x, US-only inference 1.1x (LiteLLM's multipliers).
  it.each([
    ['standard', { speed: 'standard', inference_geo: 'global' }, 'claude-opus-4-6', 5 + 2.5],
    [
      "Claude Code's not_available region",
      { inference_geo: 'not_available' },
      'claude-opus-4-6',
      7.5,
    ],
    ['fast mode', { speed: 'fast' }, 'claude-opus-4-6-fast', 30 + 15],
    ['US-only inference', { inference_geo: 'us' }, 'claude-opus-4-6-us', 5.5 + 2.75],
    ['both', { speed: 'fast', inference_geo: 'us' }, 'claude-opus-4-6-fast-us', 33 + 16.5],
  ])('a Claude Code request, %s, is billed as %s', async (_, extra, model, cost) => {
    const got = await byModel([claudeLine('1', extra)]);
    expect(Object.keys(got)).toEqual([model]);
    expect(got[model]).toBeCloseTo(cost, 9);
  });

  it('prices an API response in fast mode the same way, and a model without fast pricing not at all', async () => {
    const message = (model: string) =>
      JSON.stringify({
        id: `msg-${model}`,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        usage: { input_tokens: 1_000_000, output_tokens: 0, speed: 'fast' },
      });
    const got = await byModel([message('claude-opus-4-6-20260205'), message('claude-sonnet-4-5')]);
    // A dated name resolves to the variant through its alias.
    expect(got['claude-opus-4-6-fast']).toBeCloseTo(30, 9);
    // Fast mode priced as standard would be 6x too low: without a fast price the request is unpriced.
    expect(got['claude-sonnet-4-5-fast']).toBeNull();
  });

  it('keeps the variants out of the default model table, and resolves them by name', async () => {
    const table = await runCli(['models', '--wide']);
    expect(table.stdout).toContain('claude-opus-4-6 ');
    expect(table.stdout).not.toContain('claude-opus-4-6-fast');
    const resolved = await runCli(['models', '--resolve', 'claude-opus-4-6-20260205-fast']);
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout).toMatch(
      /^claude-opus-4-6-20260205-fast -> claude-opus-4-6-fast \(Claude Opus 4\.6 \(fast mode, 6x\), anthropic\)/,
    );
  });
});

describe("OpenAI's flex and priority processing (service_tier)", () => {
  const chat = (tier: string, extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      id: `chatcmpl-${tier}-${Object.keys(extra).length}`,
      object: 'chat.completion',
      created: 1790812800,
      model: 'gpt-5-2025-08-07',
      choices: [],
      usage: { prompt_tokens: 1_000_000, completion_tokens: 100_000 },
      service_tier: tier,
      ...extra,
    });
  // gpt-5: $1.25 / $10 per 1M tokens; flex $0.625 / $5, priority $2.5 / $20 (LiteLLM).
  it.each([
    ['default', 'gpt-5', 1.25 + 1],
    ['flex', 'gpt-5-flex', 0.625 + 0.5],
    ['priority', 'gpt-5-priority', 2.5 + 2],
  ])('a chat completion with service_tier %s is billed as %s', async (tier, model, cost) => {
    const got = await byModel([chat(tier)]);
    expect(Object.keys(got)).toEqual([model]);
    expect(got[model]).toBeCloseTo(cost, 9);
  });

  it("prices a Responses API object the same way, and Groq's flex (x_groq) as on-demand", async () => {
    const response = JSON.stringify({
      id: 'resp_1',
      object: 'response',
      created_at: 1790812800,
      model: 'gpt-5',
      service_tier: 'priority',
      output: [],
      usage: { input_tokens: 1_000_000, output_tokens: 0 },
    });
    const groq = JSON.stringify({
      id: 'chatcmpl-groq',
      object: 'chat.completion',
      created: 1790812800,
      model: 'llama-3.3-70b-versatile',
      choices: [],
      usage: { prompt_tokens: 1000, completion_tokens: 10 },
      service_tier: 'flex',
      x_groq: { id: 'req_1' },
    });
    const got = await byModel([response, groq]);
    expect(got['gpt-5-priority']).toBeCloseTo(2.5, 9);
    const llama = Object.keys(got).find((m) => m.includes('llama-3.3-70b-versatile'));
    expect(llama).toBeDefined();
    expect(llama).not.toContain('flex');
    expect(got[llama!]).toBeGreaterThan(0);
  });
});

describe("Gemini's priority and flex PayGo (usageMetadata.trafficType)", () => {
  const response = (id: string, model: string, trafficType?: string) =>
    JSON.stringify({
      candidates: [{ content: { parts: [{ text: 'ok' }], role: 'model' }, finishReason: 'STOP' }],
      usageMetadata: {
        promptTokenCount: 1_000_000,
        candidatesTokenCount: 100_000,
        totalTokenCount: 1_100_000,
        ...(trafficType ? { trafficType } : {}),
      },
      modelVersion: model,
      createTime: '2026-10-01T12:00:00.000000Z',
      responseId: id,
    });
  // gemini-3.1-flash-lite: $0.25 / $1.5 per 1M; flex $0.125 / $0.75, priority $0.45 / $2.7 (LiteLLM).
  it.each([
    ['ON_DEMAND', 'gemini-3.1-flash-lite', 0.25 + 0.15],
    ['ON_DEMAND_FLEX', 'gemini-3.1-flash-lite-flex', 0.125 + 0.075],
    ['ON_DEMAND_PRIORITY', 'gemini-3.1-flash-lite-priority', 0.45 + 0.27],
  ])('a response with trafficType %s is billed as %s', async (traffic, model, cost) => {
    const got = await byModel([response(`r-${traffic}`, 'gemini-3.1-flash-lite', traffic)]);
    expect(Object.keys(got)).toEqual([model]);
    expect(got[model]).toBeCloseTo(cost, 9);
  });

  it('leaves a model without a priority price unpriced, never priced as standard', async () => {
    const got = await byModel([response('r-x', 'gemini-2.0-flash', 'ON_DEMAND_PRIORITY')]);
    expect(got).toEqual({ 'gemini-2.0-flash-priority': null });
  });
});

describe('a billing option on usage that names no model', () => {
  it('stays under (unknown model), counted as naming none, not a variant of nothing', async () => {
    const lines = [
      {
        object: 'chat.completion',
        created: 1790812800,
        choices: [],
        service_tier: 'flex',
        usage: { prompt_tokens: 10, completion_tokens: 5 },
      },
      {
        usageMetadata: {
          promptTokenCount: 7,
          candidatesTokenCount: 3,
          trafficType: 'ON_DEMAND_PRIORITY',
        },
      },
      {
        object: 'chat.completion',
        created: 1790812800,
        choices: [],
        usage: {
          prompt_tokens: 10,
          completion_tokens: 5,
          search_context_size: 'low',
          reasoning_tokens: 4,
        },
      },
    ];
    const r = await runCli(['analyze', '--json'], {
      stdin: `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.groups.map((g: { model: string }) => g.model)).toEqual(['(unknown model)']);
    expect(doc.groups[0]).toMatchObject({ requests: 3, input: 27, output: 17 });
    expect(doc.withoutModel).toBe(4);
  });
});
