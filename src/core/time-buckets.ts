import { isoWeekOf } from './budget.js';

/**
 * Day, week and month keys in a time zone. Offsets are looked up once per slot of the epoch and cached:
 * an hour in UTC, a quarter of an hour elsewhere, since zones sit at :30 and :45 offsets (Asia/Kolkata,
 * Asia/Kathmandu, Australia/Eucla) and some change offset on the half hour (Australia/Lord_Howe).
 */
export class Calendar {
  private readonly fmt: Intl.DateTimeFormat | undefined;
  private readonly slotMs: number;
  private readonly slotCache = new Map<number, string>();
  private readonly hourCache = new Map<number, string>();

  constructor(readonly tz: string) {
    this.fmt =
      tz === 'UTC'
        ? undefined
        : new Intl.DateTimeFormat('en-CA', {
            timeZone: tz,
            year: 'numeric',
            month: '2-digit',
            day: '2-digit',
          });
    this.slotMs = this.fmt ? 900_000 : 3_600_000;
  }

  /** YYYY-MM-DD in the calendar's zone, or "unknown" without a time. */
  day(ms: number | undefined): string {
    if (ms === undefined) return 'unknown';
    const slot = Math.floor(ms / this.slotMs);
    let d = this.slotCache.get(slot);
    if (d === undefined) {
      const start = new Date(slot * this.slotMs);
      d = this.fmt ? this.fmt.format(start) : start.toISOString().slice(0, 10);
      this.slotCache.set(slot, d);
    }
    return d;
  }

  /** The UTC hour a time falls in, as an ISO string (the `block` dimension), or "unknown". */
  hour(ms: number | undefined): string {
    if (ms === undefined) return 'unknown';
    const h = Math.floor(ms / 3_600_000);
    let s = this.hourCache.get(h);
    if (s === undefined) this.hourCache.set(h, (s = new Date(h * 3_600_000).toISOString()));
    return s;
  }

  month(ms: number | undefined): string {
    const d = this.day(ms);
    return d === 'unknown' ? d : d.slice(0, 7);
  }

  /** ISO week: YYYY-Www. */
  week(ms: number | undefined): string {
    const d = this.day(ms);
    if (d === 'unknown') return d;
    return isoWeekOf(d);
  }
}

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
