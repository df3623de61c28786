import type { Tracker } from '../tracker/tracker.js';
import { wrapMethod, type WrapOptions } from './observe.js';

/** The part of an `@anthropic-ai/sdk` client this wraps (an optional peer: llmcost never imports it). */
interface AnthropicLike {
  messages?: object;
  beta?: { messages?: object };
}

/**
 * Records every `messages.create` (and `beta.messages.create`) call of an `@anthropic-ai/sdk` client (streams included: the usage of
 * `message_start` with the last `message_delta`'s counts; `messages.stream()` goes through `create` too)
 * in `tracker`, changing nothing else. Returns the same client.
 */
export function trackAnthropic<C extends AnthropicLike>(
  client: C,
  tracker: Tracker,
  opts: WrapOptions = {},
): C {
  wrapMethod(client.messages, 'create', tracker, opts);
  wrapMethod(client.beta?.messages, 'create', tracker, opts);
  return client;
}
