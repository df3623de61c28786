import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { label, num, obj, optNum, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * LangChain's standard usage (`AIMessage.usage_metadata`, and LangSmith's run fields made from it). Every
 * provider's counts are brought to one rule (langchain-core's UsageMetadata): `input_tokens` includes the
 * cache and audio details below it, `output_tokens` includes reasoning and audio.
 * - input details: `cache_read`; `cache_creation`, split by Anthropic's `ephemeral_5m_input_tokens` and
 *   `ephemeral_1h_input_tokens` where langchain-anthropic gives them (else 5-minute writes); `audio`.
 * - output details: `reasoning` (already in the output count), `audio`.
 */
export function langchainUsage(
  input: unknown,
  output: unknown,
  inDetails: Obj | undefined,
  outDetails: Obj | undefined,
): Omit<UsageRecord, 'model'> {
  const d = inDetails ?? {};
  const read = num(d.cache_read, 'cache_read');
  const written = num(d.cache_creation, 'cache_creation');
  // langchain-anthropic before 1.0 gave the total and the split; since, the split with cache_creation 0.
  const oneHour = num(d.ephemeral_1h_input_tokens, 'ephemeral_1h_input_tokens');
  const fiveMin = Math.max(
    num(d.ephemeral_5m_input_tokens, 'ephemeral_5m_input_tokens'),
    written - oneHour,
  );
  const audioIn = num(d.audio, 'audio');
  const audioOut = num(outDetails?.audio, 'audio');
  const writes = fiveMin + oneHour;
  const r: Omit<UsageRecord, 'model'> = {
    input: Math.max(0, num(input, 'input_tokens') - read - writes - audioIn),
    cacheRead: read,
    cacheWrite5m: fiveMin,
    cacheWrite1h: oneHour,
    output: Math.max(0, num(output, 'output_tokens') - audioOut),
    reasoning: num(outDetails?.reasoning, 'reasoning'),
    requests: 1,
  };
  if (audioIn) r.audioInput = audioIn;
  if (audioOut) r.audioOutput = audioOut;
  return r;
}

/** The model a LangSmith run names: its metadata's `ls_model_name`, else the invocation parameters'. */
function runModel(o: Obj): string | undefined {
  const extra = obj(o.extra);
  const params = obj(extra?.invocation_params);
  return (
    str(obj(extra?.metadata)?.ls_model_name) ??
    str(params?.model) ??
    str(params?.model_name) ??
    str(obj(obj(o.outputs)?.llm_output)?.model_name)
  );
}

/**
 * LangSmith runs (`client.list_runs`, the REST API's run objects, their exports). A run of a chain or
 * agent carries the sums of the LLM runs under it, so only `run_type: llm` runs count. `total_cost` is
 * LangSmith's own estimate (text, a Decimal), kept as the logged cost.
 */
export const langsmith: Dialect = {
  name: 'langsmith',
  detect: (o) =>
    typeof o.run_type === 'string' && ('trace_id' in o || 'dotted_order' in o) && 'start_time' in o,
  normalize(o): Outcome {
    if (o.run_type !== 'llm')
      return { skip: 'LangSmith run that is not an LLM call (sums of its children)' };
    // A failed call (a rate limit) has no counts: nothing was billed.
    if (o.prompt_tokens == null && o.completion_tokens == null)
      return { skip: 'LangSmith LLM run without token counts' };
    const r: UsageRecord = {
      model: runModel(o) ?? UNKNOWN_MODEL,
      ...langchainUsage(
        o.prompt_tokens,
        o.completion_tokens,
        obj(o.prompt_token_details),
        obj(o.completion_token_details),
      ),
    };
    const ts = time(o.start_time);
    if (ts !== undefined) r.timestamp = ts;
    const cost = optNum(o.total_cost, 'total_cost');
    if (cost !== undefined) r.loggedCost = cost;
    if (str(o.id)) r.dedup = { key: `langsmith:${o.id}`, keep: 'first' };
    const project = str(o.session_name) ?? str(o.session_id);
    const tags: Record<string, string> = {};
    if (project) tags.project = project;
    if (Array.isArray(o.tags) && o.tags.length) tags.tags = o.tags.map(label).join(',');
    if (Object.keys(tags).length) r.tags = tags;
    return r;
  },
};
