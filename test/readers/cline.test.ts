import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { cline } from '../../src/readers/dialects/cline.js';
import { analyzeJson } from '../helpers/analyze-json.js';
import { tempDir } from '../helpers/temp.js';

const request = (info: object, extra: object = {}) =>
  cline.normalize({
    ts: 1795600001000,
    type: 'say',
    say: 'api_req_started',
    text: JSON.stringify(info),
    ...extra,
  }) as UsageRecord;

describe('Cline requests: whether tokensIn holds the cache', () => {
  const usage = { tokensIn: 9000, tokensOut: 10, cacheReads: 6000, cacheWrites: 1000 };
  it.each([
    // provider, model, protocol written by the extension, input read
    ['anthropic', 'claude-sonnet-4-5', undefined, 9000],
    ['claude-code', 'claude-sonnet-4-5', undefined, 9000],
    ['bedrock', 'anthropic.claude-sonnet-4-5-20250929-v1:0', undefined, 9000],
    ['bedrock', 'meta.llama3-3-70b-instruct-v1:0', undefined, 2000],
    ['openrouter', 'anthropic/claude-sonnet-4.5', undefined, 2000],
    ['openai', 'gpt-5', undefined, 2000],
    [undefined, 'claude-sonnet-4-5', undefined, 9000],
    ['openrouter', 'anthropic/claude-sonnet-4.5', 'anthropic', 9000],
    ['anthropic', 'claude-sonnet-4-5', 'openai', 2000],
  ])('%s %s (protocol %s): input %d', (providerId, modelId, apiProtocol, input) => {
    const r = request(
      { ...usage, ...(apiProtocol ? { apiProtocol } : {}) },
      { providerId, modelId },
    );
    expect(r).toMatchObject({ input, cacheRead: 6000, cacheWrite5m: 1000, output: 10 });
  });

  it('never subtracts a cache larger than the input count', () => {
    expect(
      request({ tokensIn: 5, tokensOut: 1, cacheReads: 8000 }, { providerId: 'openai' }),
    ).toMatchObject({
      input: 5,
      cacheRead: 8000,
    });
  });

  it("takes the request's own model over the task's, and reads a request text that is not JSON as malformed", () => {
    const r = request(
      { tokensIn: 1, tokensOut: 1, modelId: 'gpt-5' },
      { modelId: 'claude-sonnet-4-5' },
    );
    expect(r.model).toBe('gpt-5');
    expect(cline.normalize({ ts: 1, type: 'say', say: 'api_req_started', text: '{oops' })).toEqual({
      invalid: 'text (the request as JSON)',
    });
  });
});

describe('Cline messages of other versions', () => {
  it("reads the model from the message's modelInfo (later versions put it on every message)", () => {
    const r = request(
      { tokensIn: 100, tokensOut: 50, cacheWrites: 5, cacheReads: 20, cost: 0.12 },
      { modelInfo: { providerId: 'anthropic', modelId: 'claude-sonnet-4-5', mode: 'act' } },
    );
    expect(r).toMatchObject({ model: 'claude-sonnet-4-5', input: 100, loggedCost: 0.12 });
  });

  it('counts an earlier version started/finished pair once: the usage is on the finished message', async () => {
    const dir = tempDir('cline');
    const task = join(dir, 'tasks', 'paired-task');
    mkdirSync(task, { recursive: true });
    mkdirSync(join(dir, 'state'));
    const ts = 1795600000000;
    writeFileSync(
      join(task, 'ui_messages.json'),
      JSON.stringify([
        { ts, type: 'say', say: 'api_req_started', text: '{"request":"prompt"}' },
        { ts: ts + 1, type: 'say', say: 'text', text: 'working' },
        {
          ts: ts + 2,
          type: 'say',
          say: 'api_req_finished',
          text: '{"tokensIn":10,"tokensOut":4,"cacheReads":3,"cacheWrites":2,"cost":0.01}',
        },
      ]),
    );
    writeFileSync(
      join(task, 'task_metadata.json'),
      JSON.stringify({
        model_usage: [{ ts, model_id: 'claude-sonnet-4-5', model_provider_id: 'anthropic' }],
      }),
    );
    // The extension's task history holds each task's totals again: not read.
    writeFileSync(
      join(dir, 'state', 'taskHistory.json'),
      JSON.stringify([{ id: 'paired-task', ts, tokensIn: 10, tokensOut: 4, totalCost: 0.01 }]),
    );
    const doc = await analyzeJson([dir]);
    expect(doc.summary.records).toBe(1);
    expect(doc.groups[0]).toMatchObject({
      model: 'claude-sonnet-4-5',
      input: 10,
      output: 4,
      cost: 0.01,
    });
    expect(doc.skipped).toMatchObject({
      'Cline request without usage': 1,
      'Cline task file without usage': 2,
    });
  });
});
