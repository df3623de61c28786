import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { BadRecord, label, missing, obj, str, time, type Obj } from '../values.js';
import { geminiUsage } from './gemini.js';
import type { Dialect } from './types.js';

/**
 * Gemini CLI chat recordings under ~/.gemini/tmp/<project hash>/chats/. Each `type: "gemini"` message
 * carries `model` and `tokens: {input, output, cached, thoughts, tool, total}`, which the CLI copies from
 * the response's usageMetadata (input = promptTokenCount, which includes cached; output =
 * candidatesTokenCount; thoughts are billed as output; tool = toolUsePromptTokenCount): buckets as the
 * gemini dialect. User, info and error messages carry no tokens. Two layouts (chatRecordingService.ts):
 * - `session-*.json`, earlier versions: one document, `{sessionId, projectHash, startTime, lastUpdated,
 *   messages: [...]}`.
 * - `session-*.jsonl` (and subagents' `<parent session>/<id>.jsonl`), later versions: a first line
 *   `{sessionId, projectHash, startTime, ...}`, then each message as a line, appended again whole when it
 *   changes (its tokens once known, tool calls), `{"$set": {...}}` metadata updates (one may repeat every
 *   message: not counted again) and `{"$rewindTo": id}`. A message id is counted once, from the first line
 *   that has its tokens (the CLI sets them once); replies a rewind dropped were billed and are counted.
 */
const MESSAGE_TYPES = new Set(['user', 'gemini', 'info', 'error', 'warning']);

/** The session's own fields (chatRecordingService.ts's ConversationRecord, without its messages). */
const SESSION_KEYS = new Set([
  'sessionId',
  'projectHash',
  'startTime',
  'lastUpdated',
  'summary',
  'kind',
  'directories',
]);
/**
 * A session's head: with its `projectHash`, or (a recording copied or written by another tool without it)
 * a `startTime` and nothing but the session's own fields, so no app's line that also names a session is
 * taken for one.
 */
const isSessionHead = (o: Obj) =>
  typeof o.sessionId === 'string' &&
  (typeof o.projectHash === 'string' ||
    (typeof o.startTime === 'string' &&
      Object.keys(o).every((k) => SESSION_KEYS.has(k) || k === 'messages')));
const isDocument = (o: Obj) => Array.isArray(o.messages) && isSessionHead(o);
const isSessionLine = (o: Obj) => !('messages' in o) && isSessionHead(o);
const isMessageLine = (o: Obj) =>
  typeof o.id === 'string' &&
  typeof o.timestamp === 'string' &&
  MESSAGE_TYPES.has(o.type as string);

interface Session {
  session?: string;
  project?: string;
}

/** A model reply as a record; undefined for other messages and replies without tokens. */
function reply(m: Obj | undefined, s: Session): UsageRecord | undefined {
  const t = obj(m?.tokens);
  if (!m || !t || m.type !== 'gemini') return undefined;
  // The CLI writes every count of `tokens` (chatRecordingService.ts): one missing is a changed shape.
  const gone = missing(t, ['input', 'output']);
  if (gone) throw new BadRecord(`missing field: tokens.${gone}`);
  const r: UsageRecord = {
    model: str(m.model) ?? '(unknown model)',
    ...geminiUsage({
      promptTokenCount: t.input,
      cachedContentTokenCount: t.cached,
      candidatesTokenCount: t.output,
      thoughtsTokenCount: t.thoughts,
      toolUsePromptTokenCount: t.tool,
    }),
    tags: {
      ...(s.session ? { session: s.session } : {}),
      ...(s.project ? { project: s.project } : {}),
    },
  };
  const ts = time(m.timestamp);
  if (ts !== undefined) r.timestamp = ts;
  const id = str(m.id);
  if (id) r.dedup = { key: `gemini-cli:${id}`, keep: 'first' };
  return r;
}

function document(o: Obj): Outcome {
  const s = { session: o.sessionId as string, project: str(o.projectHash) };
  const out: UsageRecord[] = [];
  for (const item of o.messages as unknown[]) {
    const r = reply(obj(item), s);
    if (r) out.push(r);
  }
  return out.length ? out : { skip: 'Gemini CLI session without model replies' };
}

/** The lines of one .jsonl recording: the session line names the session its messages belong to. */
function recording(): (o: Obj) => Outcome {
  const s: Session = {};
  return (o) => {
    if (isDocument(o)) return document(o);
    if (isSessionLine(o)) {
      s.session = o.sessionId as string;
      s.project = str(o.projectHash);
      return { skip: 'Gemini CLI session start' };
    }
    if ('$set' in o) return { skip: 'Gemini CLI metadata update' };
    if ('$rewindTo' in o) return { skip: 'Gemini CLI rewind' };
    if (o.type !== 'gemini') return { skip: `Gemini CLI ${label(o.type)} message` };
    return reply(o, s) ?? { skip: 'Gemini CLI reply without tokens (yet)' };
  };
}

export const geminiCli: Dialect = {
  name: 'gemini-cli',
  detect: (o) => isDocument(o) || isSessionLine(o),
  // A message line (`id`, `timestamp`, `type: "user"`) could be any app's log line: it is Gemini CLI's
  // only after the recording's session line.
  follows: (o) => isMessageLine(o) || '$set' in o || '$rewindTo' in o,
  normalize: (o) => recording()(o),
  perSource: recording,
};
