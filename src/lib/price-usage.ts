import { promptTokens } from '../core/buckets.js';
import { costOf } from '../core/cost.js';
import { NoBatchPriceError as CoreNoBatchPrice, periodAt, ratesFor } from '../core/price-period.js';
import type { Rates } from '../core/price-period.js';
import type { CostBreakdown, TokenBuckets } from '../core/types.js';
import { COUNT_FIELDS, OPTIONAL_COUNT_FIELDS } from '../core/usage-record.js';
import { defaultPricing, type Pricing } from './catalog.js';
import { InvalidUsageError, NoBatchPriceError, UnknownModelError } from './errors.js';
import { utcDayAndTime, type DateInput } from './dates.js';

/**
 * The buckets with prices of their own (as `normalizeUsage` returns them): audio prompt tokens, cached
 * audio, image prompt tokens, audio and image output tokens, and web searches. A model without a price for
 * one bills it as the provider does (audio and images as text, a search at 0).
 */
type ModalityCounts = Partial<Pick<TokenBuckets, (typeof OPTIONAL_COUNT_FIELDS)[number]>>;

/**
 * Token counts in llmcost's exclusive buckets (DESIGN.md, money semantics): `input` is the prompt that was
 * neither read from nor written to a cache; `output` includes reasoning. Missing buckets are 0. A provider
 * response can be turned into this with `normalizeUsage`.
 */
export interface UsageInput extends ModalityCounts {
  input?: number;
  cacheRead?: number;
  cacheWrite5m?: number;
  cacheWrite1h?: number;
  output?: number;
  /** Informational: the part of `output` that was reasoning. */
  reasoning?: number;
  /** How many requests these tokens are the sum of (default 1); the long-context tier is decided on the average prompt. */
  requests?: number;
}

export interface PriceOptions {
  /** When the request was made: selects the price period and daily windows. Default: now. */
  date?: DateInput;
  /** Priced at the model's Batch API prices (a model without them throws NO_BATCH_PRICE). */
  batch?: boolean;
  pricing?: Pricing;
}

export interface PricedUsage {
  /** The catalog id the model name resolved to. */
  model: string;
  provider: string;
  /** USD per bucket and in total; not rounded. */
  cost: CostBreakdown;
  /** The per-1M rates applied, after tier, window and batch. */
  rates: Rates;
}

/** Checks counts are whole, non-negative and finite (named in the error), and fills missing buckets. */
export function checkedUsage(
  u: UsageInput,
): TokenBuckets & { requests: number; reasoning: number } {
  if (u === null || typeof u !== 'object') throw new InvalidUsageError('usage must be an object');
  for (const f of [...COUNT_FIELDS, ...OPTIONAL_COUNT_FIELDS]) {
    const v = u[f];
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 0))
      throw new InvalidUsageError(`usage.${f} must be a whole number >= 0, not ${String(v)}`);
  }
  const tokens: TokenBuckets & { requests: number; reasoning: number } = {
    input: u.input ?? 0,
    cacheRead: u.cacheRead ?? 0,
    cacheWrite5m: u.cacheWrite5m ?? 0,
    cacheWrite1h: u.cacheWrite1h ?? 0,
    output: u.output ?? 0,
    reasoning: u.reasoning ?? 0,
    requests: u.requests ?? 1,
  };
  // A record of normalizeUsage carries these when the response names them: dropped, they were unpriced.
  for (const f of OPTIONAL_COUNT_FIELDS) if (u[f]) tokens[f] = u[f];
  return tokens;
}

/**
 * The cost of some usage on a model, with llmcost's rules: the price period in force at `date`, the
 * long-context tier decided on the whole prompt (cliff rule), daily windows, batch. Throws
 * UNKNOWN_MODEL, INVALID_USAGE or NO_BATCH_PRICE.
 */
export function priceUsage(model: string, usage: UsageInput, opts: PriceOptions = {}): PricedUsage {
  const tokens = checkedUsage(usage);
  const res = (opts.pricing ?? defaultPricing()).book.resolve(model);
  if (!res.ok) throw new UnknownModelError(model, res.candidates);
  const { day, time } = utcDayAndTime(opts.date ?? Date.now());
  try {
    const rates = ratesFor(res.record, periodAt(res.record, day), {
      promptTokens: promptTokens(tokens) / (tokens.requests || 1),
      time,
      ...(opts.batch ? { batch: true } : {}),
    });
    return {
      model: res.record.id,
      provider: res.record.provider,
      cost: costOf(tokens, rates),
      rates,
    };
  } catch (err) {
    if (err instanceof CoreNoBatchPrice) throw new NoBatchPriceError(err.modelId);
    throw err;
  }
}
