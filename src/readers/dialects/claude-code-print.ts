import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { label, num, obj, optNum, str, type Obj } from '../values.js';
import { claudeCode } from './claude-code.js';
import type { Dialect } from './types.js';

/**
 * Claude Code's print mode (`claude -p --output-format json|stream-json`, the Agent SDK's messages): lines
 * with `session_id` (transcripts write `sessionId`). `stream-json` writes the run's `system`, `user` and
 * `assistant` lines, then a `result`; `json` writes the `result` only. The result totals the run per model
 * in `modelUsage` ({inputTokens, outputTokens, cacheReadInputTokens, cacheCreationInputTokens,
 * webSearchRequests, costUSD}), side calls of other models (a haiku title) included, which have no lines
 * of their own. So: assistant lines count as a transcript's do, and a result counts the models no assistant
 * line of its source named, one record per model (its costUSD the logged cost; the run does not say how
 * many calls, so each model is one request). With `json` that is every model of the run.
 */
function printSession(): (o: Obj) => Outcome {
  const counted = new Set<string>();
  return (o) => {
    if (o.type === 'assistant') {
      const model = str(obj(o.message)?.model);
      if (model) counted.add(model);
      return claudeCode.normalize(o);
    }
    if (o.type !== 'result') return { skip: `${label(o.type)} line` };
    const perModel = obj(o.modelUsage);
    if (!perModel) return { skip: 'result without modelUsage' };
    const session = str(o.session_id);
    const out: UsageRecord[] = [];
    for (const [model, value] of Object.entries(perModel)) {
      const u = obj(value);
      if (!u || !model || counted.has(model)) continue;
      const r: UsageRecord = {
        model,
        input: num(u.inputTokens, 'inputTokens'),
        cacheRead: num(u.cacheReadInputTokens, 'cacheReadInputTokens'),
        cacheWrite5m: num(u.cacheCreationInputTokens, 'cacheCreationInputTokens'),
        cacheWrite1h: 0,
        output: num(u.outputTokens, 'outputTokens'),
        reasoning: 0,
        requests: 1,
      };
      const searches = num(u.webSearchRequests, 'webSearchRequests');
      if (searches) r.webSearches = searches;
      const cost = optNum(u.costUSD, 'costUSD');
      if (cost !== undefined) r.loggedCost = cost;
      if (session) {
        r.tags = { session };
        r.dedup = { key: `claude-run:${session}:${model}`, keep: 'first' };
      }
      out.push(r);
    }
    return out.length ? out : { skip: "run total (its messages' own lines are counted)" };
  };
}

const LINES = new Set(['system', 'user', 'assistant', 'result']);

export const claudeCodePrint: Dialect = {
  name: 'claude-code-print',
  detect: (o) => typeof o.type === 'string' && LINES.has(o.type) && 'session_id' in o,
  normalize: (o) => printSession()(o),
  perSource: printSession,
};
