import { byCodeUnit } from './order.js';
import { NoBatchPriceError } from './price-period.js';
import { priceRequest } from './price-request.js';
import { requestTokens, type RequestShape } from './workload.js';
import type { ModelRecord } from './types.js';

export interface CompareWorkload extends RequestShape {
  requestsPerDay: number;
  daysPerMonth: number;
  batch: boolean;
  day: string;
}

export interface CompareRow {
  record: ModelRecord;
  costPerRequest: number | null;
  dailyCost: number | null;
  monthlyCost: number | null;
  xCheapest: number | null;
  fitsContext: boolean | null;
  tierApplied?: number;
  note?: string;
}

/** Prices one workload on every model; cheapest first, unpriceable (no batch price) last. */
export function compareModels(records: readonly ModelRecord[], w: CompareWorkload): CompareRow[] {
  const tokens = requestTokens(w);
  const rows: CompareRow[] = records.map((record) => {
    const fitsContext = record.contextWindow ? w.input + w.output <= record.contextWindow : null;
    try {
      const { cost, rates } = priceRequest(record, tokens, { day: w.day, batch: w.batch });
      const daily = cost.total * w.requestsPerDay;
      return {
        record,
        costPerRequest: cost.total,
        dailyCost: daily,
        monthlyCost: daily * w.daysPerMonth,
        xCheapest: null,
        fitsContext,
        ...(rates.tierThreshold !== undefined ? { tierApplied: rates.tierThreshold } : {}),
      };
    } catch (err) {
      if (!(err instanceof NoBatchPriceError)) throw err;
      return {
        record,
        costPerRequest: null,
        dailyCost: null,
        monthlyCost: null,
        xCheapest: null,
        fitsContext,
        note: 'no batch price',
      };
    }
  });
  rows.sort(
    (a, b) =>
      (a.costPerRequest ?? Infinity) - (b.costPerRequest ?? Infinity) ||
      byCodeUnit(a.record.id, b.record.id),
  );
  const cheapest = rows.find(
    (r) => r.costPerRequest !== null && r.costPerRequest > 0 && r.fitsContext !== false,
  );
  for (const r of rows) {
    if (r.costPerRequest !== null && cheapest?.costPerRequest)
      r.xCheapest = r.costPerRequest / cheapest.costPerRequest;
  }
  return rows;
}
