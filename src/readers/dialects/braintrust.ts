import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { num, obj, optNum, str, tagValue, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Braintrust logs and experiment rows (a project's logs or an experiment downloaded as JSON, or fetched
 * through its API): spans with `span_id`, `root_span_id`, `span_attributes: {name, type}`, the model in
 * `metadata.model` and the usage in `metrics`, Braintrust's canonical keys:
 * - `prompt_tokens` holds the cache: `prompt_cached_tokens` (reads) and `prompt_cache_creation_tokens`
 *   (writes); its SDK wrappers add Anthropic's cache counts back into it. A prompt below its own cache
 *   counts was logged the Anthropic way (cache beside it) and is read so.
 * - `completion_tokens` holds `completion_reasoning_tokens`.
 * Only LLM spans (`span_attributes.type: llm`) are calls: a task or function span that sums its children's
 * usage would count them twice. Rows without a span type count.
 */
export const braintrust: Dialect = {
  name: 'braintrust',
  detect(o) {
    const m = obj(o.metrics);
    return (
      !!m &&
      ('prompt_tokens' in m || 'completion_tokens' in m) &&
      ('span_id' in o || 'root_span_id' in o || 'span_attributes' in o)
    );
  },
  normalize(o): Outcome {
    const type = str(obj(o.span_attributes)?.type);
    if (type !== undefined && type !== 'llm')
      return { skip: 'Braintrust span that is not an LLM call' };
    const m = obj(o.metrics)!;
    const meta = obj(o.metadata);
    const prompt = num(m.prompt_tokens, 'prompt_tokens');
    const read = num(m.prompt_cached_tokens, 'prompt_cached_tokens');
    const write = num(m.prompt_cache_creation_tokens, 'prompt_cache_creation_tokens');
    const output = num(m.completion_tokens, 'completion_tokens');
    const rec: UsageRecord = {
      model: str(meta?.model) ?? UNKNOWN_MODEL,
      input: prompt >= read + write ? prompt - read - write : prompt,
      cacheRead: read,
      cacheWrite5m: write,
      cacheWrite1h: 0,
      output,
      reasoning: Math.min(
        output,
        num(m.completion_reasoning_tokens, 'completion_reasoning_tokens'),
      ),
      requests: 1,
    };
    const cost = optNum(m.estimated_cost, 'estimated_cost');
    if (cost !== undefined) rec.loggedCost = cost;
    const provider = str(meta?.provider);
    if (provider) rec.servedBy = provider;
    // `created` is ISO; metrics.start is the span's start in epoch seconds.
    const ts = time(o.created ?? m.start);
    if (ts !== undefined) rec.timestamp = ts;
    const id = str(o.id) ?? str(o.span_id);
    if (id) rec.dedup = { key: `braintrust:${id}`, keep: 'first' };
    const tags = tagsOf(o, meta);
    if (tags) rec.tags = tags;
    return rec;
  },
};

/** The root span as the trace, and the scalar metadata beside the model (user, feature, …). */
function tagsOf(o: Obj, meta: Obj | undefined): Record<string, string> | undefined {
  let tags: Record<string, string> | undefined;
  const bag = () => (tags ??= Object.create(null) as Record<string, string>);
  const root = tagValue(o.root_span_id);
  if (root) bag().trace = root;
  for (const [k, v] of Object.entries(meta ?? {})) {
    if (k === 'model' || k === 'provider' || v === null || typeof v === 'object') continue;
    bag()[k] = String(v);
  }
  return tags;
}
