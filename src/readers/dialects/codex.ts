import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { BadRecord, label, missing, num, obj, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Codex CLI rollouts ($CODEX_HOME/sessions/YYYY/MM/DD/rollout-*.jsonl): lines `{timestamp, type, payload}`.
 * - `session_meta` names the session (`id`) and its folder (`cwd`); `turn_context` sets the model for the
 *   turns after it; `response_item`, `compacted` and other `event_msg` lines are not usage.
 * - Usage is `event_msg` with `payload.type: token_count`: `info.total_token_usage` (running total of the
 *   session) and `info.last_token_usage` (the last request). `info` is null before the first response.
 * - Codex's TokenUsage follows OpenAI: `input_tokens` includes `cached_input_tokens`, and
 *   `reasoning_output_tokens` is inside `output_tokens` (codex-rs: total_tokens = input + output, and the
 *   context-window figure is total - reasoning): buckets as openaiUsage.
 * - Per request: `last_token_usage`, or the growth of the running total when only totals are logged.
 *   Codex writes the same token_count more than once: an event whose running total did not move is a
 *   repeat and is skipped, so nothing is counted twice.
 * State is per file (one rollout is one session), so the dialect keeps it in `perSource`.
 */
interface Tokens {
  input: number;
  cached: number;
  output: number;
  reasoning: number;
  total: number;
}

/** Fields of codex-rs's TokenUsage (plain integers, always written). */
const COUNTS = ['input_tokens', 'output_tokens'] as const;

function tokens(u: Obj | undefined): Tokens | undefined {
  if (!u) return undefined;
  const gone = missing(u, COUNTS);
  if (gone) throw new BadRecord(`missing field: token usage ${gone}`);
  return {
    input: num(u.input_tokens, 'input_tokens'),
    cached: num(u.cached_input_tokens, 'cached_input_tokens'),
    output: num(u.output_tokens, 'output_tokens'),
    reasoning: num(u.reasoning_output_tokens, 'reasoning_output_tokens'),
    total: num(u.total_tokens, 'total_tokens'),
  };
}

const same = (a: Tokens, b: Tokens) =>
  a.input === b.input && a.cached === b.cached && a.output === b.output && a.total === b.total;
const grew = (a: Tokens, b: Tokens) =>
  a.input >= b.input && a.cached >= b.cached && a.output >= b.output && a.reasoning >= b.reasoning;

function codexSession(): (o: Obj) => Outcome {
  let model: string | undefined;
  let session: string | undefined;
  let project: string | undefined;
  let before: Tokens | undefined;
  return (o) => {
    const p = obj(o.payload);
    if (o.type === 'session_meta') {
      session = str(p?.id) ?? session;
      project = str(p?.cwd) ?? project;
      model = str(p?.model) ?? model;
      return { skip: 'Codex session start' };
    }
    if (o.type === 'turn_context') {
      model = str(p?.model) ?? model;
      project = str(p?.cwd) ?? project;
      return { skip: 'Codex turn context' };
    }
    if (o.type !== 'event_msg' || p?.type !== 'token_count')
      return { skip: `Codex ${label(p?.type ?? o.type)} line` };
    const info = obj(p.info);
    if (!info) return { skip: 'Codex token count before the first response' };
    const total = tokens(obj(info.total_token_usage));
    const last = tokens(obj(info.last_token_usage));
    if (total && before && same(total, before)) return { skip: 'Codex repeated token count' };
    const t =
      last ??
      (total && before && grew(total, before)
        ? {
            input: total.input - before.input,
            cached: total.cached - before.cached,
            output: total.output - before.output,
            reasoning: total.reasoning - before.reasoning,
            total: total.total - before.total,
          }
        : total);
    if (total) before = total;
    if (!t) return { invalid: 'token_count without usage' };
    const r: UsageRecord = {
      model: model ?? UNKNOWN_MODEL,
      input: Math.max(0, t.input - t.cached),
      cacheRead: Math.min(t.cached, t.input),
      cacheWrite5m: 0,
      cacheWrite1h: 0,
      output: t.output,
      reasoning: t.reasoning,
      requests: 1,
    };
    const ts = time(o.timestamp);
    if (ts !== undefined) r.timestamp = ts;
    if (session || project)
      r.tags = { ...(session ? { session } : {}), ...(project ? { project } : {}) };
    return r;
  };
}

const CODEX_TYPES = new Set([
  'session_meta',
  'turn_context',
  'event_msg',
  'response_item',
  'compacted',
]);

export const codex: Dialect = {
  name: 'codex',
  detect: (o) =>
    typeof o.type === 'string' && CODEX_TYPES.has(o.type) && 'payload' in o && 'timestamp' in o,
  normalize: (o) => codexSession()(o),
  perSource: codexSession,
};
