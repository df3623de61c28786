import type { Claims } from './dedup.js';
import { hash64, hashHi, hashLo } from './hash64.js';

/**
 * A slot is two words: the message's hash (32 bits) and [20 more bits of it | 10 bits of the full key's
 * hash | main flag | 1]; 0 marks an empty slot. 52 bits tell messages apart (a false match among 4 million
 * responses: ~0.1% for a whole run); 10 more tell the responses of one message apart, which are rare.
 */
const FIRST_SLOTS = 1 << 13;
/** Address space reserved, not memory used: pages are committed as the table grows. */
const MAX_BYTES = 2 ** 30;
const MAIN = 2;

/** Growable shared memory (ES2024; Node 20 has it, the TypeScript lib this project targets does not). */
type Growable = SharedArrayBuffer & { grow(bytes: number): void };
const growable = SharedArrayBuffer as unknown as new (
  bytes: number,
  o: { maxByteLength: number },
) => Growable;

/** Partitions, each grown on its own: growing copies 1/64 of the table, not all of it (no peak of 1.5x). */
const PARTS = 64;

/**
 * The responses counted so far across the files of one run, in shared memory so the threads reading a
 * tree settle their files against one table: 8 bytes a response, each of the 64 partitions at most 3/4
 * full and grown by half (4 million responses take ~45 MB), keyed by message id so that a sidechain replay can ask whether
 * its parent was counted. Not thread-safe by itself: files are settled one at a time, in order
 * (app/analyze-tree.ts), so whatever the thread count the same copy of a response is the one counted.
 */
export class ClaimTable implements Claims {
  private readonly heads: Int32Array[];
  private readonly views: Int32Array[];

  static allocate(): SharedArrayBuffer[] {
    return Array.from({ length: PARTS }, () => {
      const buffer = new growable(8 + FIRST_SLOTS * 8, { maxByteLength: MAX_BYTES });
      new Int32Array(buffer, 0, 2)[1] = FIRST_SLOTS;
      return buffer;
    });
  }

  constructor(private readonly buffers: SharedArrayBuffer[] = ClaimTable.allocate()) {
    this.heads = buffers.map((b) => new Int32Array(b, 0, 2));
    this.views = buffers.map((b, p) => new Int32Array(b, 8, this.heads[p]![1]! * 2));
  }

  get size(): number {
    let n = 0;
    for (const h of this.heads) n += h[0]!;
    return n;
  }

  /**
   * Counts the response `key` (of message `messageId`, when the log has one); false when it was counted
   * before. `main`: a message outside any sidechain, which sidechain replays of it defer to.
   */
  claim(key: string, messageId: string | undefined, main: boolean): boolean {
    hash64(messageId ?? key);
    const a = hashLo() | 0;
    const h = hashHi();
    let tail = ((h >>> 12) << 12) | 1;
    if (messageId) {
      hash64(key);
      tail |= (hashHi() & 0x3ff) << 2;
    }
    const p = a >>> 26;
    const head = this.heads[p]!;
    if ((head[0]! + 1) * 4 > head[1]! * 3) this.grow(p);
    const cap = head[1]!;
    const slots = this.slots(p, cap);
    for (let i = start(a, h) % cap; ; i = i + 1 === cap ? 0 : i + 1) {
      const t = slots[2 * i + 1]!;
      if (t === 0) {
        slots[2 * i] = a;
        slots[2 * i + 1] = tail | (main ? MAIN : 0);
        head[0]!++;
        return true;
      }
      if (slots[2 * i] === a && (t | MAIN) === (tail | MAIN)) return false;
    }
  }

  /** Whether a main-line (non-sidechain) response of `messageId` was counted. */
  hasMain(messageId: string): boolean {
    hash64(messageId);
    const a = hashLo() | 0;
    const h = hashHi();
    const high = h >>> 12;
    const p = a >>> 26;
    const cap = this.heads[p]![1]!;
    const slots = this.slots(p, cap);
    for (let i = start(a, h) % cap; ; i = i + 1 === cap ? 0 : i + 1) {
      const t = slots[2 * i + 1]!;
      if (t === 0) return false;
      if (slots[2 * i] === a && t >>> 12 === high && (t & MAIN) !== 0) return true;
    }
  }

  /**
   * Partition `p`'s slots, `cap` of them. A fixed-length view, made again when the partition has grown
   * (here or in another thread): a length-tracking view of a growable buffer made every claim twice as slow.
   */
  private slots(p: number, cap: number): Int32Array {
    const v = this.views[p]!;
    return v.length === cap * 2
      ? v
      : (this.views[p] = new Int32Array(this.buffers[p]!, 8, cap * 2));
  }

  /** 1.5 times the slots of partition `p`, its entries re-placed; only the thread settling a file calls it. */
  private grow(p: number): void {
    const head = this.heads[p]!;
    const old = this.slots(p, head[1]!).slice();
    const cap = Math.floor(head[1]! * 1.5);
    (this.buffers[p] as Growable).grow(8 + cap * 8);
    head[1] = cap;
    const slots = this.slots(p, cap);
    slots.fill(0);
    for (let at = 0; at < old.length; at += 2) {
      const t = old[at + 1]!;
      if (t === 0) continue;
      let i = start(old[at]!, t) % cap;
      while (slots[2 * i + 1] !== 0) i = i + 1 === cap ? 0 : i + 1;
      slots[2 * i] = old[at]!;
      slots[2 * i + 1] = t;
    }
  }
}

/** The home slot: from the message hash only (both words' message bits), so its responses share a chain. */
const start = (a: number, h: number) => (a ^ Math.imul(h >>> 12, 0x27d4eb2d)) >>> 0;
