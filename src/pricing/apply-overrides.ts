import { PRICE_UNITS, TOKEN_UNITS } from '../core/buckets.js';
import type { ModelRecord, PricePeriod } from '../core/types.js';
import { PriceBook } from '../core/price-book.js';
import { UsageError } from '../errors.js';
import type { ModelOverride } from './overrides-schema.js';

const PRICE_KEYS = PRICE_UNITS;

function discounted(p: PricePeriod, d: number): PricePeriod {
  const k = 1 - d;
  const out: PricePeriod = { ...p, input: p.input * k, output: p.output * k };
  for (const key of PRICE_KEYS) if (p[key] !== undefined) out[key] = p[key]! * k;
  if (p.tiers)
    out.tiers = p.tiers.map((t) => {
      const scaled = { ...t };
      for (const u of TOKEN_UNITS) if (t[u] !== undefined) scaled[u] = t[u]! * k;
      return scaled;
    });
  return out;
}

/** Explicit prices replace the catalog's whole history: a negotiated rate applies at every date. */
function overridePrices(base: PricePeriod[], o: ModelOverride): PricePeriod[] {
  const set = Object.fromEntries(
    PRICE_KEYS.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]),
  );
  let periods = base;
  if (Object.keys(set).length || o.tiers) {
    const latest = base[base.length - 1];
    const merged = {
      ...(latest ?? {}),
      ...set,
      ...(o.tiers ? { tiers: o.tiers } : {}),
    } as PricePeriod;
    delete merged.from;
    periods = [merged];
  }
  return o.discount ? periods.map((p) => discounted(p, o.discount!)) : periods;
}

export function applyOverrides(
  records: readonly ModelRecord[],
  overrides: ModelOverride[],
  file: string,
): ModelRecord[] {
  const out = [...records];
  const book = new PriceBook(records);
  overrides.forEach((o, i) => {
    const found = book.resolve(o.id);
    const where = `${file}: models[${i}] (${o.id})`;
    if (found.ok) {
      const r = found.record;
      const next: ModelRecord = {
        ...r,
        ...(o.name ? { name: o.name } : {}),
        ...(o.provider ? { provider: o.provider } : {}),
        aliases: [...new Set([...r.aliases, ...(o.aliases ?? []).map((a) => a.toLowerCase())])],
        prices: overridePrices(r.prices, o),
        ...(o.contextWindow ? { contextWindow: o.contextWindow } : {}),
        ...(o.maxOutput ? { maxOutput: o.maxOutput } : {}),
        ...(o.tokenizer ? { tokenizer: o.tokenizer } : {}),
        ...(o.minCacheTokens !== undefined ? { minCacheTokens: o.minCacheTokens } : {}),
        source: `override ${file} (was ${r.source})`,
      };
      out[out.indexOf(r)] = next;
      return;
    }
    if (o.input === undefined || o.output === undefined) {
      throw new UsageError(
        `${where}: not in the catalog, so it needs input and output prices`,
        'add input: and output: (USD per 1M tokens)',
      );
    }
    out.push({
      id: o.id,
      provider: o.provider ?? 'custom',
      creator: o.provider ?? 'custom',
      name: o.name ?? o.id,
      aliases: [...new Set([o.id.toLowerCase(), ...(o.aliases ?? []).map((a) => a.toLowerCase())])],
      prices: overridePrices([{ input: o.input, output: o.output }], o),
      ...(o.contextWindow ? { contextWindow: o.contextWindow } : {}),
      ...(o.maxOutput ? { maxOutput: o.maxOutput } : {}),
      tokenizer: o.tokenizer ?? 'other',
      ...(o.minCacheTokens !== undefined ? { minCacheTokens: o.minCacheTokens } : {}),
      sourceUrl: file,
      verified: '',
      source: `override ${file}`,
    });
  });
  return out;
}
