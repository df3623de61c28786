import type { ModelRecord } from '../../core/types.js';
import { buildCurated, type CatalogInputs } from './curated.js';
import { applyCorrections } from './corrections.js';
import { expand, type Disagreement, type Fate } from './expand.js';
import { billingVariants } from './billing-variants.js';

export type { CatalogInputs };

export interface BuiltCatalog {
  records: ModelRecord[];
  /** How many of `records` are the curated ones (first in the list). */
  curated: number;
  fates: Fate[];
  disagreements: Disagreement[];
  /** What was missing from the maps (a curated model's source), and what was done instead. */
  notes: string[];
  /** The records corrections.ts changed. */
  corrected: string[];
}

/**
 * The whole catalog from the two maps: the curated records, then every other model priced per token. One
 * function for `npm run catalog` (the bundled catalog) and `llmcost prices update` (a newer one).
 */
export function buildCatalog(inputs: CatalogInputs): BuiltCatalog {
  const curated = buildCurated(inputs);
  const expanded = expand(curated.records, inputs.genai, inputs.litellm, {
    genaiDate: inputs.genaiDate,
    genaiLabel: inputs.genaiLabel,
    litellmDate: inputs.litellmDate,
    checked: inputs.checked,
  });
  const corrected = applyCorrections(expanded.records, inputs.litellm);
  return {
    ...expanded,
    records: [...corrected.records, ...billingVariants(corrected.records, inputs.litellm)],
    curated: curated.records.length,
    notes: curated.notes,
    corrected: corrected.changed,
  };
}
