import type { PriceBook } from '../core/price-book.js';
import type { Calendar } from '../core/time-buckets.js';
import type { UsageRecord } from '../core/usage-record.js';

/** --since/--until (inclusive days in the report's zone) and --model (log name or resolved id). */
export function admitter(
  book: PriceBook,
  o: { since?: string | undefined; until?: string | undefined; models?: string[] | undefined },
  calendar: Calendar,
): (r: UsageRecord) => boolean {
  const wanted = o.models?.length
    ? new Set(o.models.flatMap((m) => [m.toLowerCase(), ...resolvedId(book, m)]))
    : undefined;
  const dateFilter = o.since !== undefined || o.until !== undefined;
  return (r) => {
    if (dateFilter) {
      if (r.timestamp === undefined) return false;
      const day = calendar.day(r.timestamp);
      if ((o.since && day < o.since) || (o.until && day > o.until)) return false;
    }
    if (wanted) {
      const res = book.resolve(r.model);
      if (!wanted.has(r.model.toLowerCase()) && !(res.ok && wanted.has(res.record.id)))
        return false;
    }
    return true;
  };
}

function resolvedId(book: PriceBook, name: string): string[] {
  const res = book.resolve(name);
  return res.ok ? [res.record.id] : [];
}
