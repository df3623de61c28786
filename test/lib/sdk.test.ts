import Anthropic from '@anthropic-ai/sdk';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BudgetExceededError,
  createTracker,
  trackAnthropic,
  trackOpenAI,
} from '../../src/lib/index.js';
import { counterFor } from '../../src/tokenize/count.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';
import { startFakeApi, type FakeApi } from '../helpers/fake-llm-api.js';

let api: FakeApi;
let base: string;
beforeAll(async () => {
  // From source the rank tables are js-tiktoken's, loaded async (the built package reads its own).
  await counterFor('o200k_base');
  api = await startFakeApi();
  base = api.base;
});
afterAll(() => api.close());

async function drain(stream: AsyncIterable<unknown>): Promise<number> {
  let n = 0;
  for await (const _ of stream) n++;
  return n;
}

describe('trackOpenAI and trackAnthropic with the real SDKs', () => {
  it('record every call, streamed or not, and analyze reads the log back exactly', async () => {
    const log = join(tempDir('sdk'), 'calls.jsonl');
    const tracker = createTracker({
      log,
      timeZone: 'UTC',
      clock: () => Date.parse('2026-11-30T12:00:00Z'),
    });
    const unrecorded: string[] = [];
    const opts = { tags: { app: 'demo' }, onUnrecorded: (r: string) => void unrecorded.push(r) };
    const openai = trackOpenAI(
      new OpenAI({ apiKey: 'test', baseURL: `${base}/v1`, maxRetries: 0 }),
      tracker,
      opts,
    );
    const anthropic = trackAnthropic(
      new Anthropic({ apiKey: 'test', baseURL: base, maxRetries: 0 }),
      tracker,
      opts,
    );
    expect(trackOpenAI(openai, tracker, opts)).toBe(openai); // wrapping twice records once

    const completion = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(completion.choices[0]!.message.content).toBe('Hi');
    const { data, response } = await openai.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] })
      .withResponse();
    expect([data.id, response.status]).toEqual(['chatcmpl-1', 200]);
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(await drain(stream)).toBe(3);
    await drain(
      await openai.chat.completions.create({ model: 'gpt-4o', messages: [], stream: true }),
    );
    expect(unrecorded).toEqual([expect.stringMatching(/include_usage/)]);

    await openai.responses.create({ model: 'o4-mini', input: 'Hi' });
    await drain(await openai.responses.create({ model: 'o4-mini', input: 'Hi', stream: true }));

    const msg = await anthropic.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 500,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    expect(msg.usage.output_tokens).toBe(350);
    await drain(
      await anthropic.messages.create({
        model: 'claude-sonnet-4-5',
        max_tokens: 500,
        messages: [{ role: 'user', content: 'Hi' }],
        stream: true,
      }),
    );
    const final = await anthropic.messages
      .stream({
        model: 'claude-sonnet-4-5',
        max_tokens: 500,
        messages: [{ role: 'user', content: 'Hi' }],
      })
      .finalMessage();
    expect(final.usage.output_tokens).toBe(350);
    await anthropic.beta.messages.create({
      model: 'claude-sonnet-4-5',
      max_tokens: 500,
      messages: [{ role: 'user', content: 'Hi' }],
    });
    await tracker.close();

    // 3 chat calls with usage, 2 Responses calls, 4 Messages calls (one through beta).
    const s = tracker.summary({ by: 'model' });
    expect(s.total.records).toBe(9);
    const byModel = Object.fromEntries(s.groups.map((g) => [g.keys.model, g]));
    expect(byModel['gpt-4o']!.usage).toMatchObject({
      input: 3 * 176,
      cacheRead: 3 * 1024,
      output: 3 * 300,
    });
    expect(byModel['o4-mini']!.usage).toMatchObject({
      input: 2 * 900,
      output: 2 * 700,
      reasoning: 2 * 500,
    });
    expect(byModel['claude-sonnet-4-5']!.usage).toMatchObject({
      input: 4 * 40,
      cacheRead: 4 * 8000,
      cacheWrite5m: 4 * 2000,
      output: 4 * 350,
    });
    const expected =
      3 * (176 * 2.5 + 1024 * 1.25 + 300 * 10) +
      2 * (900 * 1.1 + 700 * 4.4) +
      4 * (40 * 3 + 8000 * 0.3 + 2000 * 3.75 + 350 * 15);
    expect(s.total.cost!).toBeCloseTo(expected / 1e6, 12);

    const r = await runCli(['analyze', log, '--by', 'model', '--json', '--tz', 'UTC']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.usage).toEqual(s.total.usage);
    expect(Math.abs(doc.summary.cost - s.total.cost!) / s.total.cost!).toBeLessThan(1e-9);
    const viaTag = await runCli(['analyze', log, '--by', 'app', '--json', '--tz', 'UTC']);
    expect(JSON.parse(viaTag.stdout).groups.map((g: { app: string }) => g.app)).toEqual(['demo']);
  });

  it('with check: true, refuses a call whose worst case would overrun a budget before sending it', async () => {
    const tracker = createTracker({ timeZone: 'UTC', clock: () => 0, budgets: '0.01/day' });
    const openai = trackOpenAI(
      new OpenAI({ apiKey: 'test', baseURL: `${base}/v1`, maxRetries: 0 }),
      tracker,
      {
        check: true,
      },
    );
    const anthropic = trackAnthropic(
      new Anthropic({ apiKey: 'test', baseURL: base, maxRetries: 0 }),
      tracker,
      {
        check: true,
      },
    );
    const before = api.hits;
    // gpt-4o: 1M output tokens at $10 per 1M is far over $0.01.
    await expect(
      openai.chat.completions.create({
        model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Hi' }],
        max_tokens: 1_000_000,
      }),
    ).rejects.toBeInstanceOf(BudgetExceededError);
    await expect(
      anthropic.messages.create({
        model: 'claude-sonnet-4-5',
        max_tokens: 100_000,
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    ).rejects.toMatchObject({ code: 'BUDGET_EXCEEDED', decision: { verdict: 'deny' } });
    expect(api.hits).toBe(before);
    // A small call fits: sent and recorded.
    await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 100,
    });
    expect(api.hits).toBe(before + 1);
    expect(tracker.summary().total.records).toBe(1);
  });
});
