import type { Tokenizer } from '../../core/types.js';

/**
 * The curated list of models the bundled catalog carries, and where each price comes from.
 * g: genai-prices [provider, model id] (preferred, newer); l: LiteLLM key (batch prices, max output, or
 * the price itself when `from: 'litellm'` because genai-prices is stale for that model, see reference.md §4).
 */
export interface ModelSpec {
  id: string;
  provider: string;
  creator: string;
  tokenizer: Tokenizer;
  g?: [string, string];
  l?: string;
  from?: 'litellm';
  aliases?: string[];
  name?: string;
  note?: string;
}

export type Row = [id: string, g: string | null, l: string | null, extra?: Partial<ModelSpec>];

export function family(
  provider: string,
  creator: string,
  gProvider: string,
  tokenizer: Tokenizer,
  rows: Row[],
): ModelSpec[] {
  return rows.map(([id, g, l, extra]) => ({
    id,
    provider,
    creator,
    tokenizer,
    ...(g ? { g: [gProvider, g] as [string, string] } : {}),
    ...(l ? { l } : {}),
    ...extra,
  }));
}

export const cl100k: Partial<ModelSpec> = { tokenizer: 'cl100k_base' };
