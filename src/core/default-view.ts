import type { ModelRecord } from './types.js';

/**
 * The default view of a catalog of thousands: the current models their creators sell themselves. A
 * platform's or re-seller's copy (Bedrock, Azure, OpenRouter, Groq…) shows when asked for by provider,
 * deprecated models with `--all`, and so do billing options priced as records of their own (fast mode).
 */
export function isDefaultView(r: ModelRecord): boolean {
  return r.provider === r.creator && r.status !== 'deprecated' && !r.variantOf;
}
