import { joinKey } from '../../core/join-key.js';
import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { num, obj, optNum, str, tagValue, time, type Obj } from '../values.js';
import { anthropicUsage } from './anthropic.js';
import { openaiUsage } from './openai.js';
import type { Dialect } from './types.js';

/**
 * W&B Weave calls as its UI or API exports them (`id`, `trace_id`, `parent_id`, `op_name`, `started_at`,
 * `summary: {usage: {<model>: {requests, prompt_tokens | input_tokens, …}}, weave: {costs}}`). Weave adds
 * each call's summary into its parent's as the call finishes, so a trace's root call holds the whole
 * trace's usage, per model: roots (`parent_id` null) are read, one record per model with its `requests`,
 * and calls inside a trace are skipped by reason, which counts every call once. An export filtered down to
 * inner calls (the model calls without their roots) therefore reads nothing, and says so in its skip line.
 * Each model's counts are read by their provider's rule (Anthropic's names, else OpenAI's); a root sums
 * many requests, so the long-context price is not decided by its sum. `summary.weave.costs[<model>]`
 * (prompt and completion totals, when the export includes costs) is the logged cost.
 */
export const weave: Dialect = {
  name: 'weave',
  detect: (o) =>
    typeof o.op_name === 'string' && 'trace_id' in o && 'parent_id' in o && 'summary' in o,
  normalize(o): Outcome {
    if (o.parent_id !== null && o.parent_id !== undefined && o.parent_id !== '')
      return { skip: 'Weave call inside a trace (its root holds its usage)' };
    const summary = obj(o.summary);
    const usage = obj(summary?.usage);
    if (!usage) return { skip: 'Weave call without usage' };
    const costs = obj(obj(summary?.weave)?.costs);
    const ts = time(o.started_at);
    const tags = tagsOf(o);
    const id = str(o.id);
    const out: UsageRecord[] = [];
    for (const [model, v] of Object.entries(usage)) {
      const u = obj(v);
      if (!u) continue;
      const r = bucketsOf(model, u);
      r.requests = num(u.requests, 'requests');
      r.promptSize = 0;
      const cost = costOf(obj(costs?.[model]));
      if (cost !== undefined) r.loggedCost = cost;
      if (ts !== undefined) r.timestamp = ts;
      if (tags) r.tags = tags;
      // One record per model of the root: the same call exported twice counts once, each model once.
      if (id) r.dedup = { key: joinKey(['weave', id, model]), keep: 'first' };
      out.push(r);
    }
    return out.length ? out : { skip: 'Weave call without usage' };
  },
};

/** A model's summed counts: Anthropic's names (input without the cache) or OpenAI's (input with it). */
function bucketsOf(model: string, u: Obj): UsageRecord {
  if ('cache_read_input_tokens' in u || 'cache_creation_input_tokens' in u || 'input_tokens' in u)
    if (!('input_tokens_details' in u) && !('prompt_tokens' in u))
      return { model, ...anthropicUsage(u) };
  return openaiUsage(u, model, undefined);
}

function costOf(c: Obj | undefined): number | undefined {
  if (!c) return undefined;
  const p = optNum(c.prompt_tokens_total_cost, 'prompt_tokens_total_cost');
  const q = optNum(c.completion_tokens_total_cost, 'completion_tokens_total_cost');
  return p === undefined && q === undefined ? undefined : (p ?? 0) + (q ?? 0);
}

/** The trace, the op and the W&B user as tags. */
function tagsOf(o: Obj): Record<string, string> | undefined {
  let tags: Record<string, string> | undefined;
  for (const [v, k] of [
    [o.trace_id, 'trace'],
    [o.display_name ?? opName(o.op_name), 'op'],
    [o.wb_user_id, 'user'],
  ] as const) {
    const t = tagValue(v);
    if (t) (tags ??= {})[k] = t;
  }
  return tags;
}

/** `weave:///entity/project/op/answer_question:v3hash` -> `answer_question`. */
function opName(v: unknown): string | undefined {
  const s = str(v);
  if (!s) return undefined;
  const last = s.slice(s.lastIndexOf('/') + 1);
  return last.split(':')[0] || undefined;
}
