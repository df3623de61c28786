import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { label, num, obj, optNum, str, time, type Obj } from '../values.js';
import { attributes } from './otel-attributes.js';
import type { Dialect } from './types.js';

/**
 * Coding agents' OpenTelemetry events, as an OTLP file exporter writes them (`{resourceLogs: [{scopeLogs:
 * [{logRecords: [...]}]}]}` a line): one log record a model request.
 * - Claude Code `claude_code.api_request`: `model`, `input_tokens` (Anthropic's: without the cache),
 *   `cache_read_tokens`, `cache_creation_tokens` (priced as 5-minute writes: the event does not split them),
 *   `output_tokens`, `cost_usd` (Claude Code's own estimate, kept as the logged cost).
 * - Gemini CLI `gemini_cli.api_response`: `input_token_count` (the prompt, cached part included),
 *   `cached_content_token_count`, `tool_token_count` (tool-use prompt, billed as input),
 *   `output_token_count` and `thoughts_token_count` (billed as output), as its chat recordings count them.
 * The event's name is its `event.name` attribute or its body. Other events (prompts, tool results,
 * decisions) carry no usage. Attribute values may be OTLP-typed or text (OTLP's int64 as strings).
 */
export const otelLogs: Dialect = {
  name: 'otel-logs',
  detect: (o) => Array.isArray(o.resourceLogs),
  normalize(o): Outcome {
    const records: UsageRecord[] = [];
    let other = 0;
    for (const rl of o.resourceLogs as unknown[])
      for (const sl of list(obj(rl)?.scopeLogs))
        for (const lr of list(obj(sl)?.logRecords)) {
          const rec = obj(lr);
          const r = rec && eventRecord(rec);
          if (r) records.push(r);
          else other++;
        }
    return records.length
      ? records
      : { skip: other ? 'OpenTelemetry event without usage' : 'no log records' };
  },
};

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function eventRecord(lr: Obj): UsageRecord | undefined {
  const a = attributes(lr);
  const name = label(a['event.name'] ?? obj(lr.body)?.stringValue ?? lr.body ?? '');
  const claude = name === 'api_request' || name === 'claude_code.api_request';
  const gemini = name === 'gemini_cli.api_response';
  if (!claude && !gemini) return undefined;
  // An event that names no model keeps its tokens, unpriced.
  const model = str(a.model) ?? UNKNOWN_MODEL;
  const r: UsageRecord = claude ? claudeCodeUsage(a, model) : geminiCliUsage(a, model);
  const ts = time(a['event.timestamp'] ?? lr.timeUnixNano ?? lr.observedTimeUnixNano);
  if (ts !== undefined) r.timestamp = ts;
  const session = str(a['session.id']);
  if (session) r.tags = { session };
  return r;
}

function claudeCodeUsage(a: Obj, model: string): UsageRecord {
  const r: UsageRecord = {
    model,
    input: num(a.input_tokens, 'input_tokens'),
    cacheRead: num(a.cache_read_tokens, 'cache_read_tokens'),
    cacheWrite5m: num(a.cache_creation_tokens, 'cache_creation_tokens'),
    cacheWrite1h: 0,
    output: num(a.output_tokens, 'output_tokens'),
    reasoning: 0,
    requests: 1,
  };
  const cost = optNum(a.cost_usd, 'cost_usd');
  if (cost !== undefined) r.loggedCost = cost;
  return r;
}

function geminiCliUsage(a: Obj, model: string): UsageRecord {
  const prompt = num(a.input_token_count, 'input_token_count');
  const cached = Math.min(prompt, num(a.cached_content_token_count, 'cached_content_token_count'));
  const thoughts = num(a.thoughts_token_count, 'thoughts_token_count');
  return {
    model,
    input: prompt - cached + num(a.tool_token_count, 'tool_token_count'),
    cacheRead: cached,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: num(a.output_token_count, 'output_token_count') + thoughts,
    reasoning: thoughts,
    requests: 1,
  };
}
