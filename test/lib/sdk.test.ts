import Anthropic from '@anthropic-ai/sdk';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTracker, trackAnthropic, trackOpenAI } from '../../src/lib/index.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * A local stand-in for the OpenAI and Anthropic APIs on 127.0.0.1, answering with the documented response
 * shapes (JSON, and server-sent events when `stream: true`), so the real SDKs run end to end.
 */
const CHAT_USAGE = {
  prompt_tokens: 1200,
  completion_tokens: 300,
  total_tokens: 1500,
  prompt_tokens_details: { cached_tokens: 1024 },
  completion_tokens_details: { reasoning_tokens: 0 },
};
const RESPONSES_USAGE = {
  input_tokens: 900,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 700,
  output_tokens_details: { reasoning_tokens: 500 },
  total_tokens: 1600,
};
const MESSAGE_USAGE = {
  input_tokens: 40,
  cache_creation_input_tokens: 2000,
  cache_read_input_tokens: 8000,
  output_tokens: 350,
};

function sse(res: ServerResponse, events: { event?: string; data: unknown }[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream' });
  for (const e of events)
    res.write(
      `${e.event ? `event: ${e.event}\n` : ''}data: ${typeof e.data === 'string' ? e.data : JSON.stringify(e.data)}\n\n`,
    );
  res.end();
}

function chat(body: Record<string, unknown>, res: ServerResponse): void {
  const base = { id: 'chatcmpl-1', created: 1764500000, model: `${body.model}-2024-08-06` };
  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [
          { index: 0, message: { role: 'assistant', content: 'Hi' }, finish_reason: 'stop' },
        ],
        usage: CHAT_USAGE,
      }),
    );
    return;
  }
  const chunk = (extra: object) => ({ ...base, object: 'chat.completion.chunk', ...extra });
  const withUsage = (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage;
  sse(res, [
    { data: chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: 'H' } }] }) },
    { data: chunk({ choices: [{ index: 0, delta: { content: 'i' }, finish_reason: 'stop' }] }) },
    ...(withUsage ? [{ data: chunk({ choices: [], usage: CHAT_USAGE }) }] : []),
    { data: '[DONE]' },
  ]);
}

function responses(body: Record<string, unknown>, res: ServerResponse): void {
  const response = {
    id: 'resp_1',
    object: 'response',
    created_at: 1764500000,
    status: 'completed',
    model: body.model,
    output: [],
    usage: RESPONSES_USAGE,
  };
  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response));
    return;
  }
  sse(res, [
    {
      event: 'response.created',
      data: {
        type: 'response.created',
        sequence_number: 0,
        response: { ...response, status: 'in_progress', usage: null },
      },
    },
    {
      event: 'response.output_text.delta',
      data: { type: 'response.output_text.delta', sequence_number: 1, delta: 'Hi' },
    },
    {
      event: 'response.completed',
      data: { type: 'response.completed', sequence_number: 2, response },
    },
  ]);
}

function messages(body: Record<string, unknown>, res: ServerResponse): void {
  const message = {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: body.model,
    content: [{ type: 'text', text: 'Hi' }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: MESSAGE_USAGE,
  };
  if (!body.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(message));
    return;
  }
  sse(res, [
    {
      event: 'message_start',
      data: {
        type: 'message_start',
        message: {
          ...message,
          content: [],
          stop_reason: null,
          usage: { ...MESSAGE_USAGE, output_tokens: 1 },
        },
      },
    },
    {
      event: 'content_block_start',
      data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    },
    {
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi' } },
    },
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    {
      event: 'message_delta',
      data: {
        type: 'message_delta',
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: MESSAGE_USAGE.output_tokens },
      },
    },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ]);
}

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let text = '';
    req.on('data', (b: Buffer) => (text += b.toString()));
    req.on('end', () => {
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      if (req.url === '/v1/chat/completions') chat(body, res);
      else if (req.url === '/v1/responses') responses(body, res);
      else if (req.url === '/v1/messages') messages(body, res);
      else res.writeHead(404).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

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
    await tracker.close();

    // 3 chat calls with usage, 2 Responses calls, 3 Messages calls.
    const s = tracker.summary({ by: 'model' });
    expect(s.total.records).toBe(8);
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
      input: 3 * 40,
      cacheRead: 3 * 8000,
      cacheWrite5m: 3 * 2000,
      output: 3 * 350,
    });
    const expected =
      3 * (176 * 2.5 + 1024 * 1.25 + 300 * 10) +
      2 * (900 * 1.1 + 700 * 4.4) +
      3 * (40 * 3 + 8000 * 0.3 + 2000 * 3.75 + 350 * 15);
    expect(s.total.cost!).toBeCloseTo(expected / 1e6, 12);

    const r = await runCli(['analyze', log, '--by', 'model', '--json', '--tz', 'UTC']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.usage).toEqual(s.total.usage);
    expect(Math.abs(doc.summary.cost - s.total.cost!) / s.total.cost!).toBeLessThan(1e-9);
    const viaTag = await runCli(['analyze', log, '--by', 'app', '--json', '--tz', 'UTC']);
    expect(JSON.parse(viaTag.stdout).groups.map((g: { app: string }) => g.app)).toEqual(['demo']);
  });
});
