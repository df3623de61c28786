import { servedBy } from '../../core/served.js';
import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { interned, label, num, obj, optNum, str, withoutCache, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Cline's task messages (`tasks/<task>/ui_messages.json`, one JSON array; Roo Code and Kilo Code keep the
 * same): `{ts, type: "say" | "ask", say | ask, text}`. A model request is an `api_req_started` message whose
 * `text` is its usage as JSON (ClineApiReqInfo): `tokensIn`, `tokensOut`, `cacheWrites`, `cacheReads`,
 * `cost` (Cline's own price: the logged cost), and in later versions `apiProtocol`, `modelId`, `providerId`
 * (earlier ones wrote the usage on an `api_req_finished` message after it, the started one holding only the
 * request). The model is the request's, else the message's `modelInfo` (later versions put it on every
 * message), else the task's metadata (cline-tasks.ts puts it on the message).
 *
 * `tokensIn` is the provider's input count as it came: Anthropic's leaves the cache out, OpenAI-style
 * providers' hold it. `apiProtocol` says which; where a version did not write it, the provider decides as Roo
 * Code's getApiProtocol does (Anthropic and Claude Code, and Claude models on Bedrock or Vertex: Anthropic's;
 * every other provider: OpenAI's; no provider: a Claude model is Anthropic's). An input count smaller than its
 * cache counts cannot hold them whatever the protocol says. Output holds reasoning. A request cancelled or
 * failed before its usage came is skipped by that reason. Tag `session`: the task.
 */
const CLINE_TYPES = new Set(['say', 'ask']);

const ANTHROPIC_PROVIDERS = new Set(['anthropic', 'claude-code']);
const CLAUDE_HOSTS = new Set(['bedrock', 'vertex', 'aws-bedrock']);

function anthropicProtocol(info: Obj, provider: string | undefined, model: string): boolean {
  if (info.apiProtocol === 'anthropic' || info.apiProtocol === 'openai')
    return info.apiProtocol === 'anthropic';
  const claude = /claude/i.test(model);
  if (!provider) return claude;
  return ANTHROPIC_PROVIDERS.has(provider) || (CLAUDE_HOSTS.has(provider) && claude);
}

function requestInfo(text: unknown): Obj | undefined {
  if (typeof text !== 'string') return undefined;
  try {
    return obj(JSON.parse(text) as unknown);
  } catch {
    return undefined;
  }
}

export const cline: Dialect = {
  name: 'cline',
  detect: (o) =>
    typeof o.ts === 'number' &&
    CLINE_TYPES.has(o.type as string) &&
    (typeof o.say === 'string' || typeof o.ask === 'string'),
  normalize(o): Outcome {
    // Earlier versions wrote the usage on an `api_req_finished` message after its `api_req_started`.
    if (o.say !== 'api_req_started' && o.say !== 'api_req_finished')
      return { skip: `Cline ${label(o.say ?? o.ask)} message` };
    const info = requestInfo(o.text);
    if (!info) return { invalid: 'text (the request as JSON)' };
    if (info.tokensIn === undefined && info.tokensOut === undefined)
      return {
        skip: info.cancelReason
          ? 'Cline request cancelled before its usage'
          : 'Cline request without usage',
      };
    // The request's own names, then the message's `modelInfo` (later versions), then the task's metadata.
    const modelInfo = obj(o.modelInfo);
    const model = str(info.modelId) ?? str(modelInfo?.modelId) ?? str(o.modelId) ?? UNKNOWN_MODEL;
    const provider = str(info.providerId) ?? str(modelInfo?.providerId) ?? str(o.providerId);
    const tokensIn = num(info.tokensIn, 'tokensIn');
    const reads = num(info.cacheReads, 'cacheReads');
    const writes = num(info.cacheWrites, 'cacheWrites');
    const r: UsageRecord = {
      model: interned(model),
      timestamp: o.ts as number,
      input: anthropicProtocol(info, provider, model)
        ? tokensIn
        : withoutCache(tokensIn, reads + writes),
      cacheRead: reads,
      cacheWrite5m: writes,
      cacheWrite1h: 0,
      output: num(info.tokensOut, 'tokensOut'),
      reasoning: 0,
      requests: 1,
    };
    const served = servedBy(provider);
    if (served) r.servedBy = served;
    const cost = optNum(info.cost, 'cost');
    if (cost !== undefined) r.loggedCost = cost;
    const task = str(o.taskId);
    r.tags = {
      ...(task ? { session: interned(task) } : {}),
      ...(provider ? { provider: interned(provider) } : {}),
    };
    if (task) r.dedup = { key: `cline:${task}:${o.ts as number}`, keep: 'first' };
    return r;
  },
};
