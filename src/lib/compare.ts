import { compareModels as compareRecords, type CompareRow } from '../core/compare.js';
import type { ModelRecord } from '../core/types.js';
import { perDay } from '../core/workload.js';
import { defaultPricing, type Pricing } from './catalog.js';
import { utcDayAndTime, type DateInput } from './dates.js';
import { InvalidArgumentError, UnknownModelError } from './errors.js';

/** One workload, as `llmcost compare` takes it on the command line. */
export interface CompareWorkload {
  /** Input tokens per request. */
  input: number;
  /** Output tokens per request. */
  output: number;
  /** Requests per day (or per month with `per: 'month'`). Default 1. */
  requests?: number;
  per?: 'day' | 'month';
  daysPerMonth?: number;
  /** Input tokens per request read from the prompt cache (part of `input`). */
  cachedInput?: number;
  batch?: boolean;
  /** Only these models (resolved like log names); default: the whole catalog. */
  models?: readonly string[];
  /** Only these providers. */
  provider?: string | readonly string[];
  /** Prices in force on this date. Default: now. */
  date?: DateInput;
  pricing?: Pricing;
}

/** One model's row: the catalog id and provider, with the core's per-request, daily and monthly cost. */
export type CompareResult = CompareRow & { model: string; provider: string };

const count = (v: number | undefined, name: string) => {
  if (v !== undefined && !(Number.isFinite(v) && v >= 0))
    throw new InvalidArgumentError(`${name} must be a number >= 0`);
};

/** The price of one workload on every model (or the ones named), cheapest first; unpriceable rows last. */
export function compareModels(w: CompareWorkload): CompareResult[] {
  for (const k of ['input', 'output', 'requests', 'cachedInput', 'daysPerMonth'] as const)
    count(w[k], k);
  if ((w.cachedInput ?? 0) > w.input)
    throw new InvalidArgumentError('cachedInput is larger than input');
  const book = (w.pricing ?? defaultPricing()).book;
  let records: ModelRecord[] = [...book.records];
  if (w.models) {
    records = [];
    for (const name of w.models) {
      const res = book.resolve(name);
      if (!res.ok) throw new UnknownModelError(name, res.candidates);
      if (!records.includes(res.record)) records.push(res.record);
    }
  }
  if (w.provider !== undefined) {
    const want = (typeof w.provider === 'string' ? [w.provider] : w.provider).map((p) =>
      p.toLowerCase(),
    );
    records = records.filter((r) => want.includes(r.provider));
  }
  const daysPerMonth = w.daysPerMonth ?? 30;
  const rows = compareRecords(records, {
    input: w.input,
    output: w.output,
    cachedShare: w.input > 0 ? (w.cachedInput ?? 0) / w.input : 0,
    requestsPerDay: perDay(w.requests ?? 1, w.per ?? 'day', daysPerMonth),
    daysPerMonth,
    batch: !!w.batch,
    day: utcDayAndTime(w.date ?? Date.now()).day,
  });
  return rows.map((r) => ({
    model: r.record.id,
    provider: r.record.provider,
    ...r,
  }));
}
