import type { PricedGroup } from '../core/price-groups.js';
import { ioRatio } from '../core/price-groups.js';
import type { BarChart } from '../reporters/report.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { dimName } from './analyze-report.js';
import type { AnalyzeResult } from './analyze-result.js';

const MAX_BARS = 25;

/** Spend per day, stacked by model when the groups are by day and model. */
function perDay(r: AnalyzeResult, o: AnalyzeOptions): BarChart {
  const days = r.days.filter((d) => d.keys[0] !== 'unknown');
  const dayAt = o.by.findIndex((d) => d === 'day');
  const modelAt = o.by.findIndex((d) => d === 'model');
  const stacked = o.by.length === 2 && dayAt >= 0 && modelAt >= 0;
  return {
    title: stacked ? 'Spend per day, by model' : 'Spend per day',
    unit: 'usd',
    bars: days.map((d) => ({
      label: d.keys[0]!,
      value: d.cost ?? 0,
      ...(stacked
        ? {
            parts: r.groups
              .filter((g) => g.keys[dayAt] === d.keys[0] && (g.cost ?? 0) > 0)
              .map((g) => ({ label: g.keys[modelAt]!, value: g.cost! })),
          }
        : {}),
    })),
  };
}

const label = (g: PricedGroup) => g.keys.join(' / ');

/** The charts of an analysis: spend per day, cost and share by group, input:output against the band, cache savings. */
export function analyzeCharts(r: AnalyzeResult, o: AnalyzeOptions): BarChart[] {
  const by = o.by.map(dimName).join(', ');
  const priced = r.groups.filter((g) => g.cost !== null).slice(0, MAX_BARS);
  const charts: BarChart[] = [];
  if (r.days.some((d) => d.keys[0] !== 'unknown')) charts.push(perDay(r, o));
  if (priced.length)
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
