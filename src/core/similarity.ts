/** Edit distance, for "did you mean" suggestions. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(prev[j]! + 1, cur[j - 1]! + 1, sub));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

export function nearest(name: string, pool: string[], n: number): string[] {
  return pool
    .map((p) => ({ p, d: editDistance(name, p) - (p.includes(name) || name.includes(p) ? 3 : 0) }))
    .sort((x, y) => x.d - y.d || x.p.localeCompare(y.p))
    .slice(0, n)
    .map((x) => x.p);
}
