import { COUNT_FIELDS, OPTIONAL_COUNT_FIELDS, type UsageRecord } from '../core/usage-record.js';
import { BadRecord } from './values.js';

/** The last instant a Date can hold (year 275760), in ms. */
const MAX_DATE_MS = 8.64e15;

const count = (v: number) => Number.isSafeInteger(v) && v >= 0;
const optional = (v: number | undefined) => v === undefined || count(v);

/**
 * The invariants every normalized record keeps, whatever dialect made it: whole, non-negative, finite
 * token and request counts, a finite logged cost, a timestamp a Date can hold. A record that breaks one
 * is malformed (BadRecord), not summed: a negative count would subtract from totals. Written out field by
 * field: this runs once per record on the analyze hot path.
 */
export function checkRecord(r: UsageRecord): void {
  if (
    !count(r.input) ||
    !count(r.cacheRead) ||
    !count(r.cacheWrite5m) ||
    !count(r.cacheWrite1h) ||
    !count(r.output) ||
    !count(r.reasoning) ||
    !count(r.requests)
  ) {
    const k = COUNT_FIELDS.find((f) => !count(r[f]));
    throw new BadRecord(`invalid ${k} count`);
  }
  // Named loads, not a loop over the names: a keyed load of a missing property took ~25 ns each here
  // (6 of them a record on the hot path); the loop runs only to name the field at fault.
  if (
    !optional(r.audioInput) ||
    !optional(r.audioCacheRead) ||
    !optional(r.imageInput) ||
    !optional(r.audioOutput) ||
    !optional(r.imageOutput) ||
    !optional(r.webSearches)
  ) {
    const k = OPTIONAL_COUNT_FIELDS.find((f) => !optional(r[f]));
    throw new BadRecord(`invalid ${k} count`);
  }
  if (r.loggedCost !== undefined && !Number.isFinite(r.loggedCost))
    throw new BadRecord('invalid cost (not finite)');
  if (r.timestamp !== undefined && !(Math.abs(r.timestamp) <= MAX_DATE_MS))
    throw new BadRecord('timestamp out of range');
}

/** The malformed-record reason for an error thrown while reading one record. */
export function badReason(err: unknown): string {
  if (err instanceof BadRecord) return err.message;
  if (err instanceof RangeError && /call stack/i.test(err.message))
    return 'record nested too deeply';
  return `unreadable record (${err instanceof Error ? err.name : typeof err})`;
}
