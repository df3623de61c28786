import type { UsageRecord } from './usage-record.js';

/**
 * A set of 64-bit string hashes (two 32-bit FNV-1a lanes) in typed arrays: 2 million ids cost ~32 MB
 * instead of the ~170 MB a Set of strings would. A false "seen" needs a 64-bit collision.
 */
export class HashSet64 {
  private hi = new Uint32Array(1 << 16);
  private lo = new Uint32Array(1 << 16);
  private used = new Uint8Array(1 << 16);
  private count = 0;

  /** Adds `key`; returns false when it was already present. */
  add(key: string): boolean {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x9e3779b9;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995);
    }
    a >>>= 0;
    b >>>= 0;
    if ((this.count + 1) * 2 > this.used.length) this.grow();
    return this.insert(a, b);
  }

  private insert(a: number, b: number): boolean {
    const mask = this.used.length - 1;
    for (let i = (a ^ Math.imul(b, 0x27d4eb2d)) & mask; ; i = (i + 1) & mask) {
      if (!this.used[i]) {
        this.used[i] = 1;
        this.hi[i] = a;
        this.lo[i] = b;
        this.count++;
        return true;
      }
      if (this.hi[i] === a && this.lo[i] === b) return false;
    }
  }

  private grow(): void {
    const { hi, lo, used } = this;
    this.hi = new Uint32Array(used.length * 2);
    this.lo = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.count = 0;
    for (let i = 0; i < used.length; i++) if (used[i]) this.insert(hi[i]!, lo[i]!);
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
  private readonly held = new Map<string, Held<T>>();
  collapsed = 0;

  offer(record: UsageRecord, extra: T): void {
    const key = record.dedup!.key;
    const prev = this.held.get(key);
    if (prev) this.collapsed++;
    if (!prev || size(record) > size(prev.record)) this.held.set(key, { record, extra });
  }

  /** The kept records, and how many sidechain replays were dropped. */
  drain(): { kept: Held<T>[]; replays: number } {
    const mainIds = new Set<string>();
    for (const h of this.held.values())
      if (!h.record.dedup!.sidechain && h.record.dedup!.messageId)
        mainIds.add(h.record.dedup!.messageId);
    const kept: Held<T>[] = [];
    let replays = 0;
    for (const h of this.held.values()) {
      const d = h.record.dedup!;
      if (d.sidechain && d.messageId && mainIds.has(d.messageId)) replays++;
      else kept.push(h);
    }
    this.held.clear();
    return { kept, replays };
  }
}
