import { ZERO_BUCKETS } from '../../core/types.js';
import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { obj, optNum, str, tagValue, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * One billed amount of an OpenAI cost report, as a record with no tokens (see UsageRecord.lineItem):
 * Costs API results (`amount: {value, currency}`, `line_item`, `project_id`; the value is documented as a
 * number and seen as a decimal string) and the dashboard's cost CSV (`amount_value`, `amount_currency`,
 * `line_item`). `line_item` is null when the report is not grouped by it. Line items read like
 * "gpt-4o-2024-08-06, input": the part before the last comma is kept as the model, for `--model`.
 * An amount in another currency is skipped with that reason, never added to dollars.
 */
export function costLine(
  value: unknown,
  currency: unknown,
  lineItem: unknown,
  start: unknown,
  project: unknown,
): Outcome {
  const cur = str(currency)?.toLowerCase();
  if (cur !== undefined && cur !== 'usd') return { skip: `cost in ${cur.toUpperCase()}, not USD` };
  const amount = optNum(value, 'cost amount');
  if (amount === undefined) return { invalid: 'no cost amount' };
  const item = str(lineItem) ?? '(all line items)';
  const comma = item.lastIndexOf(', ');
  const ts = time(start);
  const projectId = tagValue(project);
  const r: UsageRecord = {
    model: comma > 0 ? item.slice(0, comma) : item,
    ...ZERO_BUCKETS,
    reasoning: 0,
    requests: 0,
    loggedCost: amount,
    lineItem: item,
  };
  if (ts !== undefined) r.timestamp = ts;
  if (projectId) r.tags = { project_id: projectId };
  return r;
}

/** A Costs API result (`organization.costs.result`) inside a bucket starting at `start`. */
export function costsApiResult(r: Obj, start: unknown): Outcome {
  const amount = obj(r.amount);
  return costLine(amount?.value, amount?.currency, r.line_item, start, r.project_id);
}

const blank = (v: unknown) => v === undefined || v === null || v === '';

/**
 * The usage dashboard's cost CSV export: one row per day and line item, times in UTC; days without spend
 * are kept as rows whose non-time cells are all blank.
 */
export const openaiCostCsv: Dialect = {
  name: 'openai-cost-csv',
  detect: (o) => 'amount_value' in o && 'line_item' in o,
  normalize: (o) =>
    blank(o.amount_value) && blank(o.line_item)
      ? { skip: 'empty cost bucket' }
      : costLine(
          o.amount_value,
          o.amount_currency,
          o.line_item,
          o.start_time_iso ?? o.start_time,
          o.project_id,
        ),
};
