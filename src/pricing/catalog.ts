import { readFileSync } from 'node:fs';
import { PriceBook } from '../core/price-book.js';
import type { ModelRecord } from '../core/types.js';
import { applyOverrides } from './apply-overrides.js';
import { CATALOG_DATE, CATALOG_SOURCES, loadModels } from './catalog-data.js';
import type { ModelOverride } from './overrides-schema.js';
import type { CatalogChoice, UserCatalog } from './user-catalog.js';

export { CATALOG_DATE, CATALOG_SOURCES };

export interface OverrideSet {
  file: string;
  models: ModelOverride[];
}

/** The records of the chosen catalog: the bundled one, or the updated one in the user's cache folder. */
export function catalogRecords(choice?: CatalogChoice): ModelRecord[] {
  if (!choice?.file) return loadModels();
  return (JSON.parse(readFileSync(choice.file, 'utf8')) as UserCatalog).records;
}

/**
 * The catalog (bundled unless a newer updated one was chosen, or its records given) with the user's
 * overrides applied in order (config file first, then --pricing).
 */
export function loadPriceBook(
  overrides: OverrideSet[] = [],
  base: CatalogChoice | ModelRecord[] = [],
): PriceBook {
  let records: ModelRecord[] = Array.isArray(base)
    ? base.length
      ? base
      : loadModels()
    : catalogRecords(base);
  for (const set of overrides) records = applyOverrides(records, set.models, set.file);
  return new PriceBook(records);
}
