/**
 * The catalog's price rules as flat rows, for SQL engines (`llmcost prices export`): one row per model x
 * price period x long-context tier or daily window x batch, each with every bucket's rate already resolved
 * (the fallbacks of buckets.ts applied), so that a request's cost is one join and a sum of products.
 *
 * A row applies to a request when (rules of pricing-keys.ts, which analyze uses):
 * - its day (UTC) is in [valid_from, valid_to) (nulls: open), or it has no time and valid_to is null;
 * - its prompt per request (input + cache + audio/image input, / requests) is > prompt_above and
 *   <= prompt_upto (null: no bound): the cliff rule, the highest tier the prompt exceeds;
 * - its UTC minute of the day is in [minute_from, minute_to); a request without a time has minute -1;
 *   windows apply only below the first tier;
 * - batch matches (a model without batch prices bills batch requests at list prices: batch_fallback).
 */
import { BUCKETS, columnName, rateOf } from './buckets.js';
import { NoBatchPriceError, ratesFor, windowAt, type Rates } from './price-period.js';
import type { ModelRecord, PricePeriod } from './types.js';

export interface RateRow {
  model_id: string;
  provider: string;
  valid_from: string | null;
  valid_to: string | null;
  prompt_above: number;
  prompt_upto: number | null;
  minute_from: number;
  minute_to: number;
  batch: boolean;
  batch_fallback: boolean;
  tier_threshold: number | null;
  time_window: string | null;
  /** USD per 1M tokens per token bucket, per 1K for web searches and requests; by unit name. */
  rates: Record<(typeof BUCKETS)[number]['unit'], number>;
}

/** The rate columns in registry order, as SQL names. */
export const RATE_UNITS = BUCKETS.map((b) => ({
  unit: b.unit,
  key: b.key,
  column: columnName(b.unit),
  perEvent: 'perEvent' in b,
}));

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Runs of the day's minutes by the window in force (index, -1 none), as windowAt decides it. */
function windowRuns(period: PricePeriod): { from: number; to: number; window: number }[] {
  const runs: { from: number; to: number; window: number }[] = [];
  for (let m = 0; m < 1440; m++) {
    const w = windowAt(period.windows, hhmm(m));
    const index = w ? period.windows!.indexOf(w) : -1;
    const last = runs[runs.length - 1];
    if (last && last.window === index) last.to = m + 1;
    else runs.push({ from: m, to: m + 1, window: index });
  }
  return runs;
}

function resolved(rates: Rates): RateRow['rates'] {
  const out = {} as RateRow['rates'];
  for (const u of RATE_UNITS) out[u.unit] = rateOf(rates, u.key);
  return out;
}

/** Every rate row of one model. */
export function rateRows(record: ModelRecord): RateRow[] {
  const rows: RateRow[] = [];
  record.prices.forEach((period, index) => {
    const base = {
      model_id: record.id,
      provider: record.provider,
      valid_from: index === 0 ? null : (period.from ?? null),
      valid_to: record.prices[index + 1]?.from ?? null,
    };
    const tiers = [...(period.tiers ?? [])].sort((a, b) => a.threshold - b.threshold);
    const push = (
      promptAbove: number,
      promptUpto: number | null,
      minutes: [number, number],
      opts: { promptTokens: number; time?: string },
      tier: number | null,
      window: string | null,
    ) => {
      for (const batch of [false, true]) {
        let rates: Rates;
        let fallback = false;
        try {
          rates = ratesFor(record, period, { ...opts, batch });
        } catch (err) {
          if (!(err instanceof NoBatchPriceError)) throw err;
          rates = ratesFor(record, period, opts);
          fallback = true;
        }
        rows.push({
          ...base,
          prompt_above: promptAbove,
          prompt_upto: promptUpto,
          minute_from: minutes[0],
          minute_to: minutes[1],
          batch,
          batch_fallback: fallback,
          tier_threshold: tier,
          time_window: window,
          rates: resolved(rates),
        });
      }
    };
    const below = tiers[0]?.threshold ?? null;
    if (period.windows?.length) {
      push(-1, below, [-1, 0], { promptTokens: 0 }, null, null); // no time: no window
      for (const run of windowRuns(period)) {
        const w = run.window >= 0 ? period.windows[run.window]! : undefined;
        push(
          -1,
          below,
          [run.from, run.to],
          { promptTokens: 0, ...(w ? { time: w.start } : {}) },
          null,
          w ? `${w.start}-${w.end}` : null,
        );
      }
    } else push(-1, below, [-1, 1440], { promptTokens: 0 }, null, null);
    tiers.forEach((t, k) =>
      push(
        t.threshold,
        tiers[k + 1]?.threshold ?? null,
        [-1, 1440],
        { promptTokens: t.threshold + 1 },
        t.threshold,
        null,
      ),
    );
  });
  return rows;
}
