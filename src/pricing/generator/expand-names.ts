import { PriceBook } from '../../core/price-book.js';
import type { ModelRecord } from '../../core/types.js';

/**
 * A re-seller's or platform's record is found by its prefixed names (`groq/…`, `fireworks_ai/…`, its id), and
 * by a bare name only where that name finds no other record: `anthropic/claude-3.5-sonnet` stays the
 * creator's model, while a name only hosts serve (`meta-llama/llama-4-scout-17b-16e-instruct`) finds one.
 */
export function nameHosted(
  records: ModelRecord[],
  hosted: Map<ModelRecord, Set<string>>,
  prefixOf: Map<ModelRecord, string[]>,
): void {
  const book = new PriceBook(records.filter((r) => !hosted.has(r)));
  for (const [r, names] of hosted) {
    const prefixes = (prefixOf.get(r) ?? []).map((p) => `${p.toLowerCase()}/`);
    for (const n of names)
      if (prefixes.some((p) => n.startsWith(p)) || !book.resolve(n).ok) r.aliases.push(n);
  }
}

/** A LiteLLM key without its provider's prefix (`fireworks_ai/`, `together_ai/`, `vertex_ai/`). */
export function bareName(key: string, lp: string, provider: string): string {
  const lower = key.toLowerCase();
  for (const prefix of [lp, lp.split('-')[0]!, provider, provider.replace(/-/g, '_')])
    if (lower.startsWith(`${prefix.toLowerCase()}/`)) return key.slice(prefix.length + 1);
  return key;
}
