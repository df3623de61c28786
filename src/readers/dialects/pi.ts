import { servedBy } from '../../core/served.js';
import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { interned, label, missing, num, obj, optNum, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * pi's session files (the pi coding agent, badlogic/pi-mono: $PI_CODING_AGENT_DIR/sessions/--<cwd>--/
 * <time>_<uuid>.jsonl, default ~/.pi/agent; docs/session.md), which OpenClaw writes too (it runs pi's
 * agent: $OPENCLAW_STATE_DIR/agents/<agent>/sessions/<id>.jsonl; its messages may leave the model to the
 * last `model_change` or `custom` model-snapshot entry). The first line is the header
 * `{type: "session", id, timestamp, cwd, …}`; then entries `{type, timestamp, …}`: `message` entries hold
 * pi-ai's messages (`role` user, assistant, toolResult, bashExecution, …), and model changes, thinking
 * levels, compactions, labels and the like are entries of their own types.
 *
 * An assistant message carries `provider`, `model`, `timestamp` (epoch ms) and pi-ai's `usage`:
 * `{input, output, cacheRead, cacheWrite, totalTokens, cost: {…, total}}`, buckets pi already keeps apart
 * for every provider (its OpenAI and Gemini readers subtract the cached tokens from the prompt; Anthropic's
 * come apart), with reasoning inside `output` (OpenAI's output includes it, Gemini's thoughts are added).
 * So the buckets are taken as they are, with one exception the record's own total tells: pi's early Gemini
 * reader kept the cached tokens inside `input` (totalTokens = input + output + cacheWrite, cacheRead left
 * out), so there they are taken out of the input. Cache writes are priced at the 5-minute rate (pi's
 * default retention; the usage does not say when `long` retention wrote for an hour). `cost.total` is pi's
 * own price, as logged (0 on subscription providers).
 *
 * A branched session copies the messages of its branch into a new file: a response is counted once, by its
 * own time, model and counts. An assistant message without pi's usage is malformed (a changed shape shows
 * up counted, not as zeros); a failed request that used no tokens is skipped by reason.
 */
const isHeader = (o: Obj) =>
  o.type === 'session' &&
  typeof o.id === 'string' &&
  typeof o.cwd === 'string' &&
  typeof o.timestamp === 'string';

function isAssistant(o: Obj): boolean {
  const m = obj(o.message);
  const u = obj(m?.usage);
  return (
    o.type === 'message' &&
    m?.role === 'assistant' &&
    u !== undefined &&
    typeof u.input === 'number' &&
    ('cacheRead' in u || 'totalTokens' in u)
  );
}

function piSession(): (o: Obj) => Outcome {
  let session: string | undefined;
  let project: string | undefined;
  let model: string | undefined;
  let provider: string | undefined;
  /** The model (and its provider) the next messages use, as the header or a change names it. */
  const choose = (c: Obj | undefined) => {
    model = str(c?.modelId) ?? str(c?.model) ?? model;
    provider = str(c?.provider) ?? provider;
  };
  return (o) => {
    if (isHeader(o)) {
      session = interned(o.id as string);
      project = interned(o.cwd as string);
      choose(o);
      return { skip: 'pi session start' };
    }
    if (o.type === 'model_change') choose(o);
    // OpenClaw's own record of the model in use.
    if (o.type === 'custom' && o.customType === 'model-snapshot') choose(obj(o.data));
    if (o.type !== 'message') return { skip: `pi ${label(o.type)} entry` };
    const m = obj(o.message);
    if (!m) return { invalid: 'message' };
    if (m.role !== 'assistant') return { skip: `pi ${label(m.role)} message` };
    const u = obj(m.usage);
    if (!u) return { invalid: 'message.usage' };
    const gone = missing(u, ['input', 'output']);
    if (gone) return { invalid: `message.usage.${gone}` };
    let input = num(u.input, 'usage.input');
    const cacheRead = num(u.cacheRead, 'usage.cacheRead');
    const cacheWrite = num(u.cacheWrite, 'usage.cacheWrite');
    const output = num(u.output, 'usage.output');
    if (cacheRead > 0 && input >= cacheRead && u.totalTokens === input + output + cacheWrite)
      input -= cacheRead;
    if (
      input + cacheRead + cacheWrite + output === 0 &&
      /^(error|aborted)$/.test(label(m.stopReason))
    )
      return { skip: 'pi failed request without tokens' };
    const name = str(m.model) ?? str(m.modelId) ?? model ?? UNKNOWN_MODEL;
    const host = str(m.provider) ?? provider;
    const served = servedBy(host);
    const ts = time(m.timestamp) ?? time(o.timestamp);
    const cost = optNum(obj(u.cost)?.total, 'usage.cost.total');
    const tags: Record<string, string> = {};
    if (session) tags.session = session;
    if (project) tags.project = project;
    if (host) tags.provider = interned(host);
    const r: UsageRecord = {
      model: interned(name),
      input,
      cacheRead,
      cacheWrite5m: cacheWrite,
      cacheWrite1h: 0,
      output,
      reasoning: 0,
      requests: 1,
      tags,
    };
    // A response is known by its time, model and counts (a branch copies it whole); without a time, two
    // alike requests could not be told apart, so nothing is de-duplicated.
    const at = m.timestamp ?? o.timestamp;
    if (at !== undefined)
      r.dedup = {
        key: `pi:${label(at)}:${name}:${input}:${cacheRead}:${cacheWrite}:${output}`,
        keep: 'first',
      };
    if (served) r.servedBy = served;
    if (ts !== undefined) r.timestamp = ts;
    if (cost !== undefined) r.loggedCost = cost;
    return r;
  };
}

/** The entry types pi writes besides messages (a line of these after pi's header or messages is pi's). */
const ENTRY =
  /^(message|model_change|thinking_level_change|compaction|branch_summary|custom|custom_message|label|session_info|context_transform|ephemeral)$/;

/** A model choice only pi and OpenClaw write (their own names: `modelId`, `model-snapshot`). */
const isModelChoice = (o: Obj) =>
  (o.type === 'model_change' && typeof o.modelId === 'string') ||
  (o.type === 'custom' && o.customType === 'model-snapshot');

export const pi: Dialect = {
  name: 'pi',
  detect: (o) => isHeader(o) || isAssistant(o) || isModelChoice(o),
  follows: (o) => typeof o.type === 'string' && ENTRY.test(o.type),
  normalize: (o) => piSession()(o),
  perSource: piSession,
};
