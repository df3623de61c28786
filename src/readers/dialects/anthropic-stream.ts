import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { obj, str, type Obj } from '../values.js';
import { anthropicUsage, billedModel } from './anthropic.js';
import type { Dialect } from './types.js';

/**
 * Anthropic's streaming events, logged one per line (Messages API, `stream: true`). `message_start` carries
 * the message's id, model and usage so far (the input, an output of a token or two); each `message_delta`
 * carries cumulative counts (`output_tokens`, and on newer API versions the input and cache fields too),
 * which replace the start's. Each of the two yields the message's record under its id, kept largest
 * (core/dedup.ts KeepLargest): the last delta counts, and a stream cut off before any delta still counts
 * its input, which Anthropic bills. A delta names no message: it belongs to the last `message_start` of the
 * same file, so streams logged interleaved in one file cannot be told apart. The other events
 * (`content_block_*`, `message_stop`, `ping`) carry no usage and are skipped as such.
 */
function streamSession(): (o: Obj) => Outcome {
  let open: { id: string; model: string; usage: Obj } | undefined;
  let anonymous = 0;
  const record = (): UsageRecord => {
    const { id, model, usage } = open!;
    return {
      model: billedModel(model, usage),
      ...anthropicUsage(usage),
      dedup: { key: `anthropic:${id}`, keep: 'largest' },
    };
  };
  return (o) => {
    if (o.type === 'message_start') {
      const m = obj(o.message);
      const usage = obj(m?.usage);
      const model = str(m?.model);
      if (!m || !usage) return { invalid: 'message_start.message.usage' };
      if (!model) return { invalid: 'no model' };
      // Without an id (not Anthropic's own), the stream is still one message: a key of its own, random so
      // that no other file's or thread's stream shares it.
      const id = str(m.id) ?? `(no id ${++anonymous} ${Math.random()})`;
      open = { id, model, usage: { ...usage } };
      return record();
    }
    if (o.type === 'message_delta') {
      const usage = obj(o.usage);
      if (!usage) return { skip: 'stream event without usage' };
      // A log that begins mid-stream: the delta's model and input are in a line it does not have.
      if (!open) return { invalid: 'message_start (before its message_delta)' };
      overlayUsage(open.usage, usage);
      return record();
    }
    return { skip: 'stream event without usage' };
  };
}

/**
 * Lays a `message_delta`'s cumulative usage over the counts so far; null means "not in this delta", not 0.
 * A key `__proto__` (JSON.parse makes it an own key) would set the counts' prototype: it is no count.
 */
export function overlayUsage(into: Obj, delta: Obj): void {
  for (const [k, v] of Object.entries(delta))
    if (v !== null && v !== undefined && k !== '__proto__') into[k] = v;
}

const EVENTS = new Set([
  'message_start',
  'message_delta',
  'message_stop',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
]);

export const anthropicStream: Dialect = {
  name: 'anthropic-stream',
  detect: (o) => typeof o.type === 'string' && EVENTS.has(o.type),
  // `ping` and `error` are Anthropic's only among its own events.
  follows: (o) => o.type === 'ping' || o.type === 'error',
  normalize: (o) => streamSession()(o),
  perSource: streamSession,
};
