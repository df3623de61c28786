import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { interned, label, missing, obj, str, time } from '../values.js';
import { advisorRecords, anthropicUsage, billedModel } from './anthropic.js';
import { claudeCodeText } from './claude-code-text.js';
import type { Dialect } from './types.js';

const NOT_USAGE = new Set([
  'user',
  'system',
  'summary',
  'file-history-snapshot',
  'queue-operation',
]);

let lastCwd: string | undefined;
let lastSession: string | undefined;
let lastTags: Record<string, string> = {};

/**
 * A session's lines share one tags object (a record's tags are never changed after it is read: a `--by`
 * field makes a new object), so that the records held until their file is settled do not each hold one.
 */
function tagsOf(cwd: string | undefined, session: string | undefined): Record<string, string> {
  if (cwd === lastCwd && session === lastSession) return lastTags;
  const tags: Record<string, string> = {};
  if (cwd) tags.project = interned(cwd);
  if (session) tags.session = interned(session);
  lastCwd = cwd;
  lastSession = session;
  return (lastTags = tags);
}

/** Counts every Claude Code version writes in a message's usage (the API's). */
const COUNTS = ['input_tokens', 'output_tokens'] as const;

/**
 * Claude Code transcripts (~/.claude/projects/<project>/<session>.jsonl). Assistant lines carry the Anthropic
 * usage object verbatim; streaming writes several lines per response sharing message.id + requestId, the
 * largest being final. `<synthetic>` rows are API errors, not usage.
 */
export const claudeCode: Dialect = {
  name: 'claude-code',
  detect: (o) =>
    typeof o.type === 'string' &&
    (NOT_USAGE.has(o.type) || o.type === 'assistant') &&
    ('sessionId' in o ||
      'parentUuid' in o ||
      'leafUuid' in o ||
      'uuid' in o ||
      'messageId' in o ||
      // A user line of an older or trimmed transcript may carry none of the ids, only its message.
      (o.type === 'user' && obj(o.message)?.role === 'user')),
  text: claudeCodeText,
  normalize(o): Outcome {
    if (o.type !== 'assistant') return { skip: `${label(o.type)} line` };
    const m = obj(o.message);
    const u = obj(m?.usage);
    const model = str(m?.model);
    if (model === '<synthetic>' || o.isApiErrorMessage === true)
      return { skip: 'synthetic API-error row' };
    if (!m || !u) return { skip: 'assistant line without usage' };
    if (!model) return { invalid: 'no model' };
    const gone = missing(u, COUNTS);
    if (gone) return { invalid: `message.usage.${gone}` };
    // Built field by field, not spread: this runs for every assistant line of a tree.
    const r: UsageRecord = anthropicUsage(u) as UsageRecord;
    r.model = interned(billedModel(model, u));
    const ts = time(o.timestamp);
    if (ts !== undefined) r.timestamp = ts;
    if (typeof o.costUSD === 'number') r.loggedCost = o.costUSD;
    // Print mode (claude-code-print.ts) writes session_id.
    r.tags = tagsOf(str(o.cwd), str(o.sessionId) ?? str(o.session_id));
    const messageId = str(m.id);
    let key: string | undefined;
    if (messageId) {
      // join makes one flat string; a template literal makes a rope that hashing flattens into a second copy.
      key = ['claude', messageId, str(o.requestId) ?? ''].join(':');
      r.dedup = { key, keep: 'largest', messageId };
      if (o.isSidechain === true) r.dedup.sidechain = true;
    }
    // The advisor tool's steps: the response's time and tags, counted once from the first snapshot listing
    // them. Most responses list no steps: no shared fields are built for them (this runs for every line).
    if (!Array.isArray(u.iterations)) return r;
    const advisors = advisorRecords(
      u,
      { ...(r.timestamp !== undefined ? { timestamp: r.timestamp } : {}), tags: r.tags! },
      key,
    );
    return advisors.length ? [r, ...advisors] : r;
  },
};
