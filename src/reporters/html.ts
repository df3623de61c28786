import { barChartSvg, esc } from './html-chart.js';
import {
  cellText,
  cleanNumber,
  SCHEMA_VERSION,
  type RenderOptions,
  type Report,
} from './report.js';

const STYLE = `
:root{color-scheme:light dark;--fg:#1d1f23;--bg:#fff;--muted:#667;--line:#d8dbe0;--head:#f3f4f6;
--s1:#4c78a8;--s2:#f58518;--s3:#54a24b;--s4:#e45756;--s5:#72b7b2;--s6:#b279a2;--s7:#eeca3b;--s8:#9d755d}
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--bg:#16181c;--muted:#9aa;--line:#343842;--head:#20232a}}
body{font:14px/1.45 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:2rem auto;max-width:1100px;padding:0 1rem}
h1{font-size:1.3rem}h2{font-size:1.05rem;margin-top:2rem}p.plain,p.dim{color:var(--muted)}p.bad{color:var(--s4)}p.good{color:var(--s3)}
p.warn{color:var(--s2)}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border-bottom:1px solid var(--line);padding:.3rem .6rem;text-align:left}
th{background:var(--head);cursor:pointer;user-select:none;white-space:nowrap}td.r,th.r{text-align:right;font-variant-numeric:tabular-nums}
th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
figure{margin:1.5rem 0}figcaption{font-weight:600;margin-bottom:.3rem}svg text{fill:var(--fg);font-size:12px}svg text.v{fill:var(--muted)}
line.mark{stroke:var(--s4);stroke-dasharray:4 3}.legend{color:var(--muted)}
${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `.s${i}{fill:var(--s${i});color:var(--s${i})}`).join('')}
`;

// Sorts a table by the clicked column: numbers by value (data-v), text by text; a second click reverses.
const SCRIPT = `
document.querySelectorAll('table').forEach((t)=>{t.querySelectorAll('th').forEach((th,i)=>th.addEventListener('click',()=>{
const dir=th.getAttribute('aria-sort')==='ascending'?'descending':'ascending';t.querySelectorAll('th').forEach((h)=>h.removeAttribute('aria-sort'));
th.setAttribute('aria-sort',dir);const body=t.tBodies[0];const rows=[...body.rows];const key=(r)=>{const c=r.cells[i];const v=c.dataset.v;
return v!==undefined&&v!==''&&!isNaN(Number(v))?Number(v):c.textContent};rows.sort((a,b)=>{const x=key(a),y=key(b);
const o=typeof x==='number'&&typeof y==='number'?x-y:String(x).localeCompare(String(y));return dir==='ascending'?o:-o});rows.forEach((r)=>body.appendChild(r))}))});
`;

/**
 * The report as one self-contained HTML page: styles, script, charts (inline SVG) and the JSON document
 * inline, nothing fetched, so it works from a file:// URL and as a CI artifact. Light and dark themes follow
 * the system; every table sorts by a click on its header. All text from logs is escaped.
 */
export function renderHtml(report: Report, opts: RenderOptions): string {
  const parts: string[] = [];
  for (const section of report.sections) {
    if (section.kind === 'text') {
      const tone = section.tone ?? 'plain';
      parts.push(section.lines.map((l) => `<p class="${tone}">${esc(l)}</p>`).join('\n'));
      continue;
    }
    const t = section.table;
    const head = t.columns
      .map((c) => `<th${c.align === 'right' ? ' class="r"' : ''}>${esc(c.header)}</th>`)
      .join('');
    const rows = t.rows.map((row) => {
      const cells = t.columns.map((c) => {
        const raw = row[c.key];
        const v = typeof raw === 'number' && Number.isFinite(raw) ? ` data-v="${raw}"` : '';
        return `<td${c.align === 'right' ? ' class="r"' : ''}${v}>${esc(cellText(c, row))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    });
    parts.push(
      `${t.title ? `<h2>${esc(t.title)}</h2>` : ''}<table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`,
    );
  }
  const charts = (report.charts ?? []).map((c, i) => barChartSvg(c, i));
  const doc = { schemaVersion: SCHEMA_VERSION, catalogDate: opts.catalogDate, ...report.json };
  const json = JSON.stringify(doc, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? null : cleanNumber(v),
  ).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>llmcost report</title><style>${STYLE}</style></head>
<body><h1>llmcost report <small>(prices of ${esc(opts.catalogDate)})</small></h1>
${charts.length ? `<section class="charts">${charts.join('\n')}</section>` : ''}
${parts.join('\n')}
<script type="application/json" id="llmcost-data">${json}</script>
<script>${SCRIPT}</script>
</body></html>
`;
}
