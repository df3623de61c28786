import type { PriceBook } from '../core/price-book.js';
import type { ModelRecord } from '../core/types.js';
import { UsageError } from '../errors.js';

/**
 * The catalog record a name given on the command line or in a scenario means (count --models, estimate
 * and its routes, analyze --reprice-as): an unknown name is a usage error with the nearest names.
 */
export function resolveModel(book: PriceBook, name: string, where: string): ModelRecord {
  const res = book.resolve(name);
  if (res.ok) return res.record;
  throw new UsageError(
    `${where}: unknown model "${name}" (not in the price catalog)`,
    res.candidates.length
      ? `did you mean ${res.candidates.join(', ')}? Or add it with --pricing FILE.yaml`
      : 'add it with --pricing FILE.yaml',
  );
}
