import { label, obj, str, type Obj } from '../values.js';

/**
 * The shapes the OpenTelemetry JavaScript SDK's objects take when written as JSON lines (GitHub Copilot CLI's
 * OTel file exporter writes them so, `~/.copilot/otel/*.jsonl`): a span is
 * `{type: "span", traceId, spanId, name, startTime: [s, ns], endTime, attributes}`, a log record
 * `{hrTime: [s, ns], spanContext: {traceId, spanId}, attributes, body | _body}` (or `{type: "log",
 * timeUnixNano, …}`), a metric
 * `{type: "metric", name, …}`.
 */

/** An `[seconds, nanoseconds]` time (the SDK's HrTime) as epoch ms; undefined when it is not one. */
export function hrTimeMs(v: unknown): number | undefined {
  if (!Array.isArray(v) || v.length !== 2) return undefined;
  const [s, ns] = v as unknown[];
  if (typeof s !== 'number' || typeof ns !== 'number' || !(s > 0) || !(ns >= 0)) return undefined;
  return s * 1000 + Math.floor(ns / 1e6);
}

/** A log record of the SDK (not a span): its time and span context are what tell it. */
export const isJsLogRecord = (o: Obj): boolean =>
  obj(o.attributes) !== undefined &&
  !('spanId' in o) &&
  o.type !== 'span' &&
  (o.type === 'log' || Array.isArray(o.hrTime) || obj(o.spanContext) !== undefined);

export const isJsMetric = (o: Obj): boolean => o.type === 'metric' && typeof o.name === 'string';

/** The event a log record reports: its `event.name` attribute, else its body. */
export function eventName(o: Obj, a: Obj): string {
  return label(a['event.name'] ?? str(o.body) ?? str(o._body) ?? '');
}

/**
 * A log record as the span its usage belongs to: the span context's ids (so the model call's span and its
 * event count once) and its time.
 */
export function logAsSpan(o: Obj, name: string): Obj {
  const ctx = obj(o.spanContext);
  return {
    name,
    traceId: ctx?.traceId,
    spanId: ctx?.spanId,
    startTime: o.hrTime,
    startTimeUnixNano: o.timeUnixNano,
    attributes: o.attributes,
  };
}
