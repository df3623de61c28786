/**
 * Text assembled as bytes in one reused buffer and handed on in large writes. Building a row as a string
 * made a rope of ~90 pieces that was flattened and encoded again at each write: half of `--emit`'s time.
 * Here constant pieces are copied as ready bytes and whole numbers written digit by digit.
 */

import { ISO_TIME_BYTES, writeIsoTime } from './iso-time.js';

/** Where text goes: a file descriptor, or an output stream that may ask the writer to wait. */
export interface TextTarget {
  write(text: string): boolean | void;
  /** Bytes as they are (a part file appended), where the target can take them. */
  writeBytes?(bytes: Uint8Array): void;
  drained?(): Promise<void>;
}

const FLUSH_AT = 256 * 1024;

export class ByteOut {
  private buf: Buffer;
  pos = 0;

  /** `reserve`: bytes a caller may write after one `room(0)` check without asking again (one row's fixed part). */
  constructor(
    private readonly target: TextTarget,
    private readonly reserve: number,
  ) {
    this.buf = Buffer.allocUnsafe(FLUSH_AT + reserve);
  }

  /** Hands what is written to the target (whole pieces only: a character is never cut between writes). */
  flush(): void {
    if (!this.pos) return;
    const { target, buf, pos } = this;
    if (target.writeBytes) target.writeBytes(buf.subarray(0, pos));
    else target.write(buf.toString('utf8', 0, pos));
    this.pos = 0;
  }

  /** Makes room for `n` more bytes beyond the reserve (flushing, or growing for one very long piece). */
  room(n: number): void {
    if (this.pos + n <= FLUSH_AT) return;
    this.flush();
    if (n > FLUSH_AT) this.buf = Buffer.allocUnsafe(n + this.reserve);
  }

  /** Ready bytes; short ones by hand (a typed-array `set` call costs more than copying a dozen bytes). */
  bytes(b: Uint8Array): void {
    const n = b.length;
    const { buf, pos } = this;
    if (n < 8) for (let k = 0; k < n; k++) buf[pos + k] = b[k]!;
    else buf.set(b, pos);
    this.pos = pos + n;
  }

  /** A string known to be ASCII (a number's or a date's text), at most `reserve` long. */
  ascii(s: string): void {
    const { buf, pos } = this;
    const n = s.length;
    for (let k = 0; k < n; k++) buf[pos + k] = s.charCodeAt(k);
    this.pos = pos + n;
  }

  /** A whole number; anything else (a fraction, a negative, one past 2^31) as `String(n)` writes it. */
  number(n: number): void {
    if (!(n >= 0 && n <= 0x7fffffff && (n | 0) === n)) return this.ascii(String(n));
    const { buf } = this;
    if (n < 10) {
      buf[this.pos++] = 48 + n;
      return;
    }
    let p = (this.pos += digits(n));
    // Digits from the last: the first (n < 10) lands where the number starts.
    while (n >= 10) {
      const q = (n / 10) | 0;
      buf[--p] = 48 + n - q * 10;
      n = q;
    }
    buf[p - 1] = 48 + n;
  }

  /**
   * The decimal `units / 10^places` (units a whole number, 0 <= units < 2^53) as JSON.stringify writes
   * the double nearest it: that double's shortest digits are the decimal's own when it has at most 15
   * significant digits (so a cost priced exactly prints as its decimal, with no digits of JavaScript's own
   * choosing), laid out as Number#toString lays them (0.000123, 1.5e-7). More digits: JSON.stringify.
   */
  decimal(units: number, places: number): void {
    // Most costs' units fit 31 bits: integer arithmetic then (`| 0`), twice as fast as a double's floor.
    const small = (units | 0) === units && units >= 0;
    for (; places > 0; places--) {
      const q = small ? (units / 10) | 0 : Math.floor(units / 10);
      if (q * 10 !== units) break;
      units = q;
    }
    if (!(units >= 0 && units < 1e15) || places > 22 || units !== Math.floor(units)) {
      return this.ascii(JSON.stringify(units / 10 ** places));
    }
    if (places === 0 && units <= 0x7fffffff) return this.number(units);
    let digits = 1;
    while (units >= POW10[digits]!) digits++;
    // Where the point falls, counted from the first digit: 123.45 has 3, 0.0012 has -2.
    const point = digits - places;
    if (point <= -6) return this.scientific(units, digits, point);
    const { buf } = this;
    let p = this.pos;
    if (point <= 0) {
      buf[p++] = 48; // 0
      buf[p++] = 46; // .
      for (let k = point; k < 0; k++) buf[p++] = 48;
    }
    const dot = point > 0 && point < digits ? point : -1;
    const end = p + digits + (dot > 0 ? 1 : 0);
    let q = end;
    let n = units;
    // Digits from the last; the point goes before the digit at its index.
    for (let k = digits - 1; k >= 0; k--) {
      const next = small ? (n / 10) | 0 : Math.floor(n / 10);
      buf[--q] = 48 + n - next * 10;
      n = next;
      if (k === dot) buf[--q] = 46;
    }
    this.pos = end;
  }

  /** `units / 10^places` with an exponent (Number#toString's form below 1e-6): 1.5e-7. */
  private scientific(units: number, digits: number, point: number): void {
    const text = String(units);
    const exp = point - 1;
    this.ascii(
      `${text[0]}${digits > 1 ? `.${text.slice(1, digits)}` : ''}e${exp < 0 ? '-' : '+'}${Math.abs(exp)}`,
    );
  }

  /** A time as `Date#toISOString` writes it, in quotes or not; false (nothing written) past years 0-9999. */
  isoTime(ms: number, quoted: boolean): boolean {
    this.room(ISO_TIME_BYTES + 2);
    const { buf } = this;
    const start = quoted ? this.pos + 1 : this.pos;
    const end = writeIsoTime(buf, start, ms);
    if (end < 0) return false;
    if (quoted) {
      buf[start - 1] = 34;
      buf[end] = 34;
    }
    this.pos = quoted ? end + 1 : end;
    return true;
  }

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }
}

/** Powers of ten up to 10^15, the largest decimal `decimal` lays out itself. */
const POW10 = Array.from({ length: 16 }, (_, k) => 10 ** k);

/** Decimal digits of a whole number from 10 to 2^31 - 1. */
function digits(n: number): number {
  let d = 2;
  for (let limit = 100; n >= limit && d < 10; limit *= 10) d++;
  return d;
}
