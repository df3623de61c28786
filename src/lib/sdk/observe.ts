import { checkBeforeCall } from './guard.js';
import type { RecordOptions, Tracker } from '../tracker/tracker.js';

export interface WrapOptions {
  /** Tags on every call made through this client. */
  tags?: Record<string, string>;
  /**
   * Told about a call that could not be recorded (a chat stream without `stream_options.include_usage`,
   * a response without usage). Default: one console warning per reason.
   */
  onUnrecorded?: (reason: string) => void;
  /**
   * Check the tracker's budgets before every call: a call whose worst case (prompt and output cap) would
   * overrun one is refused with BudgetExceededError, and never sent.
   */
  check?: boolean;
}

type Obj = Record<string | symbol, unknown>;

/** Chunks and events that carry or complete usage; the rest of a stream is not kept. */
function carriesUsage(c: unknown): boolean {
  if (c === null || typeof c !== 'object') return false;
  const o = c as Obj;
  return (
    (o.usage !== undefined && o.usage !== null) ||
    o.usageMetadata !== undefined ||
    o.type === 'message_start' ||
    o.type === 'message_delta' ||
    o.type === 'response.completed' ||
    o.type === 'response.incomplete' ||
    o.type === 'response.failed'
  );
}

const warned = new Set<string>();
function warnOnce(reason: string): void {
  if (warned.has(reason)) return;
  warned.add(reason);
  console.warn(`llmcost: a call was not recorded: ${reason}`);
}

/**
 * Records what a wrapped SDK method returned, without changing it: a response object is recorded as it
 * is; a stream (the SDKs' Stream, whose chunks come from its `iterator()`, which both `for await` and
 * `tee()` use) is watched as the caller reads it and recorded when it ends. Never throws into the caller.
 */
export function observe(
  value: unknown,
  tracker: Tracker,
  o: WrapOptions,
  hint: RecordOptions,
): void {
  const unrecorded = o.onUnrecorded ?? warnOnce;
  const record = (v: unknown) => {
    try {
      tracker.record(v, { ...hint, ...(o.tags ? { tags: o.tags } : {}) });
    } catch (err) {
      unrecorded(err instanceof Error ? err.message : String(err));
    }
  };
  if (value === null || typeof value !== 'object') return;
  const s = value as Obj;
  const key = typeof s.iterator === 'function' ? 'iterator' : Symbol.asyncIterator;
  const make = s[key];
  if (typeof make !== 'function' || 'usage' in s) return record(value);
  s[key] = function watched() {
    const it = (make as () => AsyncIterator<unknown>).call(s);
    const kept: unknown[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      if (kept.length) record(kept);
      else unrecorded('stream without usage (set stream_options: { include_usage: true })');
    };
    return {
      async next() {
        const r = await it.next();
        if (r.done) finish();
        else if (carriesUsage(r.value)) kept.push(r.value);
        return r;
      },
      async return(v?: unknown) {
        finish();
        return it.return ? it.return(v) : { done: true, value: v };
      },
      async throw(e?: unknown) {
        if (it.throw) return it.throw(e);
        throw e;
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  };
}

/** Replaces `obj[name]` with a function that calls it and observes its result; marked, so never twice. */
export function wrapMethod(obj: unknown, name: string, tracker: Tracker, o: WrapOptions): void {
  if (obj === null || typeof obj !== 'object') return;
  const target = obj as Obj;
  const original = target[name];
  if (typeof original !== 'function' || (original as unknown as Obj)[WRAPPED]) return;
  const wrapped = function (this: unknown, ...args: unknown[]) {
    const body = (args[0] ?? {}) as Obj;
    if (o.check) {
      try {
        checkBeforeCall(tracker, body);
      } catch (err) {
        return Promise.reject(err);
      }
    }
    const result = (original as (...a: unknown[]) => unknown).apply(this ?? target, args);
    const hint: RecordOptions = typeof body.model === 'string' ? { model: body.model } : {};
    // A side chain on the SDK's promise: the caller gets the very same promise (with its helpers such
    // as withResponse()), and a failed call is the caller's to handle, not ours.
    if (result && typeof (result as Promise<unknown>).then === 'function')
      (result as Promise<unknown>).then(
        (v) => observe(v, tracker, o, hint),
        () => undefined,
      );
    return result;
  };
  (wrapped as unknown as Obj)[WRAPPED] = true;
  target[name] = wrapped;
}

const WRAPPED = Symbol.for('llmcost.wrapped');
