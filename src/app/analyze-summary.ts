import type { Dim } from '../core/aggregate.js';
import type { PricedGroup } from '../core/price-groups.js';
import { nearest } from '../core/similarity.js';
import { promptTokens } from '../core/buckets.js';
import type { Usage } from '../core/types.js';
import type { priceGroup } from '../core/price-groups.js';
import { UNKNOWN_MODEL } from '../core/usage-record.js';
import { int, pct, usd } from '../reporters/format-values.js';
import { reasonList, type Tally } from './analyze-tally.js';

/** Audio, image, web-search and fee counts, on a line of their own where the logs had any. */
function beyondText(u: Usage): string[] {
  const parts = [
    u.audioInput ? `${int(u.audioInput)} audio in` : '',
    u.audioCacheRead ? `${int(u.audioCacheRead)} audio cached` : '',
    u.imageInput ? `${int(u.imageInput)} image in` : '',
    u.audioOutput ? `${int(u.audioOutput)} audio out` : '',
    u.imageOutput ? `${int(u.imageOutput)} image out` : '',
    u.webSearches ? `${int(u.webSearches)} web searches` : '',
  ].filter(Boolean);
  return parts.length ? [`also: ${parts.join(' · ')} (priced at their own rates)`] : [];
}

/** The lines above the tables: period, tokens, cost, unpriced usage, and what was skipped and why. */
export function summaryLines(
  o: { tz: string },
  tally: Tally,
  total: ReturnType<typeof priceGroup>,
  period: string,
  unpricedTokens: number,
  allTokens: number,
  batchFallbacks: number,
): string[] {
  const u = total.usage;
  const lines = [
    `period: ${period} (${o.tz} days) · ${int(total.records)} records · ${int(u.requests)} requests`,
    `tokens: ${int(u.input)} input · ${int(u.cacheRead)} cache read · ${int(u.cacheWrite5m + u.cacheWrite1h)} cache write · ${int(u.output)} output (${int(u.reasoning)} reasoning) · input:output ${u.output ? (promptTokens(u) / u.output).toFixed(1) : '–'}:1`,
    ...beyondText(u),
    `cost: ${total.cost === null ? (total.records ? 'unpriced' : '– (no token usage read)') : usd(total.cost)}${total.loggedCost !== null && total.calculatedCost !== null && Math.abs(total.calculatedCost - (total.cost ?? 0)) >= 0.005 ? ` (calculated from tokens: ${usd(total.calculatedCost)})` : ''} · caching saved ${usd(total.cacheSavings)}`,
  ];
  if (unpricedTokens) {
    lines.push(
      `unpriced: ${int(unpricedTokens)} tokens (${pct(unpricedTokens / allTokens)} of all) from ${someOf(total.unpricedModels)}: not counted as $0; add prices with --pricing FILE.yaml`,
    );
  }
  if (tally.withoutModel)
    lines.push(
      `${int(tally.withoutModel)} record(s) carry usage but name no model: their tokens are kept under "${UNKNOWN_MODEL}", unpriced`,
    );
  if (batchFallbacks)
    lines.push(
      `${int(batchFallbacks)} batch record(s) priced at list price: no batch price in the catalog for their model.`,
    );
  if (tally.skipped.size) lines.push(`skipped (not usage): ${reasonList(tally.skipped)}`);
  if (tally.duplicates.size) lines.push(`duplicates collapsed: ${reasonList(tally.duplicates)}`);
  if (tally.malformed.size) lines.push(`malformed: ${reasonList(tally.malformed)}`);
  if (tally.filtered)
    lines.push(`filtered out by --since/--until/--model: ${int(tally.filtered)} records`);
  return lines;
}

/**
 * Warnings for a run that found nothing to sum, and for each --by field no record carries (with the
 * nearest names the records do carry).
 */
export function emptyWarnings(
  by: Dim[],
  groups: PricedGroup[],
  records: number,
  lines: number,
  billed: number,
  fieldsSeen: Iterable<string>,
): string[] {
  if (records === 0)
    return billed ? [] : [`llmcost: no usage records found (${int(lines)} line(s) read)`];
  const out: string[] = [];
  by.forEach((d, i) => {
    if (typeof d === 'string' || groups.some((g) => g.keys[i] !== '(none)')) return;
    const names = [...new Set([...fieldsSeen, 'day', 'week', 'month', 'model', 'provider'])];
    out.push(
      `llmcost: --by ${d.field}: no record carries it; nearest: ${nearest(d.field.slice(0, 80), names, 3).join(', ')}`,
    );
  });
  return out;
}

/** Up to ten names, then how many more (the JSON output lists them all). */
function someOf(names: string[]): string {
  return names.length <= 10
    ? names.join(', ')
    : `${names.slice(0, 10).join(', ')} and ${int(names.length - 10)} more`;
}
