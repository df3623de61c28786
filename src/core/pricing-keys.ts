import { NoBatchPriceError, ratesFor, windowAt, type Rates } from './price-period.js';
import type { ModelRecord, PricePeriod } from './types.js';

export interface PriceKey {
  key: string;
  record: ModelRecord;
  rates: Rates;
  /** A batch record priced at list prices because the catalog has no batch price for its model. */
  batchFallback: boolean;
}

const hhmm = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const dayNames = new Map<number, string>();
/** YYYY-MM-DD (UTC), cached per day: formatting a Date per record was a tenth of the analyze hot path. */
function utcDay(ms: number): string {
  const n = Math.floor(ms / 86_400_000);
  let s = dayNames.get(n);
  if (s === undefined) dayNames.set(n, (s = new Date(n * 86_400_000).toISOString().slice(0, 10)));
  return s;
}

/**
 * Everything that decides a request's rates (model, price period by date, long-context tier by the whole
 * prompt, daily window by UTC time, batch) reduced to a key, so tokens can be summed per key and priced once.
 */
export class PriceKeys {
  private readonly keys = new Map<string, PriceKey>();

  keyFor(
    record: ModelRecord,
    timestamp: number | undefined,
    promptPerRequest: number,
    batch: boolean,
  ): PriceKey {
    const periods = record.prices;
    let index = 0;
    if (periods.length > 1) {
      const day = timestamp === undefined ? undefined : utcDay(timestamp);
      for (let i = 0; i < periods.length; i++)
        if (!periods[i]!.from || (day !== undefined && periods[i]!.from! <= day)) index = i;
      if (day === undefined) index = periods.length - 1;
    }
    const period: PricePeriod = periods[index]!;
    let tier = -1;
    for (const t of period.tiers ?? [])
      if (promptPerRequest > t.threshold && t.threshold > tier) tier = t.threshold;
    let window = '';
    if (tier < 0 && period.windows && timestamp !== undefined)
      window = windowAt(period.windows, hhmm(timestamp))?.start ?? '';
    const key = `${record.id}|${index}|${tier}|${window}|${batch ? 'b' : ''}`;
    let pk = this.keys.get(key);
    if (!pk) {
      const opts = { promptTokens: tier < 0 ? 0 : tier + 1, ...(window ? { time: window } : {}) };
      let rates: Rates;
      let batchFallback = false;
      try {
        rates = ratesFor(record, period, { ...opts, batch });
      } catch (err) {
        if (!(err instanceof NoBatchPriceError)) throw err;
        rates = ratesFor(record, period, opts);
        batchFallback = true;
      }
      pk = { key, record, rates, batchFallback };
      this.keys.set(key, pk);
    }
    return pk;
  }
}
