import { hash64, hashHi, hashLo } from './hash64.js';
import type { UsageRecord } from './usage-record.js';

/** The responses counted in earlier files (core/claim-table.ts). */
export interface Claims {
  claim(key: string, messageId: string | undefined, main: boolean): boolean;
  hasMain(messageId: string): boolean;
}

export interface IdSet {
  /** false when `key` was seen before. */
  add(key: string): boolean;
}

/**
 * Claims that first ask `ids`, where a stream (stdin) or a log read in ranges counts its "keep first"
 * records: a streaming snapshot of a response already counted whole (an Anthropic message logged both
 * final and as stream events) is then a copy, in either order, not a second count.
 */
export function countedFirst(ids: IdSet, claims: Claims): Claims {
  return {
    claim: (key, messageId, main) => ids.add(key) && claims.claim(key, messageId, main),
    hasMain: (messageId) => claims.hasMain(messageId),
  };
}

/**
 * A set of 64-bit string hashes in one interleaved typed array: 2 million ids cost ~32 MB instead of the
 * ~170 MB a Set of strings would. A false "seen" needs a 64-bit collision.
 */
export class HashSet64 {
  private slots = new Uint32Array(2 << 16);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds `key`; returns false when it was already present. */
  add(key: string): boolean {
    hash64(key);
    if ((this.count + 1) * 4 > (this.slots.length >>> 1) * 3) this.grow();
    return this.probe(hashLo(), hashHi(), true);
  }

  has(key: string): boolean {
    hash64(key);
    return !this.probe(hashLo(), hashHi(), false);
  }

  /** true when (a, b) was absent (and, with `insert`, is now present). */
  private probe(a: number, b: number, insert: boolean): boolean {
    const slots = this.slots;
    const mask = (slots.length >>> 1) - 1;
    for (let i = (a ^ Math.imul(b, 0x27d4eb2d)) & mask; ; i = (i + 1) & mask) {
      const at = i << 1;
      if (slots[at + 1] === 0) {
        if (insert) {
          slots[at] = a;
          slots[at + 1] = b;
          this.count++;
        }
        return true;
      }
      if (slots[at] === a && slots[at + 1] === b) return false;
    }
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Uint32Array(old.length * 2);
    this.count = 0;
    for (let at = 0; at < old.length; at += 2)
      if (old[at + 1] !== 0) this.probe(old[at]!, old[at + 1]!, true);
  }
}

/**
 * Ids seen recently: two generations of at most `generation` ids each, so memory stays flat however long
 * the log is. A copy logged more than one to two generations after the original is not recognised.
 */
export class RecentIds implements IdSet {
  private current = new HashSet64();
  private previous: HashSet64 | undefined;

  constructor(private readonly generation = 2_000_000) {}

  /** false when `key` was seen recently. */
  add(key: string): boolean {
    if (this.previous?.has(key)) return false;
    if (!this.current.add(key)) return false;
    if (this.current.size >= this.generation) {
      this.previous = this.current;
      this.current = new HashSet64();
    }
    return true;
  }
}

export interface Held<T> {
  record: UsageRecord;
  extra: T;
}

const size = (r: UsageRecord) => r.input + r.output + r.cacheRead + r.cacheWrite5m + r.cacheWrite1h;

/**
 * Streaming snapshots (Claude Code): of the records sharing a key, keep the largest. A sidechain copy of a
 * message that also appears outside the sidechain under another request id is a replay, not usage.
 */
export class KeepLargest<T> {
  private readonly held_ = new Map<string, Held<T>>();
  collapsed = 0;

  /** Responses held (one snapshot each). */
  get size(): number {
    return this.held_.size;
  }

  offer(record: UsageRecord, extra: T): void {
    const key = record.dedup!.key;
    const prev = this.held_.get(key);
    if (prev) this.collapsed++;
    if (!prev || size(record) > size(prev.record)) this.held_.set(key, { record, extra });
  }

  /** The records held so far, in the order their keys were first seen (for merging across threads). */
  held(): Held<T>[] {
    return [...this.held_.values()];
  }

  /**
   * Settles one file's snapshots against the responses counted in files before it (`claims`): a
   * response counted already is a copy (a resumed session repeats its history), a sidechain replay of a
   * message counted in this file or an earlier one is dropped; the rest are kept, in the order first seen.
   */
  settle(claims: Claims): { kept: Held<T>[]; replays: number; copies: number } {
    const held = [...this.held_.values()];
    this.held_.clear();
    const keep = new Array<boolean>(held.length);
    let replays = 0;
    let copies = 0;
    // Main-line messages first, so a replay earlier in the file than its parent is still recognised.
    for (const side of [false, true])
      held.forEach((h, k) => {
        const d = h.record.dedup!;
        if (!!d.sidechain !== side) return;
        if (side && d.messageId && claims.hasMain(d.messageId)) {
          replays++;
          keep[k] = false;
        } else {
          keep[k] = claims.claim(d.key, d.messageId, !side);
          if (!keep[k]) copies++;
        }
      });
    return { kept: held.filter((_, k) => keep[k]), replays, copies };
  }
}

const LOCK = -1;

/**
 * An id set in shared memory that several threads fill at once (compare-and-swap on each slot), so parallel
 * readers of one log de-duplicate against each other. Fixed capacity: past 3/4 full it still recognises the
 * ids it holds but stops remembering new ones (they count as unseen), which keeps memory bounded; how many
 * it could not remember is counted (`forgotten`), so that a caller knows its answers were not exact.
 *
 * Each thread adds its inserts to the shared count in batches: one shared counter bumped on every insert
 * moved its cache line between the cores each time (measured: 0.5-0.8 us an id on two threads, the
 * largest cost after parsing). The count then lags by at most a batch a thread, so "3/4 full" may be
 * passed by threads x batch slots; a batch is at most 1/4096 of the slots, so a free slot always remains
 * (linear probing needs one to end) for up to a thousand threads.
 */
export class SharedIds implements IdSet {
  /** [ids held (flushed batches), ids not remembered for want of room] */
  private readonly head: Int32Array;
  private readonly slots: Int32Array;
  private readonly size: number;
  private readonly batch: number;
  /** Inserts by this thread not yet added to head[0]. */
  private pending = 0;

  static allocate(slots: number): SharedArrayBuffer {
    return new SharedArrayBuffer(8 + Math.max(1024, slots) * 8);
  }

  constructor(buffer: SharedArrayBuffer) {
    this.head = new Int32Array(buffer, 0, 2);
    this.slots = new Int32Array(buffer, 8);
    this.size = this.slots.length >>> 1;
    this.batch = Math.max(1, Math.min(1024, this.size >>> 12));
  }

  /** Ids seen once the set was full, and so not remembered: a later copy of one was counted again. */
  get forgotten(): number {
    return Atomics.load(this.head, 1);
  }

  add(key: string): boolean {
    hash64(key);
    const a = hashLo() | 0;
    const b = (hashHi() | 0) === LOCK ? -2 : hashHi() | 0;
    // Reading the count is cheap now that it is written once a batch (its line stays in both caches).
    const full = (Atomics.load(this.head, 0) + this.pending) * 4 > this.size * 3;
    const slots = this.slots;
    for (let i = ((a ^ Math.imul(b, 0x27d4eb2d)) >>> 0) % this.size; ;) {
      const at = i << 1;
      const lo = Atomics.load(slots, at + 1);
      if (lo === 0) {
        if (full) {
          Atomics.add(this.head, 1, 1); // unseen, and no room to remember it
          return true;
        }
        if (Atomics.compareExchange(slots, at + 1, 0, LOCK) !== 0) continue; // lost the race: look again
        Atomics.store(slots, at, a);
        Atomics.store(slots, at + 1, b);
        if (++this.pending === this.batch) this.flush();
        return true;
      }
      if (lo === LOCK) continue; // another thread is writing this slot
      if (lo === b && Atomics.load(slots, at) === a) return false;
      i = i + 1 === this.size ? 0 : i + 1;
    }
  }

  private flush(): void {
    Atomics.add(this.head, 0, this.pending);
    this.pending = 0;
  }
}
