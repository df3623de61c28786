/**
 * A time as `Date#toISOString` writes it (2026-10-25T18:00:00.123Z), its digits written straight into a
 * byte buffer: a Date, its string and that string's bytes cost ~800 ns a row of `--emit` whose times all
 * differ (an agent's or an app's log, stamped to the millisecond), this ~40 ns. Years 0 to 9999 only, the
 * four-digit form; other years (written with a sign and six digits) are left to toISOString.
 */

const DAY_MS = 86_400_000;
/** 0000-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z. */
const FIRST = -62_167_219_200_000;
const LAST = 253_402_300_799_999;

/** Bytes of an ISO time. */
export const ISO_TIME_BYTES = 24;

/**
 * Writes `ms` (milliseconds since 1970, truncated as a Date truncates them) at `at` of `out`; returns the
 * position after it, or -1 when its year is outside 0-9999 (nothing written).
 */
export function writeIsoTime(out: Uint8Array, at: number, ms: number): number {
  const t = Math.trunc(ms);
  if (!(t >= FIRST && t <= LAST)) return -1;
  const days = Math.floor(t / DAY_MS);
  let rest = t - days * DAY_MS;
  // Days since 1970 to a civil date (the proleptic Gregorian calendar, as Date counts): years run from
  // March, so that a leap day ends one; eras of 400 years repeat exactly.
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  at = digits(out, at, year, 4);
  out[at++] = 45; // -
  at = digits(out, at, month, 2);
  out[at++] = 45;
  at = digits(out, at, day, 2);
  out[at++] = 84; // T
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  at = digits(out, at, hours, 2);
  out[at++] = 58; // :
  at = digits(out, at, minutes, 2);
  out[at++] = 58;
  at = digits(out, at, seconds, 2);
  out[at++] = 46; // .
  at = digits(out, at, rest - seconds * 1000, 3);
  out[at++] = 90; // Z
  return at;
}

/** `n` (0 <= n < 10^width) in `width` digits, zeros first. */
function digits(out: Uint8Array, at: number, n: number, width: number): number {
  for (let k = at + width - 1; k >= at; k--) {
    const q = (n / 10) | 0;
    out[k] = 48 + n - q * 10;
    n = q;
  }
  return at + width;
}
