import { UNKNOWN_MODEL, type Outcome } from '../../core/usage-record.js';
import { obj, str, time, type Obj } from '../values.js';
import { converseBuckets } from './bedrock.js';
import type { Dialect } from './types.js';

/**
 * Streams saved one event a line (an SDK's events logged as they came, the way the Vercel AI SDK records
 * its fixtures): most events carry text, not usage, and are counted as such rather than as unrecognized.
 * The event that carries the request's usage is read:
 * - Bedrock ConverseStream: `{"metadata": {"usage": {inputTokens, outputTokens, cacheRead/WriteInputTokens},
 *   "metrics": …}}`, the Converse rule (input excludes the cache); the stream names no model (the request
 *   did), so its tokens stay under "(unknown model)" unless a logger added `modelId`. `messageStart`,
 *   `contentBlock*` and `messageStop` carry none; the `*Exception` events are failures.
 * - Gemini Live API (a session's server messages): a message with `usageMetadata` is read by gemini.ts;
 *   `setupComplete`, `serverContent`, `toolCall`, `toolCallCancellation`, `goAway` and
 *   `sessionResumptionUpdate` without it carry none.
 * - Cohere v2 chat: `message-end` carries `delta.usage`, read by app-log.ts (billed units, as Cohere bills
 *   them, with the line's model, time and tags); `message-start`, `content-*`, `tool-*`, `citation-*` and
 *   `debug` carry none.
 */
const BEDROCK_EVENTS = new Set([
  'messageStart',
  'contentBlockStart',
  'contentBlockDelta',
  'contentBlockStop',
  'messageStop',
]);

/** The one event name of a ConverseStream line (`{"<event>": {…}}`), or undefined. */
function bedrockEvent(o: Obj): string | undefined {
  let name: string | undefined;
  for (const k in o) {
    if (k === 'modelId' || k === 'timestamp') continue;
    if (name !== undefined) return undefined;
    name = k;
  }
  return name !== undefined && obj(o[name]) ? name : undefined;
}

export const bedrockConverseStream: Dialect = {
  name: 'bedrock-converse-stream',
  detect(o) {
    const e = bedrockEvent(o);
    if (e === 'metadata') return obj(obj(o.metadata)!.usage)?.inputTokens !== undefined;
    return e !== undefined && (BEDROCK_EVENTS.has(e) || e.endsWith('Exception'));
  },
  normalize(o): Outcome {
    const e = bedrockEvent(o)!;
    if (e.endsWith('Exception')) return { skip: 'stream error event' };
    if (e !== 'metadata') return { skip: 'stream event without usage' };
    const ts = time(o.timestamp);
    return {
      model: str(o.modelId) ?? UNKNOWN_MODEL,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      ...converseBuckets(obj(obj(o.metadata)!.usage)!),
    };
  },
};

const LIVE_MESSAGES = new Set([
  'setupComplete',
  'serverContent',
  'toolCall',
  'toolCallCancellation',
  'goAway',
  'sessionResumptionUpdate',
]);

export const geminiLive: Dialect = {
  name: 'gemini-live',
  detect(o) {
    let n = 0;
    for (const k in o) if (!LIVE_MESSAGES.has(k) || ++n > 1) return false;
    return n === 1;
  },
  normalize: () => ({ skip: 'live message without usage' }),
};

/** Cohere v2 chat stream events without usage (not `message-end`). */
const COHERE_EVENT =
  /^(message-start|content-(start|delta|end)|tool-(plan-delta|call-(start|delta|end))|citation-(start|end)|debug)$/;

export const cohereStream: Dialect = {
  name: 'cohere-stream',
  detect: (o) =>
    typeof o.type === 'string' && COHERE_EVENT.test(o.type) && ('delta' in o || 'index' in o),
  normalize: () => ({ skip: 'stream event without usage' }),
};

/** The keys an API error body has beside `error` (OpenAI, Anthropic, Gemini; a logger's time and id). */
const ERROR_KEYS = new Set([
  'error',
  'type',
  'status',
  'code',
  'message',
  'request_id',
  'timestamp',
]);

/**
 * An API's error body logged as a response (`{"error": {…}}` of OpenAI and Gemini, Anthropic's
 * `{"type": "error", "error": {…}}`): a failed request, which bills nothing, not an unreadable line.
 */
export const apiError: Dialect = {
  name: 'api-error',
  detect(o) {
    if (!obj(o.error)) return false;
    for (const k in o) if (!ERROR_KEYS.has(k)) return false;
    return true;
  },
  normalize: () => ({ skip: 'error response' }),
};
