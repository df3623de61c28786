import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { num, obj, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/** OTLP attributes ([{key, value: {intValue: "12"}}]) or a plain attribute object, as one flat object. */
function attributes(span: Obj): Obj {
  const a = span.attributes;
  if (!Array.isArray(a)) return obj(a) ?? {};
  const out: Obj = {};
  for (const kv of a) {
    const e = obj(kv);
    const v = obj(e?.value);
    if (!e || !v) continue;
    out[String(e.key)] = v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue;
  }
  return out;
}

const CALL_SPAN = /\.(doGenerate|doStream)$/;

function spanRecord(span: Obj): UsageRecord | string {
  const a = attributes(span);
  const name = String(span.name ?? '');
  const inTokens =
    a['gen_ai.usage.input_tokens'] ?? a['gen_ai.usage.prompt_tokens'] ?? a['ai.usage.promptTokens'];
  if (inTokens === undefined) return 'span without usage';
  // The AI SDK's outer ai.generateText span repeats its call spans' usage.
  if (name.startsWith('ai.') && !CALL_SPAN.test(name))
    return 'AI SDK outer span (usage counted on its call span)';
  const model =
    str(a['gen_ai.response.model']) ?? str(a['gen_ai.request.model']) ?? str(a['ai.model.id']);
  if (!model) return 'span without a model';
  const read = num(
    a['gen_ai.usage.cache_read.input_tokens'] ?? a['gen_ai.usage.input_tokens.cached'],
  );
  const write = num(a['gen_ai.usage.cache_creation.input_tokens']);
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(a))
    if (k.startsWith('ai.telemetry.metadata.'))
      tags[k.slice('ai.telemetry.metadata.'.length)] = String(v);
  const ts = time(span.startTimeUnixNano);
  return {
    model,
    ...(ts !== undefined ? { timestamp: ts } : {}),
    input: Math.max(0, num(inTokens) - read - write),
    cacheRead: read,
    cacheWrite5m: write,
    cacheWrite1h: 0,
    output: num(
      a['gen_ai.usage.output_tokens'] ??
        a['gen_ai.usage.completion_tokens'] ??
        a['ai.usage.completionTokens'],
    ),
    reasoning: num(a['gen_ai.usage.reasoning.output_tokens']),
    requests: 1,
    ...(Object.keys(tags).length ? { tags } : {}),
    ...(str(span.spanId)
      ? { dedup: { key: `otel:${span.traceId}:${span.spanId}`, keep: 'first' as const } }
      : {}),
  };
}

/**
 * OpenTelemetry GenAI spans: OTLP file-exporter lines ({resourceSpans: [...]}) or one span per line.
 * gen_ai.usage.input_tokens includes cached tokens.
 */
export const otel: Dialect = {
  name: 'otel',
  detect: (o) => Array.isArray(o.resourceSpans) || ('spanId' in o && 'attributes' in o),
  normalize(o): Outcome {
    const spans: unknown[] = Array.isArray(o.resourceSpans)
      ? o.resourceSpans
          .flatMap((rs) =>
            Array.isArray(obj(rs)?.scopeSpans) ? (obj(rs)!.scopeSpans as unknown[]) : [],
          )
          .flatMap((ss) => (Array.isArray(obj(ss)?.spans) ? (obj(ss)!.spans as unknown[]) : []))
      : [o];
    const records: UsageRecord[] = [];
    let reason = 'no spans';
    for (const s of spans) {
      // One damaged item of a batch (null, a number) is passed over; the spans beside it still count.
      const span = obj(s);
      if (!span) {
        reason = 'span that is not an object';
        continue;
      }
      const r = spanRecord(span);
      if (typeof r === 'string') reason = r;
      else records.push(r);
    }
    return records.length ? records : { skip: reason };
  },
};
