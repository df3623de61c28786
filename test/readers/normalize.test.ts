// Each dialect's normalize, called directly on a minimal record of its documented shape: the buckets
// [input (uncached), cacheRead, cacheWrite5m, cacheWrite1h, output (with reasoning), reasoning].
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { DIALECTS, dialectByName } from '../../src/readers/dialects/index.js';
import type { Obj } from '../../src/readers/values.js';

type Buckets = [number, number, number, number, number, number];
const CASES: Record<string, [Obj, string, Buckets]> = {
  // A row of `analyze --emit` as its CSV holds it: every value text.
  'llmcost-emit': [
    {
      schema_version: '1',
      ts: '2026-10-01T10:00:00.000Z',
      model: 'claude-sonnet-4-5',
      model_id: 'claude-sonnet-4-5',
      provider: 'anthropic',
      input: '4',
      cache_read: '100',
      cache_write_5m: '20',
      cache_write_1h: '30',
      output: '7',
      reasoning: '2',
      requests: '1',
      batch: 'false',
      logged_cost: '',
      calculated_cost: '0.01',
      tags: '{"session":"s"}',
    },
    'claude-sonnet-4-5',
    [4, 100, 20, 30, 7, 2],
  ],
  'anthropic-stream': [
    {
      type: 'message_start',
      message: {
        id: 'msg_s',
        model: 'claude-haiku-4-5',
        usage: { input_tokens: 5, cache_read_input_tokens: 40, output_tokens: 1 },
      },
    },
    'claude-haiku-4-5',
    [5, 40, 0, 0, 1, 0],
  ],
  'claude-code-print': [
    {
      type: 'result',
      session_id: 's',
      modelUsage: {
        'claude-sonnet-4-5': {
          inputTokens: 4,
          outputTokens: 7,
          cacheReadInputTokens: 100,
          cacheCreationInputTokens: 20,
          costUSD: 0.01,
        },
      },
    },
    'claude-sonnet-4-5',
    [4, 100, 20, 0, 7, 0],
  ],
  'claude-code': [
    {
      type: 'assistant',
      sessionId: 's',
      message: {
        id: 'm',
        model: 'claude-sonnet-4-5',
        usage: {
          input_tokens: 4,
          cache_read_input_tokens: 100,
          cache_creation_input_tokens: 50,
          cache_creation: { ephemeral_5m_input_tokens: 20, ephemeral_1h_input_tokens: 30 },
          output_tokens: 7,
        },
      },
    },
    'claude-sonnet-4-5',
    [4, 100, 20, 30, 7, 0],
  ],
  codex: [
    {
      timestamp: '2025-10-01T00:00:00Z',
      type: 'event_msg',
      payload: {
        type: 'token_count',
        info: {
          last_token_usage: {
            input_tokens: 100,
            cached_input_tokens: 60,
            output_tokens: 30,
            reasoning_output_tokens: 10,
            total_tokens: 130,
          },
        },
      },
    },
    '(unknown model)',
    [40, 60, 0, 0, 30, 10],
  ],
  'gemini-cli': [
    {
      sessionId: 's',
      projectHash: 'p',
      messages: [
        {
          id: 'm',
          type: 'gemini',
          model: 'gemini-2.5-pro',
          tokens: { input: 100, cached: 60, output: 10, thoughts: 5, tool: 3 },
        },
      ],
    },
    'gemini-2.5-pro',
    [43, 60, 0, 0, 15, 5],
  ],
  opencode: [
    {
      id: 'm',
      sessionID: 's',
      role: 'assistant',
      modelID: 'gpt-5',
      tokens: { input: 10, output: 20, reasoning: 5, cache: { read: 30, write: 40 } },
    },
    'gpt-5',
    [10, 30, 40, 0, 25, 5],
  ],
  'openai-batch': [
    {
      custom_id: 'r1',
      response: {
        status_code: 200,
        body: {
          id: 'c',
          model: 'gpt-4o',
          usage: {
            prompt_tokens: 100,
            completion_tokens: 10,
            prompt_tokens_details: { cached_tokens: 40 },
          },
        },
      },
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  'anthropic-batch': [
    {
      custom_id: 'r1',
      result: {
        type: 'succeeded',
        message: {
          id: 'm',
          model: 'claude-haiku-4-5',
          usage: { input_tokens: 10, output_tokens: 2 },
        },
      },
    },
    'claude-haiku-4-5',
    [10, 0, 0, 0, 2, 0],
  ],
  'openai-usage-api': [
    {
      object: 'organization.usage.completions.result',
      model: 'gpt-4.1',
      input_tokens: 100,
      input_cached_tokens: 30,
      input_cache_write_tokens: 10,
      output_tokens: 5,
      num_model_requests: 2,
    },
    'gpt-4.1',
    [60, 30, 10, 0, 5, 0],
  ],
  'openai-responses': [
    {
      object: 'response',
      model: 'gpt-5',
      usage: {
        input_tokens: 100,
        input_tokens_details: { cached_tokens: 40 },
        output_tokens: 50,
        output_tokens_details: { reasoning_tokens: 20 },
      },
    },
    'gpt-5',
    [60, 40, 0, 0, 50, 20],
  ],
  'openai-chat': [
    {
      object: 'chat.completion',
      model: 'o4-mini',
      choices: [],
      usage: {
        prompt_tokens: 100,
        completion_tokens: 50,
        total_tokens: 150,
        completion_tokens_details: { reasoning_tokens: 20 },
      },
    },
    'o4-mini',
    [100, 0, 0, 0, 50, 20],
  ],
  'anthropic-message': [
    {
      type: 'message',
      id: 'm',
      model: 'claude-haiku-4-5',
      usage: {
        input_tokens: 10,
        cache_read_input_tokens: 5,
        cache_creation_input_tokens: 3,
        output_tokens: 2,
      },
    },
    'claude-haiku-4-5',
    [10, 5, 3, 0, 2, 0],
  ],
  gemini: [
    {
      modelVersion: 'gemini-2.5-flash',
      usageMetadata: {
        promptTokenCount: 100,
        cachedContentTokenCount: 30,
        candidatesTokenCount: 10,
        thoughtsTokenCount: 4,
        toolUsePromptTokenCount: 2,
      },
    },
    'gemini-2.5-flash',
    [72, 30, 0, 0, 14, 4],
  ],
  'bedrock-invocation': [
    {
      schemaType: 'ModelInvocationLog',
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      input: { inputTokenCount: 10, cacheReadInputTokenCount: 5, cacheWriteInputTokenCount: 3 },
      output: { outputTokenCount: 2 },
    },
    'anthropic.claude-3-haiku-20240307-v1:0',
    [10, 5, 3, 0, 2, 0],
  ],
  langfuse: [
    {
      type: 'GENERATION',
      model: 'gpt-4o',
      usageDetails: { input: 80, input_cached_tokens: 20, output: 10, total: 110 },
    },
    'gpt-4o',
    [80, 20, 0, 0, 10, 0],
  ],
  litellm: [
    {
      model: 'gpt-4o',
      prompt_tokens: 100,
      completion_tokens: 10,
      response_cost: 0.01,
      metadata: {
        usage_object: { prompt_tokens: 100, prompt_tokens_details: { cached_tokens: 40 } },
      },
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  openrouter: [
    {
      data: {
        id: 'g',
        model: 'openai/gpt-4o',
        native_tokens_prompt: 100,
        native_tokens_completion: 10,
        native_tokens_cached: 30,
        total_cost: 0.01,
      },
    },
    'openai/gpt-4o',
    [70, 30, 0, 0, 10, 0],
  ],
  'cloudflare-ai-gateway': [
    {
      id: 'l1',
      created_at: '2026-10-01T10:00:00Z',
      provider: 'openai',
      model: 'gpt-4o',
      tokens_in: 100,
      tokens_out: 10,
      cost: 0.00035,
      cached: false,
      success: true,
    },
    'gpt-4o',
    [100, 0, 0, 0, 10, 0],
  ],
  'kong-ai-gateway': [
    {
      ai: {
        proxy: {
          usage: {
            prompt_tokens: 100,
            completion_tokens: 10,
            prompt_tokens_details: { cached_tokens: 40 },
          },
          meta: { request_model: 'gpt-4o', response_model: 'gpt-4o', provider_name: 'openai' },
        },
      },
      started_at: 1790812800000,
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  'azure-apim': [
    {
      TimeGenerated: '2026-10-01T10:00:00Z',
      CorrelationId: 'c1',
      ModelName: 'gpt-4o',
      DeploymentName: 'prod',
      PromptTokens: 100,
      CompletionTokens: 10,
      TotalTokens: 110,
    },
    'gpt-4o',
    [100, 0, 0, 0, 10, 0],
  ],
  'otel-logs': [
    {
      resourceLogs: [
        {
          scopeLogs: [
            {
              logRecords: [
                {
                  timeUnixNano: '1790848800000000000',
                  attributes: [
                    { key: 'event.name', value: { stringValue: 'api_request' } },
                    { key: 'model', value: { stringValue: 'gpt-4o' } },
                    { key: 'input_tokens', value: { stringValue: '60' } },
                    { key: 'cache_read_tokens', value: { stringValue: '40' } },
                    { key: 'output_tokens', value: { intValue: '10' } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  braintrust: [
    {
      span_id: 's1',
      span_attributes: { type: 'llm' },
      metadata: { model: 'gpt-4o' },
      metrics: {
        prompt_tokens: 100,
        prompt_cached_tokens: 40,
        completion_tokens: 10,
        completion_reasoning_tokens: 3,
      },
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 3],
  ],
  opik: [
    {
      trace_id: 't1',
      type: 'llm',
      model: 'gpt-4o',
      usage: {
        prompt_tokens: 100,
        completion_tokens: 10,
        'original_usage.prompt_tokens': 100,
        'original_usage.completion_tokens': 10,
        'original_usage.prompt_tokens_details.cached_tokens': 40,
        'original_usage.completion_tokens_details.reasoning_tokens': 3,
      },
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 3],
  ],
  'openai-realtime': [
    {
      type: 'response.done',
      event_id: 'e1',
      model: 'gpt-realtime',
      response: {
        id: 'r1',
        usage: {
          input_tokens: 100,
          output_tokens: 10,
          input_token_details: { cached_tokens: 40, text_tokens: 100 },
        },
      },
    },
    'gpt-realtime',
    [60, 40, 0, 0, 10, 0],
  ],
  'cursor-csv': [
    {
      Date: '2026-11-24T09:12:31.402Z',
      Kind: 'Included',
      Model: 'claude-4.5-sonnet-thinking',
      'Max Mode': 'No',
      'Input (w/ Cache Write)': '3200',
      'Input (w/o Cache Write)': '1200',
      'Cache Read': '48000',
      'Output Tokens': '900',
      'Total Tokens': '52100',
      Cost: 'Included',
    },
    'claude-4.5-sonnet-thinking',
    [1200, 48000, 2000, 0, 900, 0],
  ],
  cline: [
    {
      ts: 1795600001000,
      type: 'say',
      say: 'api_req_started',
      modelId: 'claude-sonnet-4-5',
      providerId: 'anthropic',
      text: JSON.stringify({ tokensIn: 12, tokensOut: 400, cacheWrites: 8000, cacheReads: 50 }),
    },
    'claude-sonnet-4-5',
    [12, 50, 8000, 0, 400, 0],
  ],
  amp: [
    {
      id: 'T-1',
      messages: [
        {
          role: 'assistant',
          messageId: 1,
          usage: { cacheCreationInputTokens: 20, cacheReadInputTokens: 40 },
        },
      ],
      usageLedger: {
        events: [
          {
            id: 'e1',
            timestamp: '2026-11-23T09:00:05Z',
            model: 'claude-sonnet-4-5',
            credits: 1,
            tokens: { input: 60, output: 10 },
            toMessageId: 1,
          },
        ],
      },
    },
    'claude-sonnet-4-5',
    [60, 40, 20, 0, 10, 0],
  ],
  'qwen-code': [
    {
      uuid: 'u1',
      sessionId: 's1',
      cwd: '/w',
      type: 'assistant',
      model: 'gemini-2.5-pro',
      message: { role: 'model', parts: [{ text: 'ok' }] },
      usageMetadata: {
        promptTokenCount: 100,
        cachedContentTokenCount: 40,
        candidatesTokenCount: 7,
        thoughtsTokenCount: 3,
      },
    },
    'gemini-2.5-pro',
    [60, 40, 0, 0, 10, 3],
  ],
  pi: [
    {
      type: 'message',
      id: 'a1',
      timestamp: '2026-11-20T09:00:00.000Z',
      message: {
        role: 'assistant',
        provider: 'anthropic',
        model: 'claude-sonnet-4-5',
        usage: { input: 12, output: 300, cacheRead: 8000, cacheWrite: 2000, totalTokens: 10312 },
        timestamp: 1795165200000,
      },
    },
    'claude-sonnet-4-5',
    [12, 8000, 2000, 0, 300, 0],
  ],
  'gemini-interactions': [
    {
      object: 'interaction',
      model: 'gemini-2.5-flash',
      usage: {
        total_input_tokens: 100,
        total_cached_tokens: 40,
        total_output_tokens: 7,
        total_thought_tokens: 3,
      },
    },
    'gemini-2.5-flash',
    [60, 40, 0, 0, 10, 3],
  ],
  weave: [
    {
      id: 'c1',
      op_name: 'weave:///e/p/op/run:x',
      trace_id: 't1',
      parent_id: null,
      summary: {
        usage: {
          'gpt-4o': {
            requests: 1,
            prompt_tokens: 100,
            completion_tokens: 10,
            prompt_tokens_details: { cached_tokens: 40 },
            completion_tokens_details: { reasoning_tokens: 3 },
          },
        },
      },
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 3],
  ],
  posthog: [
    {
      event: '$ai_generation',
      properties: {
        $ai_model: 'gpt-4o',
        $ai_input_tokens: 100,
        $ai_cache_read_input_tokens: 40,
        $ai_output_tokens: 10,
        $ai_reasoning_tokens: 3,
      },
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 3],
  ],
  'openrouter-export-csv': [
    {
      generation_id: 'gen-1',
      created_at: '2026-10-05 18:54:30.040',
      cost_total: '0.003',
      tokens_prompt: '100',
      tokens_completion: '10',
      tokens_reasoning: '4',
      tokens_cached: '40',
      model_permaslug: 'openai/gpt-4o-2024-08-06',
    },
    'openai/gpt-4o-2024-08-06',
    [60, 40, 0, 0, 10, 4],
  ],
  'openrouter-activity': [
    {
      date: '2026-10-01',
      model: 'openai/gpt-4o',
      model_permaslug: 'openai/gpt-4o-2024-08-06',
      usage: 0.01,
      requests: 2,
      prompt_tokens: 100,
      completion_tokens: 10,
      reasoning_tokens: 4,
    },
    'openai/gpt-4o',
    [100, 0, 0, 0, 10, 4],
  ],
  ollama: [
    { model: 'llama3.3:70b', done: true, prompt_eval_count: 26, eval_count: 237 },
    'llama3.3:70b',
    [26, 0, 0, 0, 237, 0],
  ],
  otel: [
    {
      spanId: 's',
      name: 'chat',
      attributes: {
        'gen_ai.request.model': 'gpt-4o',
        'gen_ai.usage.input_tokens': 100,
        'gen_ai.usage.cache_read.input_tokens': 40,
        'gen_ai.usage.output_tokens': 10,
      },
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  'anthropic-usage-api': [
    {
      starting_at: '2025-10-01T00:00:00Z',
      ending_at: '2025-10-02T00:00:00Z',
      results: [
        {
          uncached_input_tokens: 10,
          cache_read_input_tokens: 30,
          cache_creation: { ephemeral_5m_input_tokens: 4, ephemeral_1h_input_tokens: 5 },
          output_tokens: 2,
          model: 'claude-sonnet-4-5',
        },
      ],
    },
    'claude-sonnet-4-5',
    [10, 30, 4, 5, 2, 0],
  ],
  'bedrock-batch': [
    {
      recordId: 'CALL1',
      modelInput: {},
      modelOutput: {
        type: 'message',
        model: 'claude-3-5-haiku-20241022',
        usage: { input_tokens: 10, cache_read_input_tokens: 30, output_tokens: 2 },
      },
    },
    'claude-3-5-haiku-20241022',
    [10, 30, 0, 0, 2, 0],
  ],
  helicone: [
    {
      request_id: 'r1',
      request_created_at: '2025-10-01T10:00:00.000Z',
      response_model: 'claude-sonnet-4-5',
      prompt_tokens: 1000,
      prompt_cache_read_tokens: 3000,
      prompt_cache_write_tokens: 1000,
      completion_tokens: 200,
      total_tokens: 5200,
    },
    'claude-sonnet-4-5',
    [1000, 3000, 1000, 0, 200, 0],
  ],
  portkey: [
    {
      ai_model: 'gpt-4o-mini',
      req_units: 120,
      res_units: 30,
      cost: 0.0036,
      created_at: '2025-10-01T10:00:00Z',
    },
    'gpt-4o-mini',
    [120, 0, 0, 0, 30, 0],
  ],
  langsmith: [
    {
      id: 'r1',
      run_type: 'llm',
      trace_id: 't1',
      start_time: '2025-10-01T09:00:00.000000',
      extra: { metadata: { ls_model_name: 'claude-sonnet-4-5' } },
      prompt_tokens: 5000,
      completion_tokens: 200,
      prompt_token_details: {
        cache_read: 3000,
        cache_creation: 1000,
        ephemeral_1h_input_tokens: 400,
      },
    },
    'claude-sonnet-4-5',
    [1000, 3000, 600, 400, 200, 0],
  ],
  'bedrock-converse': [
    {
      modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
      usage: {
        inputTokens: 10,
        outputTokens: 2,
        cacheReadInputTokens: 5,
        cacheWriteInputTokens: 3,
      },
    },
    'anthropic.claude-3-haiku-20240307-v1:0',
    [10, 5, 3, 0, 2, 0],
  ],
  'ai-sdk': [
    { model: 'gpt-4o', usage: { inputTokens: 100, outputTokens: 10, cachedInputTokens: 40 } },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  'openai-batch-job': [
    {
      object: 'batch',
      endpoint: '/v1/chat/completions',
      model: 'gpt-4o',
      request_counts: { total: 1, completed: 1, failed: 0 },
      usage: { input_tokens: 100, output_tokens: 10, input_tokens_details: { cached_tokens: 40 } },
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  'app-log': [
    {
      model: 'gpt-4o',
      usage: {
        prompt_tokens: 100,
        completion_tokens: 10,
        prompt_tokens_details: { cached_tokens: 40 },
      },
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  'openai-export-csv': [
    {
      model: 'gpt-4o',
      num_model_requests: '2',
      input_tokens: '100.0',
      input_cached_tokens: '40',
      output_tokens: '10',
    },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  'request-csv': [
    { model: 'gpt-4o', prompt_tokens: '100', completion_tokens: '10', cached_tokens: '40' },
    'gpt-4o',
    [60, 40, 0, 0, 10, 0],
  ],
  'bedrock-converse-stream': [
    { metadata: { usage: { inputTokens: 60, outputTokens: 10, cacheReadInputTokens: 40 } } },
    '(unknown model)',
    [60, 40, 0, 0, 10, 0],
  ],
  llmcost: [
    {
      model: 'gpt-4o',
      input_tokens: 60,
      cache_read_tokens: 40,
      cache_write_tokens: 5,
      cache_write_1h_tokens: 6,
      output_tokens: 10,
      reasoning_tokens: 3,
    },
    'gpt-4o',
    [60, 40, 5, 6, 10, 3],
  ],
};
// Dialects whose records carry no tokens to bucket (they skip, or are billed amounts).
const NO_TOKENS = ['openai-cost-csv', 'cohere-stream', 'gemini-live', 'api-error'];

describe('every dialect normalizes its documented shape', () => {
  it('has a case here (a new dialect needs one)', () => {
    expect(
      DIALECTS.map((d) => d.name).filter((n) => !(n in CASES) && !NO_TOKENS.includes(n)),
    ).toEqual([]);
  });

  it.each(Object.entries(CASES))('%s', (name, [record, model, buckets]) => {
    const d = dialectByName(name)!;
    expect(d.detect(record)).toBe(true);
    const out = d.normalize(record);
    const r = (Array.isArray(out) ? out[0] : out) as UsageRecord;
    expect(r.model).toBe(model);
    expect([r.input, r.cacheRead, r.cacheWrite5m, r.cacheWrite1h, r.output, r.reasoning]).toEqual(
      buckets,
    );
  });

  it('skips stream events and reads cost lines as billed amounts', () => {
    expect(dialectByName('anthropic-stream')!.normalize({ type: 'message_delta' })).toHaveProperty(
      'skip',
    );
    expect(
      dialectByName('openai-cost-csv')!.normalize({
        amount_value: '1.5',
        amount_currency: 'usd',
        line_item: 'gpt-4o, input',
      }),
    ).toMatchObject({ model: 'gpt-4o', loggedCost: 1.5, lineItem: 'gpt-4o, input', input: 0 });
  });
});

describe('OTLP batches', () => {
  it('pass over a span that is not an object and count the spans beside it', () => {
    const span = CASES.otel![0];
    const batch = { resourceSpans: [{ scopeSpans: [{ spans: [null, 7, span] }] }] };
    const out = dialectByName('otel')!.normalize(batch) as UsageRecord[];
    expect(out.map((r) => r.model)).toEqual(['gpt-4o']);
    const none = { resourceSpans: [{ scopeSpans: [{ spans: [null] }] }] };
    expect(dialectByName('otel')!.normalize(none)).toEqual({ skip: 'span that is not an object' });
  });
});

describe('time() on ISO instants', () => {
  it('reads "YYYY-MM-DDTHH:MM:SS.sssZ" exactly as Date.parse does, and everything else as before', async () => {
    const { time } = await import('../../src/readers/values.js');
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.integer({ min: 0, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 999 }),
        (y, mo, d, h, mi, s, ms) => {
          const iso = `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}T${pad(h, 2)}:${pad(mi, 2)}:${pad(s, 2)}.${pad(ms, 3)}Z`;
          const want = Date.parse(iso);
          expect(time(iso)).toBe(Number.isNaN(want) ? undefined : want);
        },
      ),
      { numRuns: 3000 },
    );
    expect(time('2026-10-01T12:00:00.000+02:00')).toBe(Date.parse('2026-10-01T10:00:00.000Z'));
  });
});

describe('app-log: the billing tier a logged usage names', () => {
  const appLog = dialectByName('app-log')!;
  const read = (o: Obj) => appLog.normalize(o) as UsageRecord;
  // genai-prices' batch tests log Anthropic batch results this way: the model beside the message's usage.
  const anthropicUsage = (extra: Obj) => ({
    input_tokens: 17,
    cache_creation_input_tokens: 0,
    cache_read_input_tokens: 7082,
    output_tokens: 5,
    ...extra,
  });
  it.each([
    [{ service_tier: 'batch' }, 'claude-haiku-4-5-20251001', true],
    [{ service_tier: 'standard', inference_geo: 'us' }, 'claude-haiku-4-5-20251001-us', undefined],
    [
      { speed: 'fast', inference_geo: 'not_available' },
      'claude-haiku-4-5-20251001-fast',
      undefined,
    ],
  ])('Anthropic usage %j', (extra, model, batch) => {
    const r = read({ model: 'claude-haiku-4-5-20251001', usage: anthropicUsage(extra) });
    expect(r.model).toBe(model);
    expect(r.batch).toBe(batch);
    expect(r.cacheRead).toBe(7082);
  });

  it.each([
    ['flex', 'gpt-5-mini-flex', undefined],
    ['priority', 'gpt-5-mini-priority', undefined],
    ['batch', 'gpt-5-mini', true],
    ['default', 'gpt-5-mini', undefined],
  ])('an OpenAI response with service_tier %s', (tier, model, batch) => {
    const r = read({
      timestamp: '2026-10-01T00:00:00Z',
      response: {
        model: 'gpt-5-mini',
        service_tier: tier,
        usage: { prompt_tokens: 100, completion_tokens: 10 },
      },
    });
    expect([r.model, r.batch]).toEqual([model, batch]);
  });

  it('keeps a usage without a model under the unknown model, with no tier appended', () => {
    const r = read({ usage: anthropicUsage({ inference_geo: 'us' }) });
    expect(r.model).toBe('(unknown model)');
  });
});
