import type { Tracker } from '../tracker/tracker.js';
import { wrapMethod, type WrapOptions } from './observe.js';

/** The part of an `openai` client this wraps (the SDK is an optional peer: llmcost never imports it). */
interface OpenAILike {
  chat?: { completions?: object };
  responses?: object;
}

/**
 * Records every `chat.completions.create` and `responses.create` call of an `openai` client (streams
 * included: usage from the final chunk, which Chat Completions sends with `stream_options.include_usage`)
 * in `tracker`, changing nothing else. Returns the same client.
 */
export function trackOpenAI<C extends OpenAILike>(
  client: C,
  tracker: Tracker,
  opts: WrapOptions = {},
): C {
  wrapMethod(client.chat?.completions, 'create', tracker, opts);
  wrapMethod(client.responses, 'create', tracker, opts);
  return client;
}
