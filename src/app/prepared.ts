import type { LoadedConfig } from '../config/load.js';
import type { PriceBook } from '../core/price-book.js';
import type { OverrideSet } from '../pricing/catalog.js';
import type { CatalogChoice } from '../pricing/user-catalog.js';
import type { Format } from '../reporters/index.js';
import type { Report } from '../reporters/report.js';

/** What every use case gets from the command that runs it: the loaded config, the price book, the output. */
export interface Prepared {
  format: Format;
  color: boolean;
  config: LoadedConfig;
  book: PriceBook;
  /** The pricing overrides the book was built with, for threads that build their own. */
  overrides: OverrideSet[];
  /** Which catalog the book was built from, for threads that build their own. */
  catalog: CatalogChoice;
  render: (report: Report) => string;
}
