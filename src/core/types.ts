/** Prices are USD per 1M tokens, as providers publish them. */
export interface PriceSet {
  input: number;
  output: number;
  cacheRead?: number;
  cacheWrite5m?: number;
  cacheWrite1h?: number;
  /** Audio prompt tokens (OpenAI's audio and realtime models, Gemini's audio input). */
  audioInput?: number;
  /** Audio prompt tokens read from the prompt cache. */
  audioCacheRead?: number;
  /** Image prompt tokens, where a model bills them apart from text. */
  imageInput?: number;
  /** Audio output tokens. */
  audioOutput?: number;
  /** Generated image tokens, where a model bills them apart from text output. */
  imageOutput?: number;
  /** USD per 1,000 web searches (a per-request fee, not per token). */
  webSearch?: number;
  /** USD per 1,000 requests: a fee on every call (Perplexity's Sonar models). */
  request?: number;
}

/** Long-context tier, cliff rule: when a request's whole prompt exceeds `threshold`, every token is priced here. */
export interface PriceTier extends PriceSet {
  threshold: number;
}

/** A daily UTC window (may cross midnight) with its own prices, e.g. DeepSeek peak hours. */
export interface TimeWindow {
  start: string;
  end: string;
  prices: PriceSet;
}

/** Prices in force from `from` (UTC date, inclusive) until the next period starts. */
export interface PricePeriod extends PriceSet {
  from?: string;
  batchInput?: number;
  batchOutput?: number;
  tiers?: PriceTier[];
  windows?: TimeWindow[];
}

export type Tokenizer =
  | 'o200k_base'
  | 'cl100k_base'
  | 'claude'
  | 'gemini'
  | 'llama'
  | 'mistral'
  | 'deepseek'
  | 'grok'
  | 'other';

export interface ModelRecord {
  id: string;
  provider: string;
  creator: string;
  name: string;
  aliases: string[];
  prices: PricePeriod[];
  contextWindow?: number;
  maxOutput?: number;
  tokenizer: Tokenizer;
  minCacheTokens?: number;
  sourceUrl: string;
  verified: string;
  source: string;
  batchSource?: string;
  notes?: string;
  /** An embedding (or rerank) model: priced on input, it writes no output (absent: it generates text). */
  mode?: 'embedding';
  /** A source marks the model deprecated (absent: current). */
  status?: 'deprecated';
  /** The date a source gives for the deprecation. */
  deprecatedOn?: string;
  /** A billing option of another record (fast mode, US-only inference): out of the default view. */
  variantOf?: string;
}

/**
 * One request's (or an aggregate's) tokens in exclusive buckets. The modality buckets and web searches
 * are present only where a log reports them: text `input` and `output` exclude them.
 */
export interface TokenBuckets {
  input: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  output: number;
  audioInput?: number;
  audioCacheRead?: number;
  imageInput?: number;
  audioOutput?: number;
  imageOutput?: number;
  /** Web searches the call ran (a count, billed per 1,000). */
  webSearches?: number;
  /** Requests, for a per-request fee (a count, billed per 1,000); usage records always carry it. */
  requests?: number;
}

export interface Usage extends TokenBuckets {
  reasoning: number;
  requests: number;
}

/** USD per bucket (the buckets of TokenBuckets, each present where the tokens were) and in total. */
export interface CostBreakdown extends TokenBuckets {
  total: number;
}

export const ZERO_BUCKETS: Readonly<TokenBuckets> = Object.freeze({
  input: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output: 0,
});

export function emptyUsage(): Usage {
  return { ...ZERO_BUCKETS, reasoning: 0, requests: 0 };
}

export function addUsage(into: Usage, u: Usage): void {
  into.input += u.input;
  into.cacheRead += u.cacheRead;
  into.cacheWrite5m += u.cacheWrite5m;
  into.cacheWrite1h += u.cacheWrite1h;
  into.output += u.output;
  into.reasoning += u.reasoning;
  into.requests += u.requests;
  addModalities(into, u);
}

/** Adds the modality buckets `from` has (most records have none: one check each). */
export function addModalities(into: TokenBuckets, from: TokenBuckets): void {
  if (from.audioInput) into.audioInput = (into.audioInput ?? 0) + from.audioInput;
  if (from.audioCacheRead) into.audioCacheRead = (into.audioCacheRead ?? 0) + from.audioCacheRead;
  if (from.imageInput) into.imageInput = (into.imageInput ?? 0) + from.imageInput;
  if (from.audioOutput) into.audioOutput = (into.audioOutput ?? 0) + from.audioOutput;
  if (from.imageOutput) into.imageOutput = (into.imageOutput ?? 0) + from.imageOutput;
  if (from.webSearches) into.webSearches = (into.webSearches ?? 0) + from.webSearches;
}
