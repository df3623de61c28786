import type { RankTable } from './rank-table.js';

const SHIFT = 2 ** 32; // a heap key is rank * SHIFT + start: lowest rank first, leftmost on ties

/**
 * The same merges as bpeCount's scan (lowest-ranked adjacent pair, leftmost on ties), in O(n log n) for
 * long pieces: a scan per merge is quadratic, and one 13,000-character run of emoji in a code file took
 * 450 ms that way. Parts are a linked list over byte positions; the heap holds candidate pairs, and an
 * entry is stale once either of its parts has changed (its start's version moved on, or the start was
 * merged away), so it is skipped when it surfaces.
 */
export function heapBpeCount(bytes: string, ranks: RankTable): number {
  const n = bytes.length;
  const next = new Int32Array(n + 1);
  const prev = new Int32Array(n);
  const version = new Int32Array(n);
  const alive = new Uint8Array(n).fill(1);
  for (let i = 0; i < n; i++) {
    next[i] = i + 1;
    prev[i] = i - 1;
  }
  next[n] = n;
  const heap = new PairHeap(3 * n);
  const offer = (start: number) => {
    const mid = next[start]!;
    if (mid >= n) return;
    const rank = ranks.rank(bytes, start, next[mid]!);
    if (rank >= 0) heap.push(rank * SHIFT + start, version[start]!);
  };
  for (let i = 0; i < n - 1; i++) offer(i);
  let parts = n;
  while (heap.size > 0) {
    const start = heap.topKey() % SHIFT;
    const stale = !alive[start] || heap.topVersion() !== version[start];
    heap.pop();
    if (stale) continue;
    const gone = next[start]!;
    alive[gone] = 0;
    next[start] = next[gone]!;
    if (next[gone]! < n) prev[next[gone]!] = start;
    parts--;
    version[start]!++;
    offer(start);
    const left = prev[start]!;
    if (left >= 0) {
      version[left]!++;
      offer(left);
    }
  }
  return parts;
}

/** A binary min-heap of (key, version) pairs in two typed arrays: no object per entry. */
class PairHeap {
  private readonly keys: Float64Array;
  private readonly versions: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.versions = new Int32Array(capacity);
  }

  topKey(): number {
    return this.keys[0]!;
  }

  topVersion(): number {
    return this.versions[0]!;
  }

  push(key: number, version: number): void {
    const { keys, versions } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      versions[i] = versions[parent]!;
      i = parent;
    }
    keys[i] = key;
    versions[i] = version;
  }

  pop(): void {
    const { keys, versions } = this;
    const last = --this.size;
    const key = keys[last]!;
    const version = versions[last]!;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && keys[child + 1]! < keys[child]!) child++;
      if (keys[child]! >= key) break;
      keys[i] = keys[child]!;
      versions[i] = versions[child]!;
      i = child;
    }
    keys[i] = key;
    versions[i] = version;
  }
}
