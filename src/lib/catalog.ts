import type { PriceBook } from '../core/price-book.js';
import type { ModelRecord } from '../core/types.js';
import { CATALOG_DATE, loadPriceBook } from '../pricing/catalog.js';
import type { ModelOverride } from '../pricing/overrides-schema.js';
import { UsageError } from '../errors.js';
import { InvalidArgumentError, UnknownModelError } from './errors.js';

/**
 * A price catalog: the bundled one, or the bundled one with your own prices (negotiated rates, private
 * fine-tunes). Pass it as `pricing` to any function that prices.
 */
export interface Pricing {
  readonly book: PriceBook;
  /** The bundled catalog's snapshot date (YYYY-MM-DD). */
  readonly catalogDate: string;
}

let bundled: Pricing | undefined;

/** The bundled catalog, built on first use. */
export function defaultPricing(): Pricing {
  return (bundled ??= { book: loadPriceBook(), catalogDate: CATALOG_DATE });
}

/**
 * The bundled catalog with overrides applied, in the shape of a `--pricing` file's `models:` list: a new
 * model (`id`, `input`, `output` per 1M tokens, optional cache prices and `aliases`) or the fields to change
 * on a known one (`discount: 0.2` for 20% off every price).
 */
export function createPricing(models: readonly ModelOverride[]): Pricing {
  try {
    return {
      book: loadPriceBook([{ file: 'createPricing()', models: [...models] }]),
      catalogDate: CATALOG_DATE,
    };
  } catch (err) {
    if (err instanceof UsageError) throw new InvalidArgumentError(err.message);
    throw err;
  }
}

/** A catalog record and why a name resolved to it. */
export interface ResolvedModel extends ModelRecord {
  /** How the name matched, e.g. `alias "gpt-4o" after dropping the date suffix`. */
  resolvedBy: string;
}

/**
 * The catalog record a model name means, resolved the way `analyze` resolves log names (dated snapshots,
 * provider prefixes, OpenRouter suffixes). Throws {@link UnknownModelError} (code `UNKNOWN_MODEL`) for a name
 * the catalog does not know: an unknown model is unpriced, never $0.
 */
export function resolveModel(name: string, opts: { pricing?: Pricing } = {}): ResolvedModel {
  const res = (opts.pricing ?? defaultPricing()).book.resolve(name);
  if (!res.ok) throw new UnknownModelError(name, res.candidates);
  return { ...res.record, resolvedBy: res.reason };
}

export interface ModelFilter {
  /** Only these providers (`openai`, `anthropic`, `bedrock`, …). */
  provider?: string | readonly string[];
  /** A case-insensitive part of the id, name or an alias. */
  search?: string;
  pricing?: Pricing;
}

/** The catalog's records, optionally filtered; catalog order (by provider, then model). */
export function listModels(filter: ModelFilter = {}): ModelRecord[] {
  const providers =
    filter.provider === undefined
      ? undefined
      : (typeof filter.provider === 'string' ? [filter.provider] : filter.provider).map((p) =>
          p.toLowerCase(),
        );
  const q = filter.search?.toLowerCase();
  return (filter.pricing ?? defaultPricing()).book.records.filter(
    (r) =>
      (!providers || providers.includes(r.provider)) &&
      (!q ||
        r.id.toLowerCase().includes(q) ||
        r.name.toLowerCase().includes(q) ||
        r.aliases.some((a) => a.includes(q))),
  );
}
