import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appLog } from '../../src/readers/dialects/app-log.js';
import { openaiChat } from '../../src/readers/dialects/openai.js';
import { groupRows } from '../helpers/analyze-json.js';
import { runCli } from '../helpers/run-cli.js';

async function analyze(args: string[]) {
  const r = await runCli(['analyze', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}
const costOf = (doc: { groups: { model: string; cost: number | null }[] }, model: string) =>
  doc.groups.find((g) => g.model === model)?.cost;

describe('xAI', () => {
  it('bills reasoning as output on top of completion_tokens and cached prompt tokens as reads', async () => {
    const doc = await analyze(['fixtures/logs/xai.jsonl']);
    // grok-3-mini $0.30 / $0.075 cached / $0.50; grok-4 $3 / $0.75 / $15 (per 1M)
    expect(costOf(doc, 'grok-3-mini')).toBeCloseTo((22 * 0.3 + 679 * 0.075 + 192 * 0.5) / 1e6, 12);
    expect(costOf(doc, 'grok-4')).toBeCloseTo((700 * 3 + 400 * 0.75 + 560 * 15) / 1e6, 12);
  });

  it('lets total_tokens decide, so an OpenAI-semantics total keeps reasoning inside', () => {
    const usage = { prompt_tokens: 100, completion_tokens: 60, total_tokens: 160 };
    const line = (model: string, u: object) => ({
      object: 'chat.completion',
      model,
      choices: [],
      usage: { ...usage, ...u, completion_tokens_details: { reasoning_tokens: 50 } },
    });
    expect(openaiChat.normalize(line('x-ai/grok-4', {}))).toMatchObject({ output: 60 });
    expect(openaiChat.normalize(line('grok-4', {}))).toMatchObject({ output: 60 });
    expect(openaiChat.normalize(line('o4-mini', { total_tokens: 210 }))).toMatchObject({
      output: 110,
    });
    expect(openaiChat.normalize(line('o4-mini', { total_tokens: undefined }))).toMatchObject({
      output: 60,
      reasoning: 50,
    });
  });
});

describe('DeepSeek', () => {
  it('prices prompt_cache_hit_tokens at the cache-read price and misses as input', async () => {
    const doc = await analyze(['fixtures/logs/deepseek.jsonl']);
    // deepseek-chat and deepseek-reasoner: $0.28 input, $0.028 cache hit, $0.42 output
    expect(costOf(doc, 'deepseek-chat')).toBeCloseTo(
      (236 * 0.28 + 1064 * 0.028 + 310 * 0.42) / 1e6,
      12,
    );
    expect(costOf(doc, 'deepseek-reasoner')).toBeCloseTo(
      (116 * 0.28 + 384 * 0.028 + 800 * 0.42) / 1e6,
      12,
    );
  });
});

describe('Moonshot (Kimi)', () => {
  it('reads usage.cached_tokens as cache reads and the stream usage its last chunk carries in the choice', async () => {
    const doc = await analyze(['fixtures/logs/moonshot.jsonl']);
    // kimi-k2.6: $0.95 input, $0.16 cache hit, $4 output; moonshot-v1-8k $0.20 / $2 (per 1M)
    const kimi = doc.groups.find((g: { model: string }) => g.model === 'kimi-k2.6');
    expect(kimi).toMatchObject({
      requests: 2,
      input: 464 + 56,
      cacheRead: 1536 + 1280,
      output: 331,
    });
    expect(kimi.cost).toBeCloseTo((520 * 0.95 + 2816 * 0.16 + 331 * 4) / 1e6, 12);
    expect(costOf(doc, 'moonshot-v1-8k')).toBeCloseTo((19 * 0.2 + 21 * 2) / 1e6, 12);
  });

  it('takes one choice usage, never a sum over choices (each counts the whole prompt)', () => {
    const usage = { prompt_tokens: 100, completion_tokens: 10, cached_tokens: 40 };
    const r = openaiChat.normalize({
      object: 'chat.completion.chunk',
      model: 'kimi-k2.6',
      choices: [
        { index: 0, finish_reason: 'stop', usage },
        { index: 1, finish_reason: 'stop', usage },
      ],
    });
    expect(r).toMatchObject({ input: 60, cacheRead: 40, output: 10 });
  });
});

describe('Mistral', () => {
  it('reads usage.num_cached_tokens (its API beside prompt_tokens) and the documented details as cache reads', async () => {
    const doc = await analyze(['fixtures/logs/mistral.jsonl']);
    // mistral-large-latest is mistral-large-2512: $0.5 input, $0.05 cached, $1.5 output (per 1M)
    const large = doc.groups.find((g: { model: string }) => g.model === 'mistral-large-2512');
    expect(large).toMatchObject({
      requests: 2,
      input: 128 + 176,
      cacheRead: 3968 + 1024,
      output: 180,
    });
    expect(large.cost).toBeCloseTo((304 * 0.5 + 4992 * 0.05 + 180 * 1.5) / 1e6, 12);
    // mistral-medium-latest is mistral-medium-3-5: $1.5 / $7.5
    expect(costOf(doc, 'mistral-medium-3-5')).toBeCloseTo((254 * 1.5 + 99 * 7.5) / 1e6, 12);
  });
});

describe("Gemini's Interactions API", () => {
  it("reads an interaction and a stream's completed event by the usageMetadata rule", async () => {
    const doc = await analyze(['fixtures/logs/gemini-interactions.jsonl']);
    expect(doc.malformed).toEqual({});
    expect(doc.skipped).toEqual({ 'interaction event without usage': 5 });
    // 12000 input (8000 cached, 1000 audio) + 300 tool use; 620 output + 500 thoughts; then 7 / 27 + 115
    expect(doc.summary.usage).toMatchObject({
      input: 3300 + 7,
      cacheRead: 8000,
      audioInput: 1000,
      output: 1120 + 142,
      reasoning: 615,
      requests: 2,
    });
    // gemini-2.5-flash: $0.30 input, $0.03 cached, $1 audio, $2.50 output (per 1M)
    expect(doc.summary.cost).toBeCloseTo((3307 * 0.3 + 8000 * 0.03 + 1000 + 1262 * 2.5) / 1e6, 12);
  });
});

describe('records with usage but no model', () => {
  it('keep their tokens under an unpriced unknown model and say how many', async () => {
    const doc = await analyze(['fixtures/logs/openai-responses-no-model.jsonl']);
    expect(doc.withoutModel).toBe(2);
    expect(doc.malformed).toEqual({});
    expect(costOf(doc, '(unknown model)')).toBeNull();
    expect(doc.summary.unpriced).toMatchObject({ tokens: 395, models: ['(unknown model)'] });
    expect(doc.summary.cost).toBeCloseTo((100 * 0.25 + 10 * 2) / 1e6, 12);
    const text = await runCli(['analyze', 'fixtures/logs/openai-responses-no-model.jsonl']);
    expect(text.stdout).toContain('2 record(s) carry usage but name no model');
  });
});

describe('OpenAI cost reports', () => {
  it('reads Costs API pages as billed amounts per day and line item', async () => {
    const doc = await analyze(['fixtures/logs/openai-costs-api.json']);
    expect(doc.billed.total).toBeCloseTo(1.76, 12);
    expect(doc.billed.lines).toEqual([
      { day: '2025-10-01', lineItem: 'gpt-4o-2024-08-06, output', cost: 1.2, records: 1 },
      { day: '2025-10-01', lineItem: 'gpt-4o-2024-08-06, input', cost: 0.06, records: 1 },
      { day: '2025-10-02', lineItem: 'web search tool calls', cost: 0.5, records: 1 },
    ]);
    expect(doc.malformed).toEqual({});
    expect(doc.summary.records).toBe(0);
    expect(doc.period).toMatchObject({ from: '2025-10-01', to: '2025-10-02' });
  });

  it('reads the dashboard cost CSV, skipping the blank rows of days without spend', async () => {
    const doc = await analyze(['fixtures/logs/openai-costs.csv']);
    expect(doc.billed.total).toBeCloseTo(0.3409 + 1.25 + 0.02, 12);
    expect(doc.billed.lines.map((l: { day: string }) => l.day)).toEqual([
      '2025-10-01',
      '2025-10-01',
      '2025-10-03',
    ]);
    expect(doc.skipped).toEqual({ 'empty cost bucket': 1 });
    expect(doc.malformed).toEqual({});
  });

  it('shows billed amounts beside token-based usage without adding them twice', async () => {
    const usage = await analyze(['fixtures/logs/openai-usage-api.json']);
    const both = await analyze([
      'fixtures/logs/openai-usage-api.json',
      'fixtures/logs/openai-costs-api.json',
    ]);
    expect(both.summary.cost).toBeCloseTo(usage.summary.cost, 12);
    expect(both.summary.usage).toEqual(usage.summary.usage);
    expect(both.billed.total).toBeCloseTo(1.76, 12);
    const text = await runCli(['analyze', 'fixtures/logs/openai-costs-api.json']);
    expect(text.stdout).toContain('billed in cost reports: $1.76 on 2 day(s), 3 line(s)');
    expect(text.stdout).toMatch(/2025-10-02 .* web search tool calls .* \$0\.50/);
  });

  it('skips an amount in another currency rather than adding it to dollars', async () => {
    const line = JSON.stringify({
      object: 'organization.costs.result',
      amount: { value: 3, currency: 'eur' },
      line_item: 'gpt-4o, input',
    });
    const r = await runCli(['analyze', '-', '--json'], { stdin: `${line}\n` });
    const doc = JSON.parse(r.stdout);
    expect(doc.billed.total).toBe(0);
    expect(doc.skipped).toEqual({ 'cost in EUR, not USD': 1 });
  });
});

describe('the plain application log', () => {
  it('tags records with user and metadata, for --by', async () => {
    const doc = await analyze(['fixtures/logs/app-log.jsonl', '--by', 'feature']);
    const requests = Object.fromEntries(
      doc.groups.map((g: { feature: string; requests: number }) => [g.feature, g.requests]),
    );
    expect(requests).toEqual({ summarize: 2, chat: 1, '(none)': 2 });
    const users = await analyze(['fixtures/logs/app-log.jsonl', '--by', 'user']);
    expect(users.groups.map((g: { user: string }) => g.user).sort()).toEqual([
      '(none)',
      'u1390',
      'u7',
    ]);
  });

  it('finds the usage object one level down and reads epoch seconds and milliseconds', () => {
    expect(
      appLog.normalize({
        ts: 1790929800,
        response: { model: 'claude-sonnet-4-5', usage: { input_tokens: 5, output_tokens: 1 } },
      }),
    ).toMatchObject({ model: 'claude-sonnet-4-5', input: 5, output: 1, timestamp: 1790929800000 });
    expect(
      appLog.normalize({
        time: 1790929800123,
        data: { model: 'gpt-4o', usage: { prompt_tokens: 10, completion_tokens: 2 } },
      }),
    ).toMatchObject({ model: 'gpt-4o', input: 10, output: 2, timestamp: 1790929800123 });
    expect(appLog.detect({ model: 'gpt-4o', usage: { total: 3 } })).toBe(false);
    expect(appLog.normalize({ usage: { prompt_tokens: 4, completion_tokens: 1 } })).toMatchObject({
      model: '(unknown model)',
      input: 4,
    });
  });

  it('keeps metadata keys such as __proto__ and constructor as plain tags', () => {
    const r = appLog.normalize(
      JSON.parse(
        '{"model":"gpt-4o","usage":{"prompt_tokens":1,"completion_tokens":1},"metadata":{"__proto__":"x","constructor":"y"}}',
      ),
    );
    expect(r).toMatchObject({ tags: { constructor: 'y' } });
    expect(Object.keys((r as { tags: object }).tags).sort()).toEqual(['__proto__', 'constructor']);
  });
});

describe('OpenRouter activity', () => {
  it("logs OpenRouter's charge plus the BYOK provider's as the cost, and reads the SDKs' camelCase rows", async () => {
    const doc = await analyze(['fixtures/logs/openrouter-activity.json']);
    expect(doc.summary.loggedCost).toBeCloseTo(0.015 + 0.0009 + 0.018 + 0.0066, 12);
    const camel = {
      date: '2026-10-03',
      model: 'openai/gpt-4.1',
      modelPermaslug: 'openai/gpt-4.1-2025-04-14',
      providerName: 'OpenAI',
      usage: 0.002,
      byokUsageInference: 0,
      requests: 1,
      promptTokens: 500,
      completionTokens: 125,
      reasoningTokens: 25,
    };
    const r = await runCli(['analyze', '--json'], { stdin: JSON.stringify(camel) });
    const one = JSON.parse(r.stdout);
    expect(one.summary.usage).toMatchObject({
      input: 500,
      output: 125,
      reasoning: 25,
      requests: 1,
    });
    expect(one.summary.loggedCost).toBe(0.002);
    expect(one.period.from).toBe('2026-10-03');
  });

  it("reads the Activity page's per-request CSV export: cached inside the prompt, one count per generation", async () => {
    const doc = await analyze([
      'fixtures/logs/openrouter-activity-export.csv',
      '--by',
      'day,model',
      '--tz',
      'UTC',
    ]);
    expect(doc.duplicates).toEqual({ 'same response id logged again': 1 });
    const fields = ['day', 'model', 'requests', 'input', 'cacheRead', 'output', 'reasoning'];
    expect(groupRows(doc, [...fields, 'loggedCost'])).toEqual([
      ['2026-10-05', 'claude-sonnet-4-5', 1, 12000, 0, 800, 200, 0.048],
      ['2026-10-05', 'gpt-4.1', 1, 952, 2048, 500, 0, 0.003624],
      // BYOK: OpenRouter's fee plus the provider's charge
      ['2026-10-06', 'claude-sonnet-4-5', 1, 1000, 0, 250, 0, 0.0105],
    ]);
    // calculated at OpenRouter's gpt-4.1 rates ($2 input, $0.50 cache read, $8 output per 1M)
    expect(doc.groups[1].calculatedCost).toBeCloseTo((952 * 2 + 2048 * 0.5 + 500 * 8) / 1e6, 12);
  });
});

describe('Cloudflare AI Gateway', () => {
  it("counts Cloudflare's cost as logged, skips cache hits and empty failures by reason, tags the metadata", async () => {
    const page = JSON.parse(readFileSync('fixtures/logs/cloudflare-ai-gateway.json', 'utf8'));
    const lines = page.result.map((l: object) => JSON.stringify(l)).join('\n');
    const r = await runCli(['analyze', '--json', '--by', 'team'], { stdin: lines });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.skipped).toEqual({
      'AI Gateway cache hit (no provider call)': 1,
      'AI Gateway failed request without tokens': 1,
    });
    expect(doc.summary.requests).toBe(3);
    expect(doc.summary.loggedCost).toBeCloseTo(0.00036 + 0.0135 + 0.00002, 12);
    expect(doc.groups.find((g: { team: string }) => g.team === 'search')?.requests).toBe(1);
  });
});

describe('Kong AI Gateway', () => {
  it('takes a cost above 0 as logged (0 is what Kong writes with no costs configured) and tags service and consumer', async () => {
    const doc = await analyze(['fixtures/logs/kong-ai-gateway.jsonl', '--by', 'service,consumer']);
    expect(doc.summary.loggedCost).toBeCloseTo(0.0038 + 0.0012, 12);
    // The azure/gpt-4o request logged cost 0: priced from the catalog, not as free.
    expect(doc.summary.cost).toBeCloseTo(
      0.0038 + 0.0012 + (176 * 2.5 + 1024 * 1.25 + 300 * 10) / 1e6,
      12,
    );
    expect(doc.skipped).toEqual({ 'Kong semantic cache hit (no provider call)': 1 });
    expect(
      doc.groups.map((g: { service: string; consumer: string; requests: number }) => [
        g.service,
        g.consumer,
        g.requests,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['chat-service', 'team-a', 1],
        ['chat-service', 'team-b', 2],
      ]),
    );
  });
});

describe('Vertex AI request-response logging', () => {
  it("reads a BigQuery row's full_response usage with its logging_time (and a response's own createTime)", async () => {
    const row = {
      endpoint: 'projects/p/locations/us-central1/publishers/google/models/gemini-2.5-flash',
      logging_time: '2026-10-01T10:00:00Z',
      request_id: '123',
      model: 'gemini-2.5-flash',
      full_request: { contents: [{ role: 'user', parts: [{ text: 'hi' }] }] },
      full_response: {
        candidates: [{ finishReason: 'STOP' }],
        usageMetadata: { promptTokenCount: 100, candidatesTokenCount: 20, totalTokenCount: 120 },
        modelVersion: 'gemini-2.5-flash',
      },
    };
    const response = {
      usageMetadata: { promptTokenCount: 50, candidatesTokenCount: 5 },
      modelVersion: 'gemini-2.5-flash',
      createTime: '2026-10-02T08:00:00.123456Z',
      responseId: 'r2',
    };
    const r = await runCli(['analyze', '--json', '--by', 'day'], {
      stdin: `${JSON.stringify(row)}\n${JSON.stringify(response)}\n`,
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.groups.map((g: { day: string; input: number }) => [g.day, g.input])).toEqual([
      ['2026-10-01', 100],
      ['2026-10-02', 50],
    ]);
  });
});

describe('a prompt count smaller than its own cache count', () => {
  // The cache counts are part of the prompt count; one smaller than them cannot hold them, so it is the
  // uncached part (usage put together by a gateway or by hand). Before: clamped to 0 input.
  it('OpenAI shape: the prompt count is then the uncached input', () => {
    const line = (prompt: number) => ({
      object: 'chat.completion',
      model: 'gpt-4o',
      choices: [],
      usage: {
        prompt_tokens: prompt,
        completion_tokens: 5,
        prompt_tokens_details: { cached_tokens: 50 },
      },
    });
    expect(openaiChat.normalize(line(12))).toMatchObject({ input: 12, cacheRead: 50 });
    expect(openaiChat.normalize(line(80))).toMatchObject({ input: 30, cacheRead: 50 });
  });

  it('Gemini shape (Qwen Code too): the same rule; a usage with only a total is malformed', async () => {
    const line = (usageMetadata: object) =>
      JSON.stringify({
        type: 'assistant',
        timestamp: '2026-04-15T09:30:15.500Z',
        sessionId: 'sess-a',
        model: 'qwen3-coder',
        usageMetadata,
      });
    const r = await runCli(['analyze', '-', '--by', 'session', '--json'], {
      stdin: [
        line({ promptTokenCount: 1500, candidatesTokenCount: 420, cachedContentTokenCount: 8192 }),
        line({ promptTokenCount: 9000, candidatesTokenCount: 20, cachedContentTokenCount: 8192 }),
        line({ totalTokenCount: 555 }),
      ].join('\n'),
    });
    const doc = JSON.parse(r.stdout);
    // Qwen Code's records without uuid or cwd: not Claude Code lines "without usage".
    expect(doc.dialects).toEqual({ 'qwen-code': 2 });
    expect(doc.malformed).toEqual({
      'usage with only a total (no promptTokenCount or candidatesTokenCount)': 1,
    });
    expect(doc.groups[0]).toMatchObject({
      session: 'sess-a',
      input: 1500 + (9000 - 8192),
      cacheRead: 8192 * 2,
      output: 440,
    });
  });
});
