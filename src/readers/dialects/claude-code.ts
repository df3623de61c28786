import type { Outcome } from '../../core/usage-record.js';
import { obj, str, time } from '../values.js';
import { anthropicUsage } from './anthropic.js';
import type { Dialect } from './types.js';

const NOT_USAGE = new Set([
  'user',
  'system',
  'summary',
  'file-history-snapshot',
  'queue-operation',
]);

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
  normalize(o): Outcome {
    if (o.type !== 'assistant') return { skip: `${String(o.type)} line` };
    const m = obj(o.message);
    const u = obj(m?.usage);
    const model = str(m?.model);
    if (model === '<synthetic>' || o.isApiErrorMessage === true)
      return { skip: 'synthetic API-error row' };
    if (!m || !u) return { skip: 'assistant line without usage' };
    if (!model) return { invalid: 'no model' };
    const ts = time(o.timestamp);
    const messageId = str(m.id);
    const requestId = str(o.requestId);
    const cwd = str(o.cwd);
    return {
      model,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      ...anthropicUsage(u),
      ...(typeof o.costUSD === 'number' ? { loggedCost: o.costUSD } : {}),
      tags: {
        ...(cwd ? { project: cwd } : {}),
        ...(str(o.sessionId) ? { session: o.sessionId as string } : {}),
      },
      ...(messageId
        ? {
            dedup: {
              key: `claude:${messageId}:${requestId ?? ''}`,
              keep: 'largest' as const,
              messageId,
              ...(o.isSidechain === true ? { sidechain: true } : {}),
            },
          }
        : {}),
    };
  },
};
