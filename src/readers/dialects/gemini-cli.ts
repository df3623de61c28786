import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { obj, str, time } from '../values.js';
import { geminiUsage } from './gemini.js';
import type { Dialect } from './types.js';

/**
 * Gemini CLI chat recordings (~/.gemini/tmp/<project hash>/chats/session-*.json): one JSON document per
 * session, `{sessionId, projectHash, startTime, lastUpdated, messages: [...]}`. Each `type: "gemini"`
 * message carries `model` and `tokens: {input, output, cached, thoughts, tool, total}`, which the CLI copies
 * from the response's usageMetadata (input = promptTokenCount, which includes cached; output =
 * candidatesTokenCount; thoughts are billed as output; tool = toolUsePromptTokenCount): buckets as the
 * gemini dialect. User, info and error messages carry no tokens. Message ids de-duplicate a session saved
 * twice.
 */
export const geminiCli: Dialect = {
  name: 'gemini-cli',
  detect: (o) => typeof o.sessionId === 'string' && Array.isArray(o.messages) && 'projectHash' in o,
  normalize(o): Outcome {
    const session = o.sessionId as string;
    const project = str(o.projectHash);
    const out: UsageRecord[] = [];
    for (const item of o.messages as unknown[]) {
      const m = obj(item);
      const t = obj(m?.tokens);
      if (!m || !t || m.type !== 'gemini') continue;
      const r: UsageRecord = {
        model: str(m.model) ?? '(unknown model)',
        ...geminiUsage({
          promptTokenCount: t.input,
          cachedContentTokenCount: t.cached,
          candidatesTokenCount: t.output,
          thoughtsTokenCount: t.thoughts,
          toolUsePromptTokenCount: t.tool,
        }),
        tags: { session, ...(project ? { project } : {}) },
      };
      const ts = time(m.timestamp);
      if (ts !== undefined) r.timestamp = ts;
      const id = str(m.id);
      if (id) r.dedup = { key: `gemini-cli:${id}`, keep: 'first' };
      out.push(r);
    }
    return out.length ? out : { skip: 'Gemini CLI session without model replies' };
  },
};
