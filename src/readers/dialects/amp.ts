import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { BadRecord, interned, num, obj, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Amp's threads ($AMP_DATA_DIR/threads/<thread>.json, default ~/.local/share/amp; one JSON document a
 * thread, as ccusage and tokenmeter read them: Amp's client is not open source, so this follows their
 * readers and fixtures). A thread `{id, messages, usageLedger: {events}}` bills each request as an event of
 * its usage ledger, `{id, timestamp, model, credits, tokens: {input, output}, toMessageId}`; the request's
 * cache counts are on the assistant message it produced (`messages[].messageId` = `toMessageId`:
 * `usage.cacheCreationInputTokens`, `usage.cacheReadInputTokens`, Anthropic's buckets, apart from the input).
 * An event is a request; its credits are Amp's own unit, not dollars, so no logged cost. An event without
 * its token counts makes the thread malformed (a changed shape shows up, never zeros).
 */
const ledger = (o: Obj): unknown[] | undefined => {
  const events = obj(o.usageLedger)?.events;
  return Array.isArray(events) ? events : undefined;
};

/** The cache counts of each assistant message, by its messageId. */
function cacheByMessage(messages: unknown): Map<number, Obj> {
  const out = new Map<number, Obj>();
  if (!Array.isArray(messages)) return out;
  for (const m of messages as unknown[]) {
    const msg = obj(m);
    const usage = obj(msg?.usage);
    if (msg?.role === 'assistant' && typeof msg.messageId === 'number' && usage)
      out.set(msg.messageId, usage);
  }
  return out;
}

function eventRecord(e: Obj, thread: string, cache: Map<number, Obj>): UsageRecord {
  const t = obj(e.tokens);
  if (!t || (t.input === undefined && t.output === undefined))
    throw new BadRecord('missing field: usageLedger.events[].tokens');
  const model = str(e.model);
  if (!model) throw new BadRecord('missing field: usageLedger.events[].model');
  const u = typeof e.toMessageId === 'number' ? cache.get(e.toMessageId) : undefined;
  const r: UsageRecord = {
    model: interned(model),
    input: num(t.input, 'tokens.input'),
    cacheRead: num(u?.cacheReadInputTokens, 'cacheReadInputTokens'),
    cacheWrite5m: num(u?.cacheCreationInputTokens, 'cacheCreationInputTokens'),
    cacheWrite1h: 0,
    output: num(t.output, 'tokens.output'),
    reasoning: 0,
    requests: 1,
    tags: { session: thread },
  };
  const ts = time(e.timestamp);
  if (ts !== undefined) r.timestamp = ts;
  const id = str(e.id);
  if (id) r.dedup = { key: `amp:${thread}:${id}`, keep: 'first' };
  return r;
}

export const amp: Dialect = {
  name: 'amp',
  detect: (o) => typeof o.id === 'string' && ledger(o) !== undefined,
  normalize(o): Outcome {
    const events = ledger(o)!;
    if (!events.length) return { skip: 'Amp thread without usage events' };
    const cache = cacheByMessage(o.messages);
    const thread = interned(o.id as string);
    return events.map((e) => {
      const ev = obj(e);
      if (!ev) throw new BadRecord('usage event that is not an object');
      return eventRecord(ev, thread, cache);
    });
  },
};
