import type { RankTable } from './rank-table.js';
/**
 * Byte-pair token counting over "binary strings" (one char per byte, 0-255). Merges follow tiktoken
 * exactly: take the lowest-ranked adjacent pair, leftmost on ties, until no pair has a rank.
 */

/** A rank table over a Map (js-tiktoken's data loaded at run time, when the build wrote no table file). */
export class MapRanks implements RankTable {
  constructor(private readonly map: Map<string, number>) {}

  rank(bytes: string, start: number, end: number): number {
    return this.map.get(bytes.slice(start, end)) ?? -1;
  }
}

import { heapBpeCount } from './bpe-heap.js';

export type { RankTable };

const NONE = 0x7fffffff;
// Scratch arrays reused across calls: a memo miss then allocates nothing, which matters when two threads
// each warm their own memo at once.
let starts = new Int32Array(64);
let rankAt = new Int32Array(64);

/** From this many bytes a heap finds each merge faster than a scan of every pair. */
const HEAP_FROM = 128;

export function bpeCount(bytes: string, ranks: RankTable): number {
  const n = bytes.length;
  if (n <= 1 || ranks.rank(bytes, 0, n) >= 0) return 1;
  return n < HEAP_FROM ? scanBpeCount(bytes, ranks) : heapBpeCount(bytes, ranks);
}

/** Merges by scanning every adjacent pair for the lowest rank: quadratic, and fastest for short pieces. */
export function scanBpeCount(bytes: string, ranks: RankTable): number {
  const n = bytes.length;
  if (starts.length <= n) {
    starts = new Int32Array(2 * n);
    rankAt = new Int32Array(2 * n);
  }
  // Part i is bytes[starts[i], starts[i + 1]); starts[parts] = n; rankAt[i] ranks parts i and i+1 merged.
  let parts = n;
  for (let i = 0; i <= n; i++) starts[i] = i;
  const pair = (i: number): number => {
    const r = ranks.rank(bytes, starts[i]!, starts[i + 2]!);
    return r < 0 ? NONE : r;
  };
  for (let i = 0; i < n - 1; i++) rankAt[i] = pair(i);
  for (;;) {
    let best = NONE;
    let at = -1;
    for (let i = 0; i < parts - 1; i++) {
      if (rankAt[i]! < best) {
        best = rankAt[i]!;
        at = i;
      }
    }
    if (at < 0) return parts;
    rankAt.copyWithin(at, at + 1, parts - 1);
    starts.copyWithin(at + 1, at + 2, parts + 1);
    parts--;
    if (at < parts - 1) rankAt[at] = pair(at);
    if (at > 0) rankAt[at - 1] = pair(at - 1);
  }
}
