/** Month-by-month cost under compound monthly growth: month k costs monthly × (1 + g)^(k − 1). */
export interface MonthProjection {
  month: number;
  cost: number;
  cumulative: number;
}

export function project(monthly: number, growth: number, months: number): MonthProjection[] {
  const out: MonthProjection[] = [];
  let cumulative = 0;
  for (let k = 1; k <= months; k++) {
    const cost = monthly * (1 + growth) ** (k - 1);
    cumulative += cost;
    out.push({ month: k, cost, cumulative });
  }
  return out;
}
