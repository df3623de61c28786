import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { obj, optNum, str, tagValue, time, type Obj } from '../values.js';
import { anthropicUsage } from './anthropic.js';
import { converseBuckets } from './bedrock.js';
import { geminiUsage } from './gemini.js';
import { openaiUsage } from './openai.js';
import type { Dialect } from './types.js';

/**
 * Opik (Comet) spans as its UI or REST API exports them: `{id, trace_id, type, name, model, provider,
 * start_time, usage, total_estimated_cost}`. `usage` holds OpenAI-style `prompt_tokens`/`completion_tokens`
 * that Opik derives, and the provider's own counts flattened under `original_usage.` (its SDK's
 * `to_backend_compatible_full_usage_dict`). The derived counts are not the bill: for Anthropic
 * `prompt_tokens` is input + cache reads and `completion_tokens` output + cache writes. So the original
 * counts are read by their provider's rule (Anthropic, OpenAI chat or Responses, Gemini's snake_case,
 * Bedrock's camelCase); only without them do the derived counts stand, read OpenAI's way.
 * Spans whose `type` is not `llm` (general, tool, guardrail) and traces (which sum their spans) are skipped.
 */
export const opik: Dialect = {
  name: 'opik',
  detect(o) {
    const u = obj(o.usage);
    if (!u) return false;
    for (const k in u) if (k.startsWith(PREFIX)) return true;
    return 'trace_id' in o && 'total_estimated_cost' in o;
  },
  normalize(o): Outcome {
    if (typeof o.type === 'string' && o.type !== 'llm')
      return { skip: 'Opik span that is not an LLM call' };
    if (!('trace_id' in o) && ('span_count' in o || 'llm_span_count' in o))
      return { skip: 'Opik trace (its spans are counted on their own)' };
    const u = obj(o.usage)!;
    const model = str(o.model) ?? UNKNOWN_MODEL;
    const rec: UsageRecord = { model, ...buckets(u, model) };
    const cost = optNum(o.total_estimated_cost, 'total_estimated_cost');
    if (cost !== undefined) rec.loggedCost = cost;
    const provider = str(o.provider);
    if (provider) rec.servedBy = provider;
    const ts = time(o.start_time ?? o.created_at);
    if (ts !== undefined) rec.timestamp = ts;
    const id = str(o.id);
    if (id) rec.dedup = { key: `opik:${id}`, keep: 'first' };
    const trace = tagValue(o.trace_id);
    if (trace) rec.tags = { trace };
    return rec;
  },
};

const PREFIX = 'original_usage.';

/**
 * The provider's own counts, unflattened (`original_usage.prompt_tokens_details.cached_tokens`), in
 * prototype-less objects: a key such as `original_usage.__proto__.x` is only a name here.
 */
function original(u: Obj): Obj | undefined {
  let out: Obj | undefined;
  const bag = () => Object.create(null) as Obj;
  for (const [k, v] of Object.entries(u)) {
    if (!k.startsWith(PREFIX)) continue;
    const path = k.slice(PREFIX.length).split('.');
    let at = (out ??= bag());
    for (const part of path.slice(0, -1)) {
      const next = at[part];
      at = next !== null && typeof next === 'object' ? (next as Obj) : (at[part] = bag());
    }
    at[path[path.length - 1]!] = v;
  }
  return out;
}

const GEMINI_NAMES: Record<string, string> = {
  prompt_token_count: 'promptTokenCount',
  candidates_token_count: 'candidatesTokenCount',
  cached_content_token_count: 'cachedContentTokenCount',
  thoughts_token_count: 'thoughtsTokenCount',
  tool_use_prompt_token_count: 'toolUsePromptTokenCount',
};

function buckets(u: Obj, model: string): Omit<UsageRecord, 'model'> {
  const o = original(u);
  if (o && ('cache_read_input_tokens' in o || 'cache_creation_input_tokens' in o))
    return anthropicUsage(o);
  if (o && ('prompt_token_count' in o || 'candidates_token_count' in o))
    return geminiUsage(
      Object.fromEntries(Object.entries(o).map(([k, v]) => [GEMINI_NAMES[k] ?? k, v])),
    );
  if (o && 'inputTokens' in o) return converseBuckets(o);
  if (o && ('prompt_tokens' in o || 'input_tokens' in o)) {
    // Anthropic's counts without cache fields read the same either way; Claude keeps Anthropic's rule.
    if (!('input_tokens_details' in o) && !('prompt_tokens' in o) && /claude/i.test(model))
      return anthropicUsage(o);
    return openaiUsage(o, model, undefined);
  }
  return openaiUsage(u, model, undefined);
}
