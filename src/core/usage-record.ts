/** One usage event from a log, normalized to exclusive token buckets (see DESIGN.md, money semantics). */
export interface UsageRecord {
  /** Model name as logged. */
  model: string;
  /** Milliseconds since the epoch (UTC); absent when the log has no time. */
  timestamp?: number;
  input: number;
  cacheRead: number;
  cacheWrite5m: number;
  cacheWrite1h: number;
  /** Output including reasoning. */
  output: number;
  /** Informational subset of output. */
  reasoning: number;
  /** Audio and image prompt tokens, audio output tokens and web searches, where the log reports them. */
  audioInput?: number;
  audioCacheRead?: number;
  imageInput?: number;
  audioOutput?: number;
  imageOutput?: number;
  webSearches?: number;
  requests: number;
  /** A cost the log itself carries (USD). */
  loggedCost?: number;
  batch?: boolean;
  /**
   * A billed amount from a cost report (OpenAI Costs API, the dashboard's cost export): no tokens,
   * `loggedCost` is the amount. Summed apart from token-based usage, so a run over both never counts a
   * dollar twice.
   */
  lineItem?: string;
  tags?: Record<string, string>;
  /** The catalog provider the log says served the call (see served.ts): its price wins. */
  servedBy?: string;
  dedup?: Dedup;
  /** The log dialect the record was read as (set when records are emitted: `analyze --emit`). */
  dialect?: string;
  /**
   * The prompt size of each request, where the log states it instead of the tokens showing it: a row
   * summing many requests (Anthropic's usage report gives their context window) must not be priced at
   * the long-context tier because its sum is large. Otherwise the prompt per request decides the tier.
   */
  promptSize?: number;
}

/** The counts of a usage record: whole, non-negative numbers wherever a record is made or taken in. */
export const COUNT_FIELDS = [
  'input',
  'cacheRead',
  'cacheWrite5m',
  'cacheWrite1h',
  'output',
  'reasoning',
  'requests',
] as const;

/** The counts a record has only when its log reports them. */
export const OPTIONAL_COUNT_FIELDS = [
  'audioInput',
  'audioCacheRead',
  'imageInput',
  'audioOutput',
  'imageOutput',
  'webSearches',
] as const;

export interface Dedup {
  key: string;
  /** "first": later copies are identical (logged twice); "largest": streaming snapshots, the largest is final. */
  keep: 'first' | 'largest';
  /** Claude Code: a sidechain copy of a message replays its parent under a new request id. */
  sidechain?: boolean;
  messageId?: string;
}

/**
 * The model of a record that carries usage but names no model (an OpenAI Responses body logged without
 * it): its tokens stay in the totals, unpriced, instead of leaving them.
 */
export const UNKNOWN_MODEL = '(unknown model)';

/**
 * The model a billing option is priced as, `<model>-<option>` (a variant record, pricing/generator/
 * billing-variants.ts). A record that names no model stays UNKNOWN_MODEL: there is no variant of nothing,
 * and it is counted as naming none.
 */
export const withOption = (model: string, option: string): string =>
  model === UNKNOWN_MODEL ? model : `${model}-${option}`;

/** A request of which a log gives only its input and output tokens (gateways' request rows): one request. */
export function inputOutputRecord(model: string, input: number, output: number): UsageRecord {
  return {
    model,
    input,
    cacheRead: 0,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output,
    reasoning: 0,
    requests: 1,
  };
}

export type Skip = { skip: string };
export type Invalid = { invalid: string };
export type Outcome = UsageRecord | UsageRecord[] | Skip | Invalid;
