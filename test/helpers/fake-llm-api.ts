import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the OpenAI and Anthropic APIs on 127.0.0.1, answering with the documented response
 * shapes (JSON, and server-sent events when `stream: true`), so the real SDKs run end to end.
 */
export const CHAT_USAGE = {
  prompt_tokens: 1200,
  completion_tokens: 300,
  total_tokens: 1500,
  prompt_tokens_details: { cached_tokens: 1024 },
  completion_tokens_details: { reasoning_tokens: 0 },
};
export const RESPONSES_USAGE = {
  input_tokens: 900,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: 700,
  output_tokens_details: { reasoning_tokens: 500 },
  total_tokens: 1600,
};
export const MESSAGE_USAGE = {
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

export interface FakeApi {
  /** http://127.0.0.1:PORT (OpenAI's base URL is this + /v1). */
  base: string;
  /** Requests answered so far. */
  readonly hits: number;
  close(): Promise<void>;
}

/** Starts the stand-in on a free port of 127.0.0.1. */
export async function startFakeApi(): Promise<FakeApi> {
  let hits = 0;
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    hits++;
    let text = '';
    req.on('data', (b: Buffer) => (text += b.toString()));
    req.on('end', () => {
      const body = JSON.parse(text || '{}') as Record<string, unknown>;
      const path = (req.url ?? '').split('?')[0];
      if (path === '/v1/chat/completions') chat(body, res);
      else if (path === '/v1/responses') responses(body, res);
      else if (path === '/v1/messages') messages(body, res);
      else res.writeHead(404).end('{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    get hits() {
      return hits;
    },
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
