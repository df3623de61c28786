import { UNKNOWN_MODEL, type Outcome, type UsageRecord } from '../../core/usage-record.js';
import { interned, label, num, str, time } from '../values.js';
import type { Dialect } from './types.js';

const WITH_WRITES = 'Input (w/ Cache Write)';
const WITHOUT_WRITES = 'Input (w/o Cache Write)';

/**
 * Cursor's usage export (the dashboard's Usage tab, "Export CSV": `usage-events-<date>.csv`), a row a
 * request: `Date`, [`User`, `Cloud Agent ID`, `Automation ID`,] `Kind`, `Model`, `Max Mode`,
 * `Input (w/ Cache Write)`, `Input (w/o Cache Write)`, `Cache Read`, `Output Tokens`, `Total Tokens`,
 * `Cost` (some exports `Requests`, Cursor's billing unit, not calls: a row is one request). Columns are
 * found by name (older exports lack the leading ones).
 * - Input without cache writes is the fresh input; the difference to the column with them is the cache
 *   writes; `Cache Read` apart; Total = input with writes + reads + output.
 * - `Cost` is what Cursor charged ("$0.12" or 0.12): the logged cost. Words (`Included`, `Free`, `-`) say
 *   the plan covered it: no logged cost, so the request is priced from its tokens at API prices.
 * - A row whose `Kind` says it was not charged (`Errored, No Charge`, `Aborted, Not Charged`) is skipped by
 *   that reason; its tokens were not billed.
 * - Model names are Cursor's (`claude-4.5-sonnet-thinking`, `gpt-5-high`): name resolution reads them.
 * - Overlapping exports read together count a row once (its time, model and counts).
 */
export const cursorCsv: Dialect = {
  name: 'cursor-csv',
  detect: (o) => WITH_WRITES in o && WITHOUT_WRITES in o && 'Cache Read' in o,
  normalize(o): Outcome {
    const kind = label(o.Kind ?? '');
    if (/no charge|not charged/i.test(kind))
      return { skip: `Cursor request not charged (${kind})` };
    const withWrites = num(o[WITH_WRITES], WITH_WRITES);
    const fresh = num(o[WITHOUT_WRITES], WITHOUT_WRITES);
    const r: UsageRecord = {
      model: interned(str(o.Model) ?? UNKNOWN_MODEL),
      input: fresh,
      cacheRead: num(o['Cache Read'], 'Cache Read'),
      cacheWrite5m: Math.max(0, withWrites - fresh),
      cacheWrite1h: 0,
      output: num(o['Output Tokens'], 'Output Tokens'),
      reasoning: 0,
      requests: 1,
    };
    const ts = time(o.Date);
    if (ts !== undefined) {
      r.timestamp = ts;
      // Rows have no id; their time (to the millisecond), model and counts tell one apart, so exports that
      // overlap, read together, count a request once.
      r.dedup = {
        key: `cursor:${ts}:${r.model}:${withWrites}:${fresh}:${r.cacheRead}:${r.output}`,
        keep: 'first',
      };
    }
    const cost = dollars(o.Cost);
    if (cost !== undefined) r.loggedCost = cost;
    const tags: Record<string, string> = {};
    if (kind) tags.kind = interned(kind);
    if (str(o['Max Mode'])) tags.maxMode = interned(o['Max Mode'] as string);
    if (str(o.User)) tags.user = interned(o.User as string);
    r.tags = tags;
    return r;
  },
};

/** A `$0.12` or `0.12` cell as dollars; undefined for words (Included, Free, -) and blanks. */
function dollars(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v !== 'string') return undefined;
  const m = /^\s*\$?\s*(\d+(?:\.\d+)?)\s*$/.exec(v.replace(/,/g, ''));
  return m ? Number(m[1]) : undefined;
}
