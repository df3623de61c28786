import { NoBatchPriceError, ratesFor, windowAt, type Rates } from './price-period.js';
import type { ModelRecord, PricePeriod } from './types.js';

export interface PriceKey {
  key: string;
  record: ModelRecord;
  rates: Rates;
  /** A batch record priced at list prices because the catalog has no batch price for its model. */
  batchFallback: boolean;
  /** The first day of the price period in force (absent: the record's first period, open-ended). */
  from?: string;
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
  /** Per model, keys by a small numeric code (period, tier, window, batch): no string is built per record. */
  private readonly byRecord = new Map<ModelRecord, Map<number, PriceKey>>();

  keyFor(
    record: ModelRecord,
    timestamp: number | undefined,
    promptPerRequest: number,
    batch: boolean,
  ): PriceKey {
    let codes = this.byRecord.get(record);
    if (!codes) this.byRecord.set(record, (codes = new Map()));
    const periods = record.prices;
    let index = 0;
    if (periods.length > 1) {
      const day = timestamp === undefined ? undefined : utcDay(timestamp);
      for (let i = 0; i < periods.length; i++) {
        if (!periods[i]!.from || (day !== undefined && periods[i]!.from! <= day)) index = i;
      }
      if (day === undefined) index = periods.length - 1;
    }
    const period: PricePeriod = periods[index]!;
    let tier = -1;
    const tiers = period.tiers;
    if (tiers) {
      for (let i = 0; i < tiers.length; i++) {
        if (
          promptPerRequest > tiers[i]!.threshold &&
          (tier < 0 || tiers[i]!.threshold > tiers[tier]!.threshold)
        )
          tier = i;
      }
    }
    let window = -1;
    if (tier < 0 && period.windows && timestamp !== undefined) {
      const w = windowAt(period.windows, hhmm(timestamp));
      window = w ? period.windows.indexOf(w) : -1;
    }
    const code = ((index * 64 + tier + 1) * 64 + window + 1) * 2 + (batch ? 1 : 0);
    let pk = codes.get(code);
    if (!pk) {
      pk = this.build(
        record,
        period,
        `${record.id}|${index}|${tier}|${window}|${batch ? 'b' : ''}`,
        tier,
        window,
        batch,
      );
      codes.set(code, pk);
    }
    return pk;
  }

  /**
   * The price key a key string names (`id|period|tier|window|b`, as keyFor makes them), for sums read
   * back from a partial; undefined when the record or its period is not in this catalog.
   */
  fromKey(key: string, byId: (id: string) => ModelRecord | undefined): PriceKey | undefined {
    const parts = key.split('|');
    if (parts.length < 5) return undefined;
    const [index, tier, window, b] = parts.slice(-4).map((x, i) => (i === 3 ? x : Number(x)));
    const record = byId(parts.slice(0, -4).join('|'));
    const period = record?.prices[index as number];
    if (!record || !period) return undefined;
    if (
      (tier as number) >= (period.tiers?.length ?? 0) ||
      (window as number) >= (period.windows?.length ?? 0)
    )
      return undefined;
    return this.build(record, period, key, tier as number, window as number, b === 'b');
  }

  private build(
    record: ModelRecord,
    period: PricePeriod,
    key: string,
    tier: number,
    window: number,
    batch: boolean,
  ): PriceKey {
    const opts = {
      promptTokens: tier < 0 ? 0 : period.tiers![tier]!.threshold + 1,
      ...(window >= 0 ? { time: period.windows![window]!.start } : {}),
    };
    try {
      return {
        key,
        record,
        rates: ratesFor(record, period, { ...opts, batch }),
        batchFallback: false,
        ...(period.from ? { from: period.from } : {}),
      };
    } catch (err) {
      if (!(err instanceof NoBatchPriceError)) throw err;
      return {
        key,
        record,
        rates: ratesFor(record, period, opts),
        batchFallback: true,
        ...(period.from ? { from: period.from } : {}),
      };
    }
  }
}
