import { UNKNOWN_MODEL, withOption, type Outcome } from '../../core/usage-record.js';
import { label, obj, str, time, type Obj } from '../values.js';
import { geminiUsage } from './gemini.js';
import type { Dialect } from './types.js';

/**
 * Gemini's Interactions API: an interaction (`object: "interaction"`, `model`, `status`, `usage`,
 * `created`, `service_tier`), or its stream's events (`event_type`: `interaction.created`,
 * `interaction.status_update`, `step.start|delta|stop`, and `interaction.completed` carrying the finished
 * interaction). Its usage is usageMetadata's under other names, read by the same rule (gemini.ts):
 * `total_input_tokens` holds `total_cached_tokens`, `total_tool_use_tokens` is input beside it,
 * `total_thought_tokens` is output beside `total_output_tokens` (`total_tokens` adds them all), and the
 * `*_by_modality` lists split audio and images out. `service_tier` flex and priority bill as the model's
 * variants, as Gemini's traffic types do.
 */
export const geminiInteractions: Dialect = {
  name: 'gemini-interactions',
  detect: (o) =>
    o.object === 'interaction' ||
    (typeof o.event_type === 'string' &&
      /^(interaction|step)\./.test(o.event_type) &&
      ('interaction' in o || 'interaction_id' in o || 'index' in o)),
  normalize(o): Outcome {
    const i = o.object === 'interaction' ? o : obj(o.interaction);
    const u = obj(i?.usage);
    if (!i || !u) return { skip: 'interaction event without usage' };
    const model = str(i.model) ?? UNKNOWN_MODEL;
    const tier = str(i.service_tier);
    const ts = time(i.created);
    const id = str(i.id);
    return {
      model: tier === 'flex' || tier === 'priority' ? withOption(model, tier) : model,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      ...geminiUsage(asUsageMetadata(u)),
      ...(id ? { dedup: { key: `gemini-interaction:${id}`, keep: 'first' as const } } : {}),
    };
  },
};

/** `[{modality: "audio", tokens: 5}]` as usageMetadata's `[{modality: "AUDIO", tokenCount: 5}]`. */
function details(list: unknown): { modality: string; tokenCount: unknown }[] | undefined {
  if (!Array.isArray(list)) return undefined;
  return list.map((d) => ({
    modality: label(obj(d)?.modality ?? '').toUpperCase(),
    tokenCount: obj(d)?.tokens,
  }));
}

function asUsageMetadata(u: Obj): Obj {
  return {
    promptTokenCount: u.total_input_tokens,
    cachedContentTokenCount: u.total_cached_tokens,
    candidatesTokenCount: u.total_output_tokens,
    thoughtsTokenCount: u.total_thought_tokens,
    toolUsePromptTokenCount: u.total_tool_use_tokens,
    totalTokenCount: u.total_tokens,
    promptTokensDetails: details(u.input_tokens_by_modality),
    cacheTokensDetails: details(u.cached_tokens_by_modality),
    candidatesTokensDetails: details(u.output_tokens_by_modality),
  };
}
