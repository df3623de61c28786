/**
 * Text assembled as bytes in one reused buffer and handed on in large writes. Building a row as a string
 * made a rope of ~90 pieces that was flattened and encoded again at each write: half of `--emit`'s time.
 * Here constant pieces are copied as ready bytes and whole numbers written digit by digit.
 */

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

  byte(b: number): void {
    this.buf[this.pos++] = b;
  }
}

/** Decimal digits of a whole number from 10 to 2^31 - 1. */
function digits(n: number): number {
  let d = 2;
  for (let limit = 100; n >= limit && d < 10; limit *= 10) d++;
  return d;
}
