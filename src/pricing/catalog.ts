import { readFileSync } from 'node:fs';
import { PriceBook } from '../core/price-book.js';
import type { ModelRecord } from '../core/types.js';
import { applyOverrides } from './apply-overrides.js';
import {
  CATALOG_DATE,
  CATALOG_SIZE,
  CATALOG_SOURCES,
  loadDefaultView,
  loadModels,
} from './catalog-data.js';
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
  const bundled = Array.isArray(base) ? !base.length : !base.file;
  const records = () => {
    let r: ModelRecord[] = Array.isArray(base)
      ? base.length
        ? base
        : loadModels()
      : catalogRecords(base);
    for (const set of overrides) r = applyOverrides(r, set.models, set.file);
    return r;
  };
  // Overrides are applied now: a bad pricing file is an error whatever the command goes on to do.
  if (overrides.length || !bundled) return new PriceBook(records());
  // The bundled catalog is read only as far as the command needs it.
  return new PriceBook(records, () => ({ records: loadDefaultView(), total: CATALOG_SIZE }));
}
