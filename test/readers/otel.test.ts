// Span attributes of the conventions otel.ts reads: which input count includes the cache, and the names.
import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { dialectByName } from '../../src/readers/dialects/index.js';
import { analyzeJson, groupRows } from '../helpers/analyze-json.js';
import { runCli } from '../helpers/run-cli.js';

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
      "Pydantic AI's usage details (its input count includes the cache)",
      {
        'gen_ai.request.model': 'claude-sonnet-4-5',
        'gen_ai.usage.input_tokens': 5200,
        'gen_ai.usage.output_tokens': 300,
        'gen_ai.usage.details.cache_read_tokens': 4000,
        'gen_ai.usage.details.cache_write_tokens': 1000,
        'gen_ai.usage.details.reasoning_tokens': 20,
        'operation.cost': 0.0126,
      },
      {
        input: 200,
        cacheRead: 4000,
        cacheWrite5m: 1000,
        output: 300,
        reasoning: 20,
        loggedCost: 0.0126,
      },
    ],
    [
      "the AI SDK's v6 span: noCacheTokens is the input",
      {
        'gen_ai.request.model': 'claude-sonnet-4-5',
        'gen_ai.usage.input_tokens': 3000,
        'ai.usage.inputTokenDetails.noCacheTokens': 500,
        'ai.usage.inputTokenDetails.cacheReadTokens': 2000,
        'ai.usage.inputTokenDetails.cacheWriteTokens': 500,
        'gen_ai.usage.output_tokens': 40,
      },
      { input: 500, cacheRead: 2000, cacheWrite5m: 500, output: 40 },
    ],
    [
      "the AI SDK's v5 span for Claude: the input leaves the cache out (5000 stays 5000)",
      {
        'gen_ai.request.model': 'claude-sonnet-4-5',
        'gen_ai.usage.input_tokens': 5000,
        'ai.usage.cachedInputTokens': 3000,
        'gen_ai.usage.output_tokens': 40,
      },
      { input: 5000, cacheRead: 3000, output: 40 },
    ],
    [
      "the AI SDK's v5 span for OpenAI: the input includes its cached part",
      {
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.usage.input_tokens': 5000,
        'ai.usage.cachedInputTokens': 3000,
        'gen_ai.usage.output_tokens': 40,
      },
      { input: 2000, cacheRead: 3000, output: 40 },
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

describe('otel spans: shapes and agent spans', () => {
  it('flattens nested attributes (OpenInference JSON spans) and reads ids from `context`', () => {
    const [r] = otel.normalize({
      name: 'ChatCompletion',
      context: { trace_id: 't', span_id: 's' },
      start_time: '2026-10-02T11:00:00+00:00',
      attributes: {
        llm: {
          model_name: 'gpt-4o-mini',
          token_count: { prompt: 800, completion: 100, prompt_details: { cache_read: 512 } },
        },
      },
    }) as UsageRecord[];
    expect(r).toMatchObject({ model: 'gpt-4o-mini', input: 288, cacheRead: 512, output: 100 });
    expect(r!.timestamp).toBe(Date.parse('2026-10-02T11:00:00Z'));
    expect(r!.dedup?.key).toBe('otel:t:s');
  });

  it('counts a model call that names its agent', () => {
    const out = otel.normalize({
      spanId: 's',
      name: 'chat',
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.agent.name': 'helper',
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.usage.input_tokens': 5,
      },
    });
    expect(out).toEqual([expect.objectContaining({ model: 'gpt-4o', input: 5 })]);
  });

  it("decodes MLflow's JSON-encoded attributes: usage, model, span type and cost", () => {
    const span = (attributes: Record<string, unknown>) =>
      otel.normalize({ span_id: 's', trace_id: 't', name: 'x', attributes });
    const usage = JSON.stringify({ input_tokens: 900, output_tokens: 40, total_tokens: 940 });
    expect(
      span({
        'mlflow.spanType': '"CHAT_MODEL"',
        'mlflow.chat.tokenUsage': usage,
        'mlflow.llm.model': '"gpt-4o"',
        'mlflow.llm.cost': JSON.stringify({ total_cost: 0.0026 }),
      }),
    ).toEqual([
      expect.objectContaining({ model: 'gpt-4o', input: 900, output: 40, loggedCost: 0.0026 }),
    ]);
    // Without mlflow.llm.model: the request's model; already-decoded values read too.
    expect(
      span({
        'mlflow.chat.tokenUsage': { input_tokens: 5, output_tokens: 1 },
        'mlflow.spanInputs': JSON.stringify({ model: 'gpt-4.1', messages: [] }),
      }),
    ).toEqual([expect.objectContaining({ model: 'gpt-4.1', input: 5 })]);
    expect(span({ 'mlflow.spanType': '"AGENT"', 'mlflow.chat.tokenUsage': usage })).toEqual({
      skip: 'agent span (usage counted on its model-call spans)',
    });
    expect(span({ 'mlflow.chat.tokenUsage': '{not json' })).toEqual({ skip: 'span without usage' });
  });

  it('bounds the flattening: attributes nested 10,000 deep are read without a stack overflow', () => {
    let deep: Record<string, unknown> = { x: 1 };
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    const out = otel.normalize({
      spanId: 's',
      attributes: {
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.usage.input_tokens': 5,
        nested: deep,
      },
    });
    expect(out).toEqual([expect.objectContaining({ model: 'gpt-4o', input: 5 })]);
  });

  it.each([
    ['GenAI invoke_agent', { 'gen_ai.operation.name': 'invoke_agent' }, 'invoke_agent x'],
    ['OpenInference AGENT', { 'openinference.span.kind': 'AGENT' }, 'Agent.run'],
    ['OpenInference CHAIN', { 'openinference.span.kind': 'CHAIN' }, 'RunnableSequence'],
    ["Pydantic AI's agent run", {}, 'agent run'],
    [
      'an earlier Strands agent (agent name, no operation)',
      { 'gen_ai.agent.name': 'Strands Agents' },
      'Strands Agents',
    ],
  ])('skips %s spans: their usage sums their model calls', (_why, extra, name) => {
    const out = otel.normalize({
      spanId: 's',
      name,
      attributes: { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 5, ...extra },
    });
    expect(out).toEqual({ skip: 'agent span (usage counted on its model-call spans)' });
  });
});

describe("Arize Phoenix's spans dataframe", () => {
  it('reads its flat rows (context.span_id, attributes.*) as the spans they came from; a CHAIN row is skipped', async () => {
    const doc = await analyzeJson(['fixtures/logs/phoenix-spans.jsonl', '--tz', 'UTC']);
    expect(doc.skipped).toEqual({ 'agent span (usage counted on its model-call spans)': 1 });
    // llm.token_count.prompt holds the cache reads and writes (OpenInference)
    expect(
      groupRows(doc, ['model', 'requests', 'input', 'cacheRead', 'cacheWrite', 'output']),
    ).toEqual([
      ['claude-sonnet-4-5', 1, 6400 - 4000 - 2000, 4000, 2000, 300],
      ['gpt-4o-mini', 1, 1200 - 1024, 1024, 0, 80],
    ]);
    expect(doc.period).toMatchObject({ from: '2026-10-01', to: '2026-10-01' });
  });
});

describe('analyze of Pydantic AI spans', () => {
  it("counts model calls once, skips agent spans by reason and keeps Pydantic AI's operation.cost as logged", async () => {
    const r = await runCli(['analyze', 'fixtures/logs/pydantic-ai-spans.jsonl', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.skipped).toEqual({ 'agent span (usage counted on its model-call spans)': 3 });
    expect(doc.summary.requests).toBe(4);
    expect(doc.summary.loggedCost).toBeCloseTo(0.0126 + 0.00036, 12);
  });
});

describe('otel-logs', () => {
  it('keeps the tokens of an api_request event that names no model, unpriced', () => {
    const out = dialectByName('otel-logs')!.normalize({
      resourceLogs: [
        {
          scopeLogs: [
            {
              logRecords: [
                {
                  attributes: [
                    { key: 'event.name', value: { stringValue: 'api_request' } },
                    { key: 'input_tokens', value: { stringValue: '7' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(out).toEqual([expect.objectContaining({ model: '(unknown model)', input: 7 })]);
  });
});

describe("the OpenTelemetry JavaScript SDK's objects as JSON lines (GitHub Copilot CLI's file export)", () => {
  it('reads the fixture: HrTime times, the conversation as session, a call and its event counted once', async () => {
    const r = await runCli([
      'analyze',
      'fixtures/agents/copilot/otel/cli.jsonl',
      '--by',
      'session,model',
      '--tz',
      'UTC',
      '--json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.malformed).toEqual({});
    expect(doc.skipped).toEqual({
      'OpenTelemetry metric (usage counted from spans)': 1,
      'agent span (usage counted on its model-call spans)': 1,
      'agent turn event (usage counted on its model calls)': 1,
    });
    // The inference event repeats its chat span's response id.
    expect(doc.duplicates).toEqual({ 'same response id logged again': 1 });
    const conversation = 'c7d8e9f0-1111-4222-8333-444455556666';
    const fields = [
      'session',
      'model',
      'input',
      'cacheRead',
      'cacheWrite',
      'output',
      'reasoning',
      'first',
    ];
    expect(groupRows(doc, fields)).toEqual([
      // the conventions' input holds both cache counts, the output its reasoning
      [
        conversation,
        'claude-sonnet-4-5',
        19452 - 12000 - 2500,
        12000,
        2500,
        281,
        128,
        '2026-11-22T09:00:00.120Z',
      ],
      // an agent turn outside any trace: nothing else counts its calls
      ['session-2', 'gpt-5', 500, 0, 0, 100, 0, '2026-11-22T10:00:00.000Z'],
      [conversation, 'gpt-5-mini', 5000 - 3000, 3000, 0, 500, 256, '2026-11-22T09:00:10.000Z'],
    ]);
  });

  it('counts an inference event whose span was not exported, and skips an agent turn inside a trace', () => {
    const event = {
      hrTime: [1795338000, 5e8],
      spanContext: { traceId: 't9', spanId: 's9' },
      attributes: {
        'event.name': 'gen_ai.client.inference.operation.details',
        'gen_ai.response.model': 'gpt-5-mini',
        'gen_ai.usage.input_tokens': 42,
        'gen_ai.usage.output_tokens': 7,
      },
    };
    const [rec] = [otel.normalize(event)].flat() as UsageRecord[];
    expect(rec).toMatchObject({ model: 'gpt-5-mini', input: 42, output: 7 });
    expect(rec!.timestamp).toBe(1795338000500);
    expect(rec!.dedup).toEqual({ key: 'otel:t9:s9', keep: 'first' });
    const turn = {
      ...event,
      attributes: { ...event.attributes, 'event.name': 'copilot_chat.agent.turn' },
    };
    expect(otel.normalize(turn)).toEqual({
      skip: 'agent turn event (usage counted on its model calls)',
    });
    expect(otel.normalize({ type: 'metric', name: 'gen_ai.client.operation.duration' })).toEqual({
      skip: 'OpenTelemetry metric (usage counted from spans)',
    });
  });

  it('does not take a malformed HrTime for a time', () => {
    const [rec] = otel.normalize({
      type: 'span',
      spanId: 's',
      name: 'chat',
      startTime: [1795338000, -1],
      attributes: { 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 1 },
    }) as UsageRecord[];
    expect(rec!.timestamp).toBeUndefined();
  });
});
