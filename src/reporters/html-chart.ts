import { shortenMiddle } from './fit.js';
import type { BarChart } from './report.js';

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const fmt = (v: number, unit: BarChart['unit']) =>
  unit === 'usd'
    ? `$${v >= 100 ? v.toFixed(0) : v >= 1 ? v.toFixed(2) : v.toPrecision(3)}`
    : unit === 'ratio'
      ? `${v.toFixed(1)}:1`
      : Math.round(v).toLocaleString('en-US');

const ROW = 22;
const LABEL = 260;
const PLOT = 420;

/**
 * One horizontal bar chart as inline SVG: a bar per row (stacked when it has parts, a colour per part
 * label), its value at the end, and a dashed line for a budget or the two edges of a healthy band. Drawn
 * here rather than by a charting library: the report must work offline from a file:// URL, and a few
 * rectangles need no dependency.
 */
export function barChartSvg(chart: BarChart, index: number): string {
  const max = Math.max(
    ...chart.bars.map((b) => b.value),
    chart.marker?.value ?? 0,
    chart.band?.high ?? 0,
    Number.MIN_VALUE,
  );
  const x = (v: number) => LABEL + (Math.max(v, 0) / max) * PLOT;
  const parts = [...new Set(chart.bars.flatMap((b) => (b.parts ?? []).map((p) => p.label)))];
  const height = chart.bars.length * ROW + 30;
  const rows = chart.bars.map((b, i) => {
    const y = 20 + i * ROW;
    let at = 0;
    const rects = (b.parts?.length ? b.parts : [{ label: '', value: b.value }]).map((p) => {
      const rect = `<rect class="bar s${(Math.max(parts.indexOf(p.label), 0) % 8) + 1}" x="${x(at).toFixed(1)}" y="${y}" width="${(x(at + p.value) - x(at)).toFixed(1)}" height="${ROW - 6}" data-label="${esc(b.label)}" data-part="${esc(p.label)}" data-value="${p.value}"><title>${esc(b.label)}${p.label ? ` · ${esc(p.label)}` : ''}: ${esc(fmt(p.value, chart.unit))}</title></rect>`;
      at += p.value;
      return rect;
    });
    return `<text x="${LABEL - 6}" y="${y + ROW - 10}" text-anchor="end">${esc(shortenMiddle(b.label, 34))}</text>${rects.join('')}<text x="${(x(b.value) + 4).toFixed(1)}" y="${y + ROW - 10}" class="v">${esc(fmt(b.value, chart.unit))}</text>`;
  });
  const lines = [
    ...(chart.marker ? [[chart.marker.value, chart.marker.label] as const] : []),
    ...(chart.band
      ? ([
          [chart.band.low, 'low'],
          [chart.band.high, 'high'],
        ] as const)
      : []),
  ].map(
    ([v, label]) =>
      `<line class="mark" x1="${x(v).toFixed(1)}" x2="${x(v).toFixed(1)}" y1="12" y2="${height - 8}"><title>${esc(label)}</title></line>`,
  );
  const legend = parts.length
    ? `<p class="legend">${parts.map((p, i) => `<span class="s${(i % 8) + 1}">■</span> ${esc(p)}`).join(' ')}</p>`
    : '';
  return `<figure id="chart-${index}"><figcaption>${esc(chart.title)}</figcaption><svg role="img" viewBox="0 0 ${LABEL + PLOT + 90} ${height}" width="${LABEL + PLOT + 90}" style="max-width:100%">${rows.join('')}${lines.join('')}</svg>${legend}</figure>`;
}

export { esc };
