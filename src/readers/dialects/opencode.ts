import { servedBy } from '../../core/served.js';
import type { Outcome } from '../../core/usage-record.js';
import { label, missing, num, obj, optNum, str, tagValue, time } from '../values.js';
import type { Dialect } from './types.js';

/**
 * OpenCode messages (~/.local/share/opencode/storage/message/<session>/<message>.json, one JSON object per
 * file): assistant messages carry `modelID`, `providerID`, a logged `cost` (USD; 0 on subscription
 * providers) and `tokens: {input, output, reasoning, cache: {read, write}}`. OpenCode keeps the buckets
 * apart and prices each (Session.getUsage): input excludes cache reads and writes, output excludes
 * reasoning, which is billed as output; so output = output + reasoning here. Times are epoch ms
 * (`time.created`). User messages carry no tokens. Tags: the session, the project (`path.root`, the
 * folder OpenCode ran in, else `path.cwd`) and the provider.
 */
export const opencode: Dialect = {
  name: 'opencode',
  // A message without its role but with OpenCode's tokens and model ids (as tools that copy them write it)
  // is an assistant's: only those carry tokens.
  detect: (o) =>
    typeof o.sessionID === 'string' &&
    'id' in o &&
    (typeof o.role === 'string' || (obj(o.tokens) !== undefined && 'modelID' in o)),
  normalize(o): Outcome {
    if (o.role !== 'assistant' && o.role !== undefined)
      return { skip: `OpenCode ${label(o.role)} message` };
    const t = obj(o.tokens);
    if (!t) return { skip: 'OpenCode message without tokens' };
    const gone = missing(t, ['input', 'output']);
    if (gone) return { invalid: `tokens.${gone}` };
    const cache = obj(t.cache);
    const model = str(o.modelID) ?? str(obj(o.model)?.modelID);
    if (!model) return { invalid: 'no model (modelID)' };
    const reasoning = num(t.reasoning, 'tokens.reasoning');
    const cost = optNum(o.cost, 'cost');
    const ts = time(obj(o.time)?.created);
    const provider = str(o.providerID) ?? str(obj(o.model)?.providerID);
    const served = servedBy(provider);
    // The project's root folder (`path.cwd` may be a folder inside it).
    const path = obj(o.path);
    const project = str(path?.root) ?? str(path?.cwd);
    return {
      model,
      ...(served ? { servedBy: served } : {}),
      ...(ts !== undefined ? { timestamp: ts } : {}),
      input: num(t.input, 'tokens.input'),
      cacheRead: num(cache?.read, 'tokens.cache.read'),
      cacheWrite5m: num(cache?.write, 'tokens.cache.write'),
      cacheWrite1h: 0,
      output: num(t.output, 'tokens.output') + reasoning,
      reasoning,
      // opencode.db's messages give their steps (model calls; opencode-db.ts), message files do not.
      requests:
        typeof o.steps === 'number' && Number.isSafeInteger(o.steps) && o.steps > 0 ? o.steps : 1,
      ...(cost !== undefined ? { loggedCost: cost } : {}),
      tags: {
        session: o.sessionID as string,
        ...(project ? { project } : {}),
        ...(provider ? { provider } : {}),
      },
      dedup: { key: `opencode:${tagValue(o.id) ?? ''}`, keep: 'first' },
    };
  },
};
