import { BUCKETS, TOKEN_UNITS } from './buckets.js';

const MODALITY_UNITS = new Set<string>([
  'audioInput',
  'audioCacheRead',
  'imageInput',
  'audioOutput',
  'imageOutput',
  'webSearch',
  'request',
]);
import type { ModelRecord, PricePeriod, PriceSet, TimeWindow } from './types.js';

/** The price period in force on `day` (YYYY-MM-DD, UTC): the last one whose `from` is on or before it. */
export function periodAt(record: ModelRecord, day?: string): PricePeriod {
  const periods = record.prices;
  const first = periods[0];
  if (!first) throw new Error(`${record.id} has no prices`);
  if (!day) return first;
  let current = first;
  for (const p of periods) {
    if (!p.from || p.from <= day) current = p;
  }
  return current;
}

/** The day's window whose [start, end) holds `time` (HH:MM, UTC); windows may cross midnight. */
export function windowAt(windows: TimeWindow[] | undefined, time?: string): TimeWindow | undefined {
  if (!windows || !time) return undefined;
  return windows.find((w) =>
    w.start <= w.end ? time >= w.start && time < w.end : time >= w.start || time < w.end,
  );
}

export interface RateOptions {
  promptTokens: number;
  batch?: boolean;
  time?: string;
}

export interface Rates extends PriceSet {
  tierThreshold?: number;
  window?: string;
  batch: boolean;
}

export class NoBatchPriceError extends Error {
  constructor(readonly modelId: string) {
    super(`${modelId} has no batch price in the catalog`);
  }
}

/**
 * Effective per-1M rates for one request: the long-context tier whose threshold the whole prompt exceeds
 * (cliff rule), else a daily window, else the base prices; batch scales every component by the batch ratio.
 */
export function ratesFor(record: ModelRecord, period: PricePeriod, opts: RateOptions): Rates {
  const tier = [...(period.tiers ?? [])]
    .sort((a, b) => b.threshold - a.threshold)
    .find((t) => opts.promptTokens > t.threshold);
  const window = tier ? undefined : windowAt(period.windows, opts.time);
  const set: PriceSet = tier ?? window?.prices ?? period;
  // A tier or window sets its own text prices (a cache price it lacks falls back within it, as before);
  // audio, image and web-search prices it does not name are the period's.
  const rates: Rates = { input: set.input, output: set.output, batch: false };
  for (const unit of TOKEN_UNITS) {
    const v = set[unit] ?? (MODALITY_UNITS.has(unit) ? period[unit] : undefined);
    if (v !== undefined) rates[unit] = v;
  }
  if (tier) rates.tierThreshold = tier.threshold;
  if (window) rates.window = `${window.start}-${window.end}`;
  if (!opts.batch) return rates;
  if (period.batchInput === undefined || period.batchOutput === undefined) {
    throw new NoBatchPriceError(record.id);
  }
  // Batch scales the input side by the input ratio and the output side by the output ratio; a
  // per-search fee is not discounted.
  // A free list price has no ratio to scale by (0/0 priced batch requests at NaN): batch is free too.
  const inRatio = period.input ? period.batchInput / period.input : 1;
  const outRatio = period.output ? period.batchOutput / period.output : 1;
  const batched: Rates = { ...rates, batch: true };
  for (const b of BUCKETS) {
    const v = rates[b.unit];
    if (v === undefined || 'perEvent' in b) continue;
    batched[b.unit] = v * (b.prompt ? inRatio : outRatio);
  }
  return batched;
}
