import { writeFileSync } from 'node:fs';
import type { ModelRecord } from '../../core/types.js';
import { CORRECTIONS, RESOLUTIONS } from './corrections.js';
import type { Disagreement, Fate } from './expand.js';
import { HISTORY } from './history.js';

/**
 * The generator's account of both maps: per provider, how many models the catalog has; per source model,
 * whether it was included, merged into a record as an alias, or left out and why; and every price
 * disagreement between the maps (the catalog keeps genai-prices' price, or the curated one).
 */
export function writeReport(
  file: string,
  r: {
    records: ModelRecord[];
    fates: Fate[];
    disagreements: Disagreement[];
    corrected: string[];
  },
  curated: number,
): void {
  const perProvider: Record<string, number> = {};
  for (const m of r.records) perProvider[m.provider] = (perProvider[m.provider] ?? 0) + 1;
  const count = (source: Fate['source'], fate: Fate['fate']) =>
    r.fates.filter((f) => f.source === source && f.fate === fate).length;
  const summary = {
    records: r.records.length,
    curated,
    generated: r.records.length - curated,
    deprecated: r.records.filter((m) => m.status === 'deprecated').length,
    genaiPrices: {
      included: count('genai-prices', 'included'),
      alias: count('genai-prices', 'alias'),
      leftOut: count('genai-prices', 'left out'),
    },
    litellm: {
      included: count('litellm', 'included'),
      alias: count('litellm', 'alias'),
      leftOut: count('litellm', 'left out'),
    },
    disagreements: r.disagreements.length,
    resolutions: RESOLUTIONS.length,
    corrections: CORRECTIONS.length,
    corrected: r.corrected.length,
    history: HISTORY.length,
  };
  const sorted = Object.fromEntries(Object.entries(perProvider).sort((a, b) => b[1] - a[1]));
  writeFileSync(
    file,
    `${JSON.stringify({ summary, perProvider: sorted, corrected: r.corrected, disagreements: r.disagreements, fates: r.fates }, null, 1)}\n`,
  );
  console.log(`wrote ${r.records.length} models (${curated} curated) and ${file}`);
  console.log(JSON.stringify(summary));
}
