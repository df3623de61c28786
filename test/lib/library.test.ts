import { get_encoding } from 'tiktoken';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  compareModels,
  countChatTokens,
  countTokens,
  createPricing,
  estimateWorkload,
  InvalidArgumentError,
  InvalidUsageError,
  listModels,
  NoBatchPriceError,
  normalizeUsage,
  normalizeUsageAll,
  priceUsage,
  resolveModel,
  UnknownModelError,
} from '../../src/lib/index.js';
import { counterFor } from '../../src/tokenize/count.js';
import { runCli } from '../helpers/run-cli.js';

// From source the rank tables are js-tiktoken's (loaded async); the built package reads its own tables
// synchronously (test/lib/package.test.ts).
beforeAll(async () => {
  await counterFor('o200k_base');
  await counterFor('cl100k_base');
});

const DAY = '2026-11-30T12:00:00Z';

describe('priceUsage', () => {
  // [model, usage, options, expected total USD] at the catalog's per-1M prices
  const cases: [string, object, object, number][] = [
    ['gpt-4o', { input: 1000, output: 500 }, {}, (1000 * 2.5 + 500 * 10) / 1e6],
    ['gpt-4o', { input: 1000, cacheRead: 2000, output: 0 }, {}, (1000 * 2.5 + 2000 * 1.25) / 1e6],
    ['gpt-4o', { input: 1000, output: 500 }, { batch: true }, (1000 * 1.25 + 500 * 5) / 1e6],
    [
      'claude-sonnet-4-5',
      { input: 100, cacheRead: 1000, cacheWrite5m: 1000, cacheWrite1h: 1000, output: 10 },
      {},
      (100 * 3 + 1000 * 0.3 + 1000 * 3.75 + 1000 * 6 + 10 * 15) / 1e6,
    ],
    // The cliff rule: a prompt over 200k puts every token of the request at the long-context price.
    ['claude-sonnet-4-5', { input: 200_001, output: 1000 }, {}, (200_001 * 6 + 1000 * 22.5) / 1e6],
    ['claude-sonnet-4-5', { input: 200_000, output: 1000 }, {}, (200_000 * 3 + 1000 * 15) / 1e6],
    // Decided on the average prompt of the requests summed.
    ['claude-sonnet-4-5', { input: 300_000, output: 0, requests: 2 }, {}, (300_000 * 3) / 1e6],
  ];
  it.each(cases)('%s %j %j', (model, usage, opts, total) => {
    expect(priceUsage(model, usage, { date: DAY, ...opts }).cost.total).toBeCloseTo(total, 15);
  });

  it('names the catalog record and the rates applied', () => {
    const p = priceUsage('openai/gpt-4o-2024-08-06', { input: 10 }, { date: DAY });
    expect(p).toMatchObject({
      model: 'gpt-4o',
      provider: 'openai',
      rates: { input: 2.5, batch: false },
    });
  });

  it('throws typed errors with stable codes', () => {
    expect(() => priceUsage('my-finetune-v3', { input: 1 })).toThrow(UnknownModelError);
    let err: unknown;
    try {
      priceUsage('gpt-4p', { input: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'UNKNOWN_MODEL', model: 'gpt-4p' });
    expect((err as UnknownModelError).candidates).toContain('gpt-4o');
    for (const bad of [{ input: -1 }, { output: 1.5 }, { cacheRead: Infinity }, { input: '5' }])
      expect(() => priceUsage('gpt-4o', bad as object)).toThrow(
        expect.objectContaining({ code: 'INVALID_USAGE' }),
      );
    expect(() => priceUsage('gpt-4o', { input: 1 }, { date: 'not a date' })).toThrow(
      InvalidArgumentError,
    );
    const noBatch = listModels().find((r) => r.prices.every((p) => p.batchInput === undefined))!;
    expect(() => priceUsage(noBatch.id, { input: 1 }, { batch: true })).toThrow(NoBatchPriceError);
  });

  it('prices with your own catalog', () => {
    const pricing = createPricing([{ id: 'my-finetune-v3', input: 1, output: 2 }]);
    expect(priceUsage('my-finetune-v3', { input: 1e6, output: 1e6 }, { pricing }).cost.total).toBe(
      3,
    );
    expect(() => createPricing([{ id: 'nope' }])).toThrow(InvalidArgumentError);
  });
});

describe('resolveModel and listModels', () => {
  it('resolves the way analyze does, and explains it', () => {
    expect(resolveModel('anthropic/claude-3.7-sonnet:thinking')).toMatchObject({
      id: 'claude-3-7-sonnet',
    });
    expect(resolveModel('gpt-4o-2024-08-06').resolvedBy).toMatch(/gpt-4o/);
    expect(() => resolveModel('llama-99')).toThrow(UnknownModelError);
  });

  it('filters by provider and search text', () => {
    const anthropic = listModels({ provider: 'anthropic' });
    expect(anthropic.length).toBeGreaterThan(5);
    expect(anthropic.every((r) => r.provider === 'anthropic')).toBe(true);
    expect(listModels({ search: 'HAIKU' }).every((r) => /haiku/i.test(r.id + r.name))).toBe(true);
  });
});

describe('countTokens', () => {
  const texts = [
    '',
    'hello world',
    'naïve café ☕ 日本語',
    '<|endoftext|> is plain text',
    ' \n\t x  ',
  ];
  it.each(['o200k_base', 'cl100k_base'] as const)('is exact for %s (tiktoken)', (encoding) => {
    const ref = get_encoding(encoding);
    for (const t of texts)
      expect(countTokens(t, { encoding })).toEqual({
        tokens: ref.encode_ordinary(t).length,
        exact: true,
        encoding,
        tokenizer: encoding,
      });
    ref.free();
  });

  it('labels other families as estimates', () => {
    expect(countTokens('hello world', { model: 'claude-sonnet-4-5' })).toMatchObject({
      exact: false,
      tokenizer: 'claude',
    });
    expect(countTokens('hello world', { model: 'gpt-4' })).toMatchObject({
      exact: true,
      encoding: 'cl100k_base',
    });
    expect(() => countTokens('x', { model: 'gpt-4o', encoding: 'o200k_base' })).toThrow(
      InvalidArgumentError,
    );
    expect(() => countTokens('x', { encoding: 'p50k' as 'o200k_base' })).toThrow(
      InvalidArgumentError,
    );
  });

  it('counts chat framing the way OpenAI bills it', () => {
    const ref = get_encoding('o200k_base');
    const n = (s: string) => ref.encode_ordinary(s).length;
    const messages = [
      { role: 'system', content: 'You are terse.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Hi ' },
          { type: 'text', text: 'there' },
        ],
        name: 'ann',
      },
    ];
    const expected =
      3 + n('system') + n('You are terse.') + 3 + n('user') + n('Hi there') + 1 + n('ann') + 3;
    expect(countChatTokens(messages, { model: 'gpt-4o' }).tokens).toBe(expected);
    ref.free();
  });

  // OpenAI's cookbook ("How to count tokens with tiktoken") and tokencost's tests: the figures its API
  // returned as prompt_tokens. gpt-3.5-turbo-0301 framed a message with 4 tokens and a name replaced the role.
  const COOKBOOK = [
    {
      role: 'system',
      content:
        'You are a helpful, pattern-following assistant that translates corporate jargon into plain English.',
    },
    {
      role: 'system',
      name: 'example_user',
      content: 'New synergies will help drive top-line growth.',
    },
    {
      role: 'system',
      name: 'example_assistant',
      content: 'Things working well together will increase revenue.',
    },
    {
      role: 'system',
      name: 'example_user',
      content:
        "Let's circle back when we have more bandwidth to touch base on opportunities for increased leverage.",
    },
    {
      role: 'system',
      name: 'example_assistant',
      content: "Let's talk later when we're less busy about how to do better.",
    },
    {
      role: 'user',
      content:
        "This late pivot means we don't have time to boil the ocean for the client deliverable.",
    },
  ];
  const HELLO = [
    { role: 'user', content: 'Hello' },
    { role: 'assistant', content: 'Hi there!' },
  ];
  const HELLO_NAMED = [{ ...HELLO[0]!, name: 'John' }, HELLO[1]!];
  it.each([
    ['gpt-3.5-turbo-0301', COOKBOOK, 127],
    ['gpt-3.5-turbo-0613', COOKBOOK, 129],
    ['gpt-4-0613', COOKBOOK, 129],
    ['gpt-4o', COOKBOOK, 124],
    ['gpt-4o-mini', COOKBOOK, 124],
    ['gpt-3.5-turbo', HELLO, 15],
    ['gpt-3.5-turbo-0301', HELLO, 17],
    ['gpt-4', HELLO, 15],
    ['gpt-4o', HELLO, 15],
    ['gpt-3.5-turbo-0301', HELLO_NAMED, 17],
    ['gpt-4', HELLO_NAMED, 17],
  ])('counts %s chat prompts as its API did', (model, messages, tokens) => {
    expect(countChatTokens(messages, { model }).tokens).toBe(tokens);
  });
});

describe('normalizeUsage', () => {
  const cases: [string, unknown, object, object][] = [
    [
      'OpenAI chat completion',
      {
        object: 'chat.completion',
        model: 'gpt-4o-2024-08-06',
        choices: [],
        usage: {
          prompt_tokens: 1200,
          completion_tokens: 300,
          prompt_tokens_details: { cached_tokens: 1000 },
        },
      },
      {},
      { model: 'gpt-4o-2024-08-06', input: 200, cacheRead: 1000, output: 300 },
    ],
    [
      'OpenAI Responses',
      {
        object: 'response',
        model: 'o4-mini',
        usage: {
          input_tokens: 500,
          output_tokens: 900,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens_details: { reasoning_tokens: 700 },
        },
      },
      {},
      { input: 500, output: 900, reasoning: 700 },
    ],
    [
      'Anthropic message',
      {
        id: 'msg_1',
        type: 'message',
        model: 'claude-sonnet-4-5',
        usage: {
          input_tokens: 20,
          cache_read_input_tokens: 100,
          cache_creation_input_tokens: 50,
          output_tokens: 7,
        },
      },
      {},
      { input: 20, cacheRead: 100, cacheWrite5m: 50, output: 7 },
    ],
    [
      'Gemini response',
      {
        modelVersion: 'gemini-2.5-flash',
        usageMetadata: {
          promptTokenCount: 100,
          cachedContentTokenCount: 40,
          candidatesTokenCount: 10,
          thoughtsTokenCount: 5,
        },
      },
      {},
      { input: 60, cacheRead: 40, output: 15, reasoning: 5 },
    ],
    [
      'Bedrock Converse response (model from the caller)',
      {
        output: {},
        stopReason: 'end_turn',
        usage: { inputTokens: 30, outputTokens: 8, totalTokens: 38 },
        metrics: { latencyMs: 1 },
      },
      { model: 'anthropic.claude-3-haiku-20240307-v1:0' },
      { model: 'anthropic.claude-3-haiku-20240307-v1:0', input: 30, output: 8 },
    ],
    [
      'Anthropic stream events',
      [
        {
          type: 'message_start',
          message: {
            id: 'msg_2',
            type: 'message',
            model: 'claude-haiku-4-5',
            usage: { input_tokens: 25, cache_read_input_tokens: 5, output_tokens: 1 },
          },
        },
        { type: 'content_block_delta', delta: { text: 'hi' } },
        { type: 'message_delta', usage: { output_tokens: 42, input_tokens: null } },
        { type: 'message_stop' },
      ],
      {},
      { model: 'claude-haiku-4-5', input: 25, cacheRead: 5, output: 42 },
    ],
    [
      'OpenAI chat stream chunks',
      [
        {
          object: 'chat.completion.chunk',
          model: 'gpt-4o-mini',
          choices: [{ delta: { content: 'a' } }],
        },
        {
          object: 'chat.completion.chunk',
          model: 'gpt-4o-mini',
          choices: [],
          usage: { prompt_tokens: 9, completion_tokens: 3 },
        },
      ],
      {},
      { model: 'gpt-4o-mini', input: 9, output: 3 },
    ],
    [
      'Responses stream events',
      [
        {
          type: 'response.created',
          response: { object: 'response', model: 'gpt-4.1', usage: null },
        },
        {
          type: 'response.completed',
          response: {
            object: 'response',
            model: 'gpt-4.1',
            usage: { input_tokens: 11, output_tokens: 4 },
          },
        },
      ],
      {},
      { model: 'gpt-4.1', input: 11, output: 4 },
    ],
    [
      'Gemini stream chunks',
      [
        { modelVersion: 'gemini-2.5-pro', usageMetadata: { promptTokenCount: 10 } },
        {
          modelVersion: 'gemini-2.5-pro',
          usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 6 },
        },
      ],
      {},
      { model: 'gemini-2.5-pro', input: 10, output: 6 },
    ],
    [
      'a JSON log line',
      '{"model":"gpt-4o","input_tokens":5,"output_tokens":2,"cost":0.1}',
      {},
      { model: 'gpt-4o', input: 5, output: 2, loggedCost: 0.1 },
    ],
  ];
  it.each(cases)('%s', (_name, value, opts, expected) => {
    const r = normalizeUsage(value, opts);
    expect(r).toMatchObject({ requests: 1, ...expected });
    expect(r).not.toHaveProperty('dedup');
  });

  it('throws INVALID_USAGE for what holds no usage, with the reason', () => {
    for (const bad of [
      null,
      42,
      'not json',
      {},
      { object: 'chat.completion', choices: [] },
      [],
      [{ a: 1 }],
    ])
      expect(() => normalizeUsage(bad)).toThrow(InvalidUsageError);
    expect(() =>
      normalizeUsage({
        type: 'message',
        model: 'm',
        usage: { input_tokens: -3, output_tokens: 1 },
      }),
    ).toThrow(/input_tokens.*negative/);
  });

  it('gives every record of a usage report with normalizeUsageAll', () => {
    const page = {
      object: 'page',
      data: [
        {
          object: 'bucket',
          start_time: 1764460800,
          end_time: 1764547200,
          results: [
            {
              object: 'organization.usage.completions.result',
              model: 'gpt-4o',
              input_tokens: 10,
              output_tokens: 1,
              num_model_requests: 1,
            },
            {
              object: 'organization.usage.completions.result',
              model: 'gpt-4o-mini',
              input_tokens: 20,
              output_tokens: 2,
              num_model_requests: 2,
            },
          ],
        },
      ],
    };
    expect(normalizeUsageAll(page).map((r) => r.model)).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(() => normalizeUsage(page)).toThrow(/2 usage records/);
  });
});

describe('compareModels and estimateWorkload', () => {
  it('match `llmcost compare --json`', async () => {
    const rows = compareModels({
      input: 1000,
      output: 300,
      requests: 5000,
      models: ['gpt-4o', 'claude-sonnet-4-5', 'gemini-2.5-flash'],
      date: '2026-11-23',
    });
    const cli = await runCli([
      'compare',
      '--input',
      '1000',
      '--output',
      '300',
      '--requests',
      '5000',
      '--models',
      'gpt-4o,claude-sonnet-4-5,gemini-2.5-flash',
      '--json',
    ]);
    const doc = JSON.parse(cli.stdout);
    expect(rows.map((r) => r.model)).toEqual(doc.rows.map((r: { model: string }) => r.model));
    rows.forEach((r, i) => expect(r.monthlyCost).toBeCloseTo(doc.rows[i].monthlyCost, 9));
    expect(() => compareModels({ input: 1, output: 1, models: ['nope-1'] })).toThrow(
      UnknownModelError,
    );
  });

  it('estimates the scenario object a YAML file holds, like `llmcost estimate --json`', async () => {
    const scenario = {
      requests: 20000,
      input: 1500,
      output: 400,
      cacheHitRate: '20%',
      batchShare: 0.3,
      routes: [
        { share: 0.8, model: 'gpt-4o-mini' },
        { share: 0.2, model: 'gpt-4o' },
      ],
    };
    const e = await estimateWorkload(scenario, { date: '2026-11-23' });
    const { stringify } = await import('yaml');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir } = await import('../helpers/temp.js');
    const file = join(tempDir('scenario'), 's.yaml');
    writeFileSync(file, stringify(scenario));
    const doc = JSON.parse((await runCli(['estimate', file, '--json'])).stdout);
    expect(e.monthlyCost).toBeCloseTo(doc.monthlyCost, 9);
    expect(e.yearlyCost).toBeCloseTo(doc.yearlyCost, 9);
    expect(e.dailyCost).toBeCloseTo(doc.dailyCost, 9);
    expect(e.levers).toEqual(['routing', 'response cache', 'batch']);
    expect(e.routes.map((r) => r.model)).toEqual(['gpt-4o-mini', 'gpt-4o']);
    await expect(estimateWorkload({ ...scenario, batchShare: 2 })).rejects.toThrow(
      InvalidArgumentError,
    );
    await expect(
      estimateWorkload({ ...scenario, routes: [{ share: 1, model: 'nope-2' }] }),
    ).rejects.toThrow(UnknownModelError);
    await expect(
      estimateWorkload({ ...scenario, routes: [{ share: 0.5, model: 'gpt-4o' }] }),
    ).rejects.toThrow(/shares add up/);
  });
});

describe('priced to the decimal (genai-prices end-to-end figures)', () => {
  // pydantic/genai-prices tests/test_end_to_end.py: responses and the Decimal prices it computes for them.
  // Compared exactly: 11 x $3 + 144,211 x $3.75 per 1M is 0.54082425, which doubles made 0.5437792499999999.
  const claude = (usage: object) => ({ model: 'claude-3-7-sonnet-20250219', usage });
  const gpt41 = (cached: number) => ({
    model: 'gpt-4.1-2025-04-14',
    usage: {
      completion_tokens: 610,
      prompt_tokens: 131609,
      total_tokens: 132219,
      completion_tokens_details: {
        accepted_prediction_tokens: 0,
        audio_tokens: 0,
        reasoning_tokens: 0,
        rejected_prediction_tokens: 0,
      },
      prompt_tokens_details: { audio_tokens: 0, cached_tokens: cached },
    },
  });
  const anthropic = (write: number, read: number, input: number) =>
    claude({
      cache_creation_input_tokens: write,
      cache_read_input_tokens: read,
      input_tokens: input,
      output_tokens: 197,
      server_tool_use: null,
      service_tier: 'standard',
    });
  it.each([
    ['Anthropic without caching', anthropic(0, 0, 144222), 0.435621],
    ['Anthropic cache write', anthropic(144211, 0, 11), 0.54377925],
    ['Anthropic cache read', anthropic(0, 144211, 11), 0.0462513],
    ['OpenAI without caching', gpt41(0), 0.268098],
    ['OpenAI caching', gpt41(131584), 0.070722],
  ])('%s', (_, response, total) => {
    const r = normalizeUsage(response);
    expect(priceUsage(r.model, r, { date: '2025-08-01' }).cost.total).toBe(total);
  });

  it('prices the audio a normalized record carries (Gemini caching with audio in and out)', () => {
    // genai-prices' test_google_caching: 0.0012873 on gemini-2.5-flash (audio in $1, cached audio $0.10)
    const r = normalizeUsage({
      modelVersion: 'gemini-2.5-flash',
      usageMetadata: {
        promptTokenCount: 14152,
        candidatesTokenCount: 60,
        totalTokenCount: 14271,
        cachedContentTokenCount: 12239,
        promptTokensDetails: [
          { modality: 'TEXT', tokenCount: 14002 },
          { modality: 'AUDIO', tokenCount: 150 },
        ],
        cacheTokensDetails: [
          { modality: 'AUDIO', tokenCount: 129 },
          { modality: 'TEXT', tokenCount: 12110 },
        ],
        candidatesTokensDetails: [
          { modality: 'TEXT', tokenCount: 50 },
          { modality: 'AUDIO', tokenCount: 10 },
        ],
        thoughtsTokenCount: 69,
      },
    });
    expect(r).toMatchObject({ audioInput: 21, audioCacheRead: 129, audioOutput: 10 });
    // Before, priceUsage dropped the audio buckets: 0.0012284.
    expect(priceUsage(r.model, r, { date: '2026-11-01' }).cost.total).toBe(0.0012873);
    expect(() => priceUsage('gpt-4o', { audioInput: -1 })).toThrow(/usage.audioInput/);
  });
});
