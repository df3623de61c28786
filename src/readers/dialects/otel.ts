import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { label, num, obj, str, tagValue, time, withoutCache, type Obj } from '../values.js';
import { attributes } from './otel-attributes.js';
import { eventName, hrTimeMs, isJsLogRecord, isJsMetric, logAsSpan } from './otel-js.js';
import { MLFLOW_COST, withMlflow } from './otel-mlflow.js';
import {
  CACHE_READ,
  CACHE_WRITE,
  first,
  INPUT,
  MODEL,
  OUTPUT,
  REASONING,
  TOTAL,
} from './otel-names.js';
import type { Dialect } from './types.js';

const CALL_SPAN = /\.(doGenerate|doStream)$/;

/**
 * The input tokens outside the cache. The conventions count cache reads and writes inside the input count,
 * but some instrumentations (Strands Agents, Anthropic-style) count them beside it: the span's total tells
 * (input + output + reads + writes: beside), and so does an input count smaller than its own cache share.
 */
function uncached(input: number, output: number, read: number, write: number, total: number) {
  const cache = read + write;
  if (!cache || total === input + output + cache) return input;
  return withoutCache(input, cache);
}

/**
 * The AI SDK's uncached input where its span tells it: v6's `inputTokenDetails.noCacheTokens`; before v6 a
 * Claude model's input as Anthropic counts it, without the cache (its other providers' include it).
 */
function aiSdkInput(a: Obj, model: string): number | undefined {
  const noCache = a['ai.usage.inputTokenDetails.noCacheTokens'];
  if (noCache !== undefined) return num(noCache, 'noCacheTokens');
  if (a['ai.usage.cachedInputTokens'] !== undefined && /claude/i.test(model))
    return num(first(a, INPUT), 'input_tokens');
  return undefined;
}

/**
 * An agent's span (GenAI `invoke_agent`, Pydantic AI's `agent run`, OpenInference's AGENT and CHAIN kinds)
 * may carry the sum of its model calls' usage (Strands does; Pydantic AI when told not to use its
 * `gen_ai.aggregated_usage.*` names): its model calls are spans of their own, which count.
 */
function isAgentSpan(a: Obj, name: string): boolean {
  const op = a['gen_ai.operation.name'];
  if (op === 'invoke_agent' || op === 'create_agent') return true;
  // Earlier Strands versions name no operation: an agent's name on a span of no operation marks its own.
  if (op === undefined && a['gen_ai.agent.name'] !== undefined) return true;
  const kind = a['openinference.span.kind'] ?? a['mlflow.span_type'];
  if (kind === 'AGENT' || kind === 'CHAIN') return true;
  return name === 'agent run' || name.startsWith('invoke_agent ');
}

function spanRecord(span: Obj): UsageRecord | string {
  const a = withMlflow(attributes(span));
  const name = label(span.name ?? span.span_name ?? '');
  const inTokens = first(a, INPUT);
  if (inTokens === undefined) return 'span without usage';
  // The AI SDK's outer ai.generateText span repeats its call spans' usage.
  if (name.startsWith('ai.') && !CALL_SPAN.test(name))
    return 'AI SDK outer span (usage counted on its call span)';
  if (isAgentSpan(a, name)) return 'agent span (usage counted on its model-call spans)';
  const model = str(first(a, MODEL));
  if (!model) return 'span without a model';
  const read = num(first(a, CACHE_READ), 'cache_read');
  const write = num(first(a, CACHE_WRITE), 'cache_write');
  const input = num(inTokens, 'input_tokens');
  const output = num(first(a, OUTPUT), 'output_tokens');
  // OpenInference's audio details, inside the prompt and completion counts.
  const audioIn = num(a['llm.token_count.prompt_details.audio'], 'audio');
  const audioOut = num(a['llm.token_count.completion_details.audio'], 'audio');
  // Only a hint (OTLP writes integers as text): a bad total is not a bad record.
  const stated = first(a, TOTAL);
  const total = typeof stated === 'number' || typeof stated === 'string' ? Number(stated) : NaN;
  const tags: Record<string, string> = {};
  for (const [k, v] of Object.entries(a))
    if (k.startsWith('ai.telemetry.metadata.'))
      tags[k.slice('ai.telemetry.metadata.'.length)] = tagValue(v) ?? '';
  const conversation = tagValue(
    a['gen_ai.conversation.id'] ??
      a['copilot_chat.session_id'] ??
      a['copilot_chat.chat_session_id'] ??
      a['session.id'],
  );
  if (conversation && !tags.session) tags.session = conversation;
  const ts =
    hrTimeMs(span.startTime) ??
    hrTimeMs(span.endTime) ??
    time(
      span.startTimeUnixNano ??
        span.start_time_unix_nano ??
        span.start_time ??
        span.start_timestamp,
    );
  const context = obj(span.context);
  const spanId = str(span.spanId ?? span.span_id ?? context?.span_id);
  const traceId = span.traceId ?? span.trace_id ?? context?.trace_id;
  // The response's own id where the span names it: the same model call written twice (a span and its
  // inference event, or an app's span and its gateway's) counts once.
  const response = str(a['gen_ai.response.id']);
  // The price Pydantic AI (genai-prices) or MLflow put on the call, as LiteLLM's response_cost is LiteLLM's.
  const cost = a['operation.cost'] ?? a[MLFLOW_COST];
  return {
    model,
    ...(ts !== undefined ? { timestamp: ts } : {}),
    input: Math.max(
      0,
      (aiSdkInput(a, model) ?? uncached(input, output, read, write, total)) - audioIn,
    ),
    cacheRead: read,
    cacheWrite5m: write,
    cacheWrite1h: 0,
    output: Math.max(0, output - audioOut),
    reasoning: num(first(a, REASONING), 'reasoning'),
    requests: 1,
    ...(audioIn ? { audioInput: audioIn } : {}),
    ...(audioOut ? { audioOutput: audioOut } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
    ...(typeof cost === 'number' && Number.isFinite(cost) ? { loggedCost: cost } : {}),
    ...(response
      ? { dedup: { key: `otel-response:${response}`, keep: 'first' as const } }
      : spanId
        ? { dedup: { key: `otel:${label(traceId)}:${spanId}`, keep: 'first' as const } }
        : {}),
  };
}

/**
 * A row of Arize Phoenix's spans dataframe (`get_spans_dataframe()`, saved as Parquet, CSV or JSON lines):
 * one flat column per field, `context.span_id`, `context.trace_id` and `attributes.<name>` (OpenInference's
 * names). Read as the span it came from.
 */
function unflattenedRow(o: Obj): Obj {
  const attrs = Object.create(null) as Obj;
  for (const k in o) if (k.startsWith('attributes.')) attrs[k.slice('attributes.'.length)] = o[k];
  return {
    name: o.name,
    start_time: o.start_time,
    context: { span_id: o['context.span_id'], trace_id: o['context.trace_id'] },
    attributes: attrs,
  };
}

/**
 * An SDK log record (otel-js.ts): GenAI's `gen_ai.client.inference.operation.details` event carries a model
 * call's usage, as its span does (one count: the span context's ids, or the response id). An agent turn's
 * event (Copilot's `copilot_chat.agent.turn`) sums the turn's calls: inside a trace, its model-call spans
 * count them; outside any trace nothing else does, so it counts itself.
 */
function jsLogRecord(o: Obj): Outcome {
  const a = attributes(o);
  const name = eventName(o, a);
  if (/agent\.turn/.test(name) && str(obj(o.spanContext)?.traceId))
    return { skip: 'agent turn event (usage counted on its model calls)' };
  const r = spanRecord(logAsSpan(o, name));
  return typeof r === 'string' ? { skip: r.replace(/^span/, 'OpenTelemetry event') } : r;
}

/** An MLflow trace as `Trace.to_json()` writes it: `{info, data: {spans: [...]}}`. */
function mlflowTrace(o: Obj): unknown[] | undefined {
  const spans = obj(o.data)?.spans;
  return obj(o.info) && Array.isArray(spans) ? spans : undefined;
}

/**
 * OpenTelemetry GenAI spans (and OpenInference's): OTLP file-exporter lines ({resourceSpans: [...]}), MLflow
 * traces ({info, data: {spans}}, otel-mlflow.ts) or one span per line. gen_ai.usage.input_tokens includes cached tokens (see `uncached` for those that do not).
 */
export const otel: Dialect = {
  name: 'otel',
  // OTLP, one span a line (OTLP JSON's spanId; Logfire's and OpenInference's span_id, or in `context`).
  detect: (o) =>
    Array.isArray(o.resourceSpans) ||
    mlflowTrace(o) !== undefined ||
    (('spanId' in o || 'span_id' in o || obj(o.context)?.span_id !== undefined) &&
      'attributes' in o) ||
    'context.span_id' in o ||
    isJsLogRecord(o) ||
    isJsMetric(o),
  normalize(o): Outcome {
    if (isJsMetric(o)) return { skip: 'OpenTelemetry metric (usage counted from spans)' };
    if (isJsLogRecord(o)) return jsLogRecord(o);
    const spans: unknown[] = Array.isArray(o.resourceSpans)
      ? o.resourceSpans
          .flatMap((rs) =>
            Array.isArray(obj(rs)?.scopeSpans) ? (obj(rs)!.scopeSpans as unknown[]) : [],
          )
          .flatMap((ss) => (Array.isArray(obj(ss)?.spans) ? (obj(ss)!.spans as unknown[]) : []))
      : (mlflowTrace(o) ?? ['context.span_id' in o ? unflattenedRow(o) : o]);
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
