import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { label, num, obj, str, tagValue, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/** OTLP attributes ([{key, value: {intValue: "12"}}]) or a plain attribute object, as one flat object. */
function attributes(span: Obj): Obj {
  const a = span.attributes;
  if (!Array.isArray(a)) return obj(a) ?? {};
  // Prototype-less: an attribute named __proto__ is only a name.
  const out: Obj = Object.create(null) as Obj;
  for (const kv of a) {
    const e = obj(kv);
    const v = obj(e?.value);
    if (!e || !v) continue;
    out[label(e.key)] = v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue;
  }
  return out;
}

const CALL_SPAN = /\.(doGenerate|doStream)$/;

/** The first of `keys` the span has (a convention's name, then older or other conventions' names). */
const first = (a: Obj, keys: string[]): unknown => {
  for (const k of keys) if (a[k] !== undefined && a[k] !== null) return a[k];
  return undefined;
};

/**
 * Attribute names per bucket: the OpenTelemetry GenAI conventions, their older names (OpenLLMetry,
 * Strands' `cache_*_input_tokens`), the AI SDK's `ai.usage.*` and OpenInference's `llm.token_count.*`
 * (Arize Phoenix; its prompt count includes cache reads and writes, as the GenAI conventions' does).
 */
const INPUT = [
  'gen_ai.usage.input_tokens',
  'gen_ai.usage.prompt_tokens',
  'ai.usage.promptTokens',
  'llm.token_count.prompt',
];
const OUTPUT = [
  'gen_ai.usage.output_tokens',
  'gen_ai.usage.completion_tokens',
  'ai.usage.completionTokens',
  'llm.token_count.completion',
];
const CACHE_READ = [
  'gen_ai.usage.cache_read.input_tokens',
  'gen_ai.usage.input_tokens.cached',
  'gen_ai.usage.cache_read_input_tokens',
  'llm.token_count.prompt_details.cache_read',
];
const CACHE_WRITE = [
  'gen_ai.usage.cache_creation.input_tokens',
  'gen_ai.usage.cache_creation_input_tokens',
  'gen_ai.usage.cache_write_input_tokens',
  'llm.token_count.prompt_details.cache_write',
];
const REASONING = [
  'gen_ai.usage.reasoning.output_tokens',
  'llm.token_count.completion_details.reasoning',
];
const TOTAL = ['gen_ai.usage.total_tokens', 'llm.token_count.total', 'llm.usage.total_tokens'];
const MODEL = [
  'gen_ai.response.model',
  'gen_ai.request.model',
  'ai.model.id',
  'llm.response.model_name',
  'llm.model_name',
  'llm.request.model_name',
];

/**
 * The input tokens outside the cache. The conventions count cache reads and writes inside the input count,
 * but some instrumentations (Strands Agents, Anthropic-style) count them beside it: the span's total tells
 * (input + output + reads + writes: beside), and so does an input count smaller than its own cache share.
 */
function uncached(input: number, output: number, read: number, write: number, total: number) {
  const cache = read + write;
  if (!cache || total === input + output + cache) return input;
  return input < cache ? input : input - cache;
}

function spanRecord(span: Obj): UsageRecord | string {
  const a = attributes(span);
  const name = label(span.name ?? '');
  const inTokens = first(a, INPUT);
  if (inTokens === undefined) return 'span without usage';
  // The AI SDK's outer ai.generateText span repeats its call spans' usage.
  if (name.startsWith('ai.') && !CALL_SPAN.test(name))
    return 'AI SDK outer span (usage counted on its call span)';
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
  const ts = time(span.startTimeUnixNano);
  return {
    model,
    ...(ts !== undefined ? { timestamp: ts } : {}),
    input: Math.max(0, uncached(input, output, read, write, total) - audioIn),
    cacheRead: read,
    cacheWrite5m: write,
    cacheWrite1h: 0,
    output: Math.max(0, output - audioOut),
    reasoning: num(first(a, REASONING), 'reasoning'),
    requests: 1,
    ...(audioIn ? { audioInput: audioIn } : {}),
    ...(audioOut ? { audioOutput: audioOut } : {}),
    ...(Object.keys(tags).length ? { tags } : {}),
    ...(str(span.spanId)
      ? {
          dedup: {
            key: `otel:${label(span.traceId)}:${span.spanId as string}`,
            keep: 'first' as const,
          },
        }
      : {}),
  };
}

/**
 * OpenTelemetry GenAI spans (and OpenInference's): OTLP file-exporter lines ({resourceSpans: [...]}) or one
 * span per line. gen_ai.usage.input_tokens includes cached tokens (see `uncached` for those that do not).
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
