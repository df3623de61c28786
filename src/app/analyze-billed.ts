import type { BilledLine } from '../core/aggregate.js';
import { int, usd } from '../reporters/format-values.js';
import type { Section } from '../reporters/report.js';

/**
 * What cost reports billed, by day and line item (largest first within a day), kept apart from the
 * token-based cost: the summary line, the table and the JSON, or nothing when no cost report was read.
 */
export function billedPart(lines: Iterable<BilledLine>) {
  const rows = [...lines].sort((a, b) => a.day.localeCompare(b.day) || b.cost - a.cost);
  const total = rows.reduce((sum, b) => sum + b.cost, 0);
  const days = [...new Set(rows.map((r) => r.day))].filter((d) => d !== 'unknown');
  const json = { total, lines: rows };
  if (!rows.length) return { json, days };
  const section: Section = {
    kind: 'table',
    table: {
      title: 'Billed in cost reports (apart from the token-based cost above)',
      columns: [
        { key: 'day', header: 'day' },
        { key: 'lineItem', header: 'line item' },
        { key: 'cost', header: 'billed', align: 'right', format: (v) => usd(v as number) },
      ],
      rows: rows.map((r) => ({ day: r.day, lineItem: r.lineItem, cost: r.cost })),
    },
  };
  const line = `billed in cost reports: ${usd(total)} on ${int(days.length)} day(s), ${int(rows.length)} line(s); shown apart, not added to the token-based cost`;
  return { json, days, section, line };
}
