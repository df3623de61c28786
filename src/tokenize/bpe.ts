/**
 * Byte-pair token counting over a rank table keyed by "binary strings" (one char per byte, 0-255), which
 * avoids js-tiktoken's per-piece TextEncoder and "1,2,3" key joins. Merges follow tiktoken exactly: take
 * the lowest-ranked adjacent pair, leftmost on ties, until no pair has a rank.
 */
export type RankTable = Pick<Map<string, number>, 'get' | 'has'>;

export function bpeCount(bytes: string, ranks: RankTable): number {
  const n = bytes.length;
  if (n <= 1 || ranks.has(bytes)) return 1;
  // starts[i] is the byte offset where part i begins; parts end where the next begins (or at n).
  const starts: number[] = [];
  for (let i = 0; i < n; i++) starts.push(i);
  const pairRank = (i: number): number => {
    const end = i + 2 < starts.length ? starts[i + 2]! : n;
    return ranks.get(bytes.slice(starts[i]!, end)) ?? Infinity;
  };
  const rankAt: number[] = [];
  for (let i = 0; i < starts.length - 1; i++) rankAt.push(pairRank(i));
  for (;;) {
    let best = Infinity;
    let at = -1;
    for (let i = 0; i < rankAt.length; i++) {
      if (rankAt[i]! < best) {
        best = rankAt[i]!;
        at = i;
      }
    }
    if (at < 0) break;
    starts.splice(at + 1, 1);
    rankAt.splice(at, 1);
    if (at < rankAt.length) rankAt[at] = pairRank(at);
    if (at > 0) rankAt[at - 1] = pairRank(at - 1);
  }
  return starts.length;
}
