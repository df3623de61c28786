import type { PriceSet, TokenBuckets, Tokenizer } from './types.js';

/**
 * The one registry of token buckets and the price units they are billed in. Cost, cache savings, the sums
 * of tokens, the override schema, the `models` table and the catalog generator all derive from it:
 * adding a bucket or a unit is a change here, then wherever the compiler asks.
 *
 * Buckets are exclusive (DESIGN.md, money semantics). `prompt` buckets make up the prompt that decides a
 * long-context tier; `fallback` is the unit a bucket is billed at when the catalog has no price of its own
 * (an unpriced cache read or write is plain input; a 1-hour write without its price, the 5-minute one).
 */
export const BUCKETS = [
  { key: 'input', unit: 'input', prompt: true, label: 'input' },
  { key: 'cacheRead', unit: 'cacheRead', prompt: true, label: 'cache read', fallback: 'input' },
  { key: 'cacheWrite5m', unit: 'cacheWrite5m', prompt: true, label: 'write 5m', fallback: 'input' },
  {
    key: 'cacheWrite1h',
    unit: 'cacheWrite1h',
    prompt: true,
    label: 'write 1h',
    fallback: 'cacheWrite5m',
  },
  { key: 'output', unit: 'output', prompt: false, label: 'output' },
  { key: 'audioInput', unit: 'audioInput', prompt: true, label: 'audio in', fallback: 'input' },
  {
    key: 'audioCacheRead',
    unit: 'audioCacheRead',
    prompt: true,
    label: 'audio cached',
    fallback: 'audioInput',
  },
  { key: 'imageInput', unit: 'imageInput', prompt: true, label: 'image in', fallback: 'input' },
  {
    key: 'audioOutput',
    unit: 'audioOutput',
    prompt: false,
    label: 'audio out',
    fallback: 'output',
  },
  // Generated images (Gemini's image models: $30/M against $2.50 for text); a model whose catalog record
  // prices all output as images (gpt-image-1) has no price of its own here, so output's applies.
  {
    key: 'imageOutput',
    unit: 'imageOutput',
    prompt: false,
    label: 'image out',
    fallback: 'output',
  },
  // A count of events, not tokens: billed per 1,000, and at nothing where the catalog has no price.
  { key: 'webSearches', unit: 'webSearch', prompt: false, label: 'web search /1K', perEvent: true },
  { key: 'requests', unit: 'request', prompt: false, label: 'request /1K', perEvent: true },
] as const satisfies readonly {
  key: keyof TokenBuckets;
  unit: keyof PriceSet;
  prompt: boolean;
  label: string;
  fallback?: keyof PriceSet;
  perEvent?: true;
}[];

export type BucketKey = (typeof BUCKETS)[number]['key'];

/** Per-token price units of a price set (USD per 1M tokens), in the registry's order. */
export const TOKEN_UNITS = BUCKETS.map((b) => b.unit);

/** Units priced only for batch traffic. */
export const BATCH_UNITS = ['batchInput', 'batchOutput'] as const;

/** Every price a catalog period or an override may carry. */
export const PRICE_UNITS = [...TOKEN_UNITS, ...BATCH_UNITS] as const;

/** The tokenizer families the catalog names. */
export const TOKENIZERS = [
  'o200k_base',
  'cl100k_base',
  'claude',
  'gemini',
  'llama',
  'mistral',
  'deepseek',
  'grok',
  'other',
] as const satisfies readonly Tokenizer[];

type Bucket = (typeof BUCKETS)[number];
const BY_UNIT = new Map<keyof PriceSet, Bucket>(BUCKETS.map((b) => [b.unit, b]));
// A lookup, not a search: rateOf runs per bucket of every row `analyze --emit` writes.
const BY_KEY = new Map<BucketKey, Bucket>(BUCKETS.map((b) => [b.key, b]));

/** The rate a bucket is billed at under `rates`: its own unit, else along its fallback chain. */
export function rateOf(rates: PriceSet, bucket: BucketKey): number {
  let b: Bucket | undefined = BY_KEY.get(bucket);
  if (b && 'perEvent' in b) return rates[b.unit] ?? 0;
  while (b) {
    const v = rates[b.unit];
    if (v !== undefined) return v;
    b = 'fallback' in b ? BY_UNIT.get(b.fallback) : undefined;
  }
  return rates.input;
}

/**
 * A bucket's key or unit as a SQL column name (cacheWrite5m -> cache_write_5m): the one rule by which the
 * rows of `analyze --emit` and the view of `prices export` name the same columns.
 */
export const columnName = (key: string): string =>
  key.replace(/[A-Z0-9]+/g, (m) => `_${m.toLowerCase()}`);

/** Token units as tables show them: the base units (input, output), then those that fall back. */
export const DISPLAY_BUCKETS = [
  ...BUCKETS.filter((b) => !('fallback' in b)),
  ...BUCKETS.filter((b) => 'fallback' in b),
];

/**
 * All prompt tokens: input, cache reads and cache writes, and audio and image input (what decides a
 * long-context tier).
 */
export function promptTokens(t: TokenBuckets): number {
  return (
    t.input +
    t.cacheRead +
    t.cacheWrite5m +
    t.cacheWrite1h +
    (t.audioInput ?? 0) +
    (t.audioCacheRead ?? 0) +
    (t.imageInput ?? 0)
  );
}

/** Every token: the prompt and the output (text and audio). */
export function allTokens(t: TokenBuckets): number {
  return promptTokens(t) + t.output + (t.audioOutput ?? 0) + (t.imageOutput ?? 0);
}

/** Price units per 1M tokens: every unit but the per-event ones. */
export const PER_TOKEN_UNITS = BUCKETS.filter((b) => !('perEvent' in b)).map((b) => b.unit);
