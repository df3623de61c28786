import { overlayUsage } from '../readers/dialects/anthropic-stream.js';
import type { Obj } from '../readers/values.js';

const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A finished stream, as the chunks or events a caller collected, folded into the one object that carries
 * its usage:
 * - OpenAI Chat Completions: the chunk with `usage` (sent last with `stream_options.include_usage`).
 * - OpenAI Responses: the terminal `response.completed` / `.incomplete` / `.failed` event.
 * - Anthropic Messages: `message_start`'s message with the usage of the last `message_delta` laid over
 *   it (the delta's counts are cumulative: output always, input and cache counts when present).
 * - Gemini: the last chunk with `usageMetadata` (each chunk repeats the running totals).
 * Undefined when no chunk carries usage.
 */
export function foldStream(chunks: readonly unknown[]): Obj | undefined {
  const items = chunks.filter(isObj);
  const start = items.find((c) => c.type === 'message_start');
  if (start && isObj(start.message)) return anthropicFinal(start.message, items);
  for (let i = items.length - 1; i >= 0; i--) {
    const c = items[i]!;
    if (typeof c.type === 'string' && c.type.startsWith('response.') && isObj(c.response)) {
      if (isObj(c.response.usage)) return c;
      continue;
    }
    if (isObj(c.usage) || isObj(c.usageMetadata)) return c;
  }
  return undefined;
}

function anthropicFinal(message: Obj, items: Obj[]): Obj {
  const usage: Obj = { ...(isObj(message.usage) ? message.usage : {}) };
  for (const e of items) {
    if (e.type === 'message_delta' && isObj(e.usage)) overlayUsage(usage, e.usage);
  }
  return { ...message, type: 'message', usage };
}
