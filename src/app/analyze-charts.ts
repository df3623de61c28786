import type { PricedGroup } from '../core/price-groups.js';
import { ioRatio } from '../core/price-groups.js';
import type { BarChart } from '../reporters/report.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { dimName } from './analyze-report.js';
import type { AnalyzeResult } from './analyze-result.js';

const MAX_BARS = 25;

/** Spend per day, stacked by model. */
function perDay(r: AnalyzeResult): BarChart {
  const days = r.days.filter((d) => d.keys[0] !== 'unknown');
  return {
    title: 'Spend per day, by model',
    unit: 'usd',
    bars: days.map((d) => ({
      label: d.keys[0]!,
      value: d.cost ?? 0,
      parts: r.dayModels
        .filter((g) => g.keys[0] === d.keys[0] && (g.cost ?? 0) > 0)
        .sort((a, b) => b.cost! - a.cost!)
        .map((g) => ({ label: g.keys[1]!, value: g.cost! })),
    })),
  };
}

/** Spend summed by the model or provider of the per-day sums, largest first. */
function share(r: AnalyzeResult, at: 1 | 2, title: string): BarChart {
  const sums = new Map<string, number>();
  for (const g of r.dayModels)
    if (g.cost !== null) sums.set(g.keys[at]!, (sums.get(g.keys[at]!) ?? 0) + g.cost);
  return {
    title,
    unit: 'usd',
    bars: [...sums]
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_BARS)
      .map(([label, value]) => ({ label, value })),
  };
}

const label = (g: PricedGroup) => g.keys.join(' / ');

/** The charts of an analysis: spend per day, cost and share by group, input:output against the band, cache savings. */
export function analyzeCharts(r: AnalyzeResult, o: AnalyzeOptions): BarChart[] {
  const by = o.by.map(dimName).join(', ');
  const priced = r.groups.filter((g) => g.cost !== null).slice(0, MAX_BARS);
  const charts: BarChart[] = [];
  if (r.days.some((d) => d.keys[0] !== 'unknown')) charts.push(perDay(r));
  if (r.dayModels.some((g) => g.cost !== null))
    charts.push(share(r, 1, 'Share of spend by model'), share(r, 2, 'Share of spend by provider'));
  const byModelOrProvider = o.by.length === 1 && (o.by[0] === 'model' || o.by[0] === 'provider');
  if (priced.length && !byModelOrProvider)
    charts.push({
      title: `Cost by ${by}`,
      unit: 'usd',
      bars: [...priced]
        .sort((a, b) => b.cost! - a.cost!)
        .map((g) => ({ label: label(g), value: g.cost! })),
    });
  const ratios = r.groups.filter((g) => Number.isFinite(ioRatio(g.usage))).slice(0, MAX_BARS);
  if (ratios.length)
    charts.push({
      title: `Input:output by ${by}, against the healthy band`,
      unit: 'ratio',
      bars: ratios.map((g) => ({ label: label(g), value: ioRatio(g.usage) })),
      band: o.band,
    });
  const saved = r.groups.filter((g) => g.cacheSavings !== 0).slice(0, MAX_BARS);
  if (saved.length)
    charts.push({
      title: `What caching saved, by ${by}`,
      unit: 'usd',
      bars: saved.map((g) => ({ label: label(g), value: g.cacheSavings })),
    });
  return charts;
}
