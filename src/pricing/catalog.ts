import { PriceBook } from '../core/price-book.js';
import type { ModelRecord } from '../core/types.js';
import { applyOverrides } from './apply-overrides.js';
import { CATALOG_DATE, CATALOG_SOURCES, loadModels } from './catalog-data.js';
import type { ModelOverride } from './overrides-schema.js';

export { CATALOG_DATE, CATALOG_SOURCES };

export interface OverrideSet {
  file: string;
  models: ModelOverride[];
}

/** The bundled catalog with the user's overrides applied in order (config file first, then --pricing). */
export function loadPriceBook(overrides: OverrideSet[] = []): PriceBook {
  let records: ModelRecord[] = loadModels();
  for (const set of overrides) records = applyOverrides(records, set.models, set.file);
  return new PriceBook(records);
}
