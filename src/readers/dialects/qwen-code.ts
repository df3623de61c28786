import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { interned, label, obj, str, time } from '../values.js';
import { geminiUsage } from './gemini.js';
import type { Dialect } from './types.js';

/**
 * Qwen Code's chat recordings ($QWEN_RUNTIME_DIR/projects/<project>/chats/<session>.jsonl, default
 * ~/.qwen; its ChatRecordingService): a record a line with `uuid`, `parentUuid`, `sessionId`,
 * `timestamp`, `type` (user, assistant, tool_result, system), `cwd`, `version`, the message in Gemini's
 * Content shape (`role`, `parts`), and on assistant records `model` and `usageMetadata`, Gemini's usage
 * (Qwen Code converts every provider's usage to it: gemini.ts's rule, the record's total deciding whether
 * the candidates hold the thoughts, as they do when converted from OpenAI's shape). Subagent records
 * (`isSidechain`, `agentId`) are calls of their own. Told apart from Claude Code's transcripts, whose
 * lines look alike, by the Gemini-shaped message, the usage or the system payload.
 */
export const qwenCode: Dialect = {
  name: 'qwen-code',
  detect: (o) =>
    // An assistant record with Gemini-shaped usage is Qwen Code's whatever else it lacks: Claude Code's,
    // which look alike, carry `message.usage`.
    (o.type === 'assistant' && obj(o.usageMetadata) !== undefined) ||
    (typeof o.uuid === 'string' &&
      typeof o.type === 'string' &&
      'cwd' in o &&
      'sessionId' in o &&
      (Array.isArray(obj(o.message)?.parts) || 'systemPayload' in o || 'toolCallResult' in o)),
  normalize(o): Outcome {
    if (o.type !== 'assistant') return { skip: `${label(o.type)} line` };
    const u = obj(o.usageMetadata);
    if (!u) return { skip: 'assistant line without usage' };
    const r: UsageRecord = { model: interned(str(o.model) ?? UNKNOWN_MODEL), ...geminiUsage(u) };
    const ts = time(o.timestamp);
    if (ts !== undefined) r.timestamp = ts;
    const tags: Record<string, string> = {};
    const cwd = str(o.cwd);
    if (cwd) tags.project = interned(cwd);
    const session = str(o.sessionId);
    if (session) tags.session = interned(session);
    r.tags = tags;
    if (typeof o.uuid === 'string') r.dedup = { key: `qwen:${o.uuid}`, keep: 'first' };
    return r;
  },
};
