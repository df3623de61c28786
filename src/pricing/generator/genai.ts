import { DISPLAY_BUCKETS, type TOKEN_UNITS } from '../../core/buckets.js';
import type { PricePeriod, PriceSet, PriceTier, TimeWindow } from '../../core/types.js';

type GPrice = number | { base: number; tiers: { start: number; price: number }[] };
type GPrices = Record<string, GPrice | undefined>;
interface GEntry {
  constraint?: { start_date?: string; start_time?: string; end_time?: string };
  prices: GPrices;
}
export interface GModel {
  id: string;
  name?: string;
  match: unknown;
  context_window?: number;
  prices: GPrices | GEntry[];
  price_comments?: string;
}
export interface GProvider {
  id: string;
  pricing_urls?: string[];
  models: GModel[];
}

/** genai-prices' field for each of our token units: the Record makes a new unit a compile error here. */
const GENAI_FIELDS: Record<(typeof TOKEN_UNITS)[number], string> = {
  input: 'input_mtok',
  output: 'output_mtok',
  cacheRead: 'cache_read_mtok',
  cacheWrite5m: 'cache_write_mtok',
  cacheWrite1h: 'cache_write_1h_mtok',
  audioInput: 'input_audio_mtok',
  audioCacheRead: 'cache_audio_read_mtok',
  imageInput: 'input_image_mtok',
  audioOutput: 'output_audio_mtok',
  imageOutput: 'output_image_mtok',
  // USD per 1,000 searches, as our unit is.
  webSearch: 'web_searches_kcount',
  request: 'requests_kcount',
};
// In the order tables show them, so the generated catalog keeps its key order.
const KEYS = DISPLAY_BUCKETS.map((b) => [b.unit, GENAI_FIELDS[b.unit]] as const);

function base(p: GPrice | undefined): number | undefined {
  if (p === undefined) return undefined;
  return typeof p === 'number' ? p : p.base;
}

function atTier(p: GPrice | undefined, start: number): number | undefined {
  if (p === undefined) return undefined;
  if (typeof p === 'number') return p;
  const hit = p.tiers.find((t) => t.start === start);
  return hit ? hit.price : p.base;
}

/**
 * A price as the decimal it was published as: a few of genai-prices' figures carry the noise of a unit
 * conversion in doubles (0.18000000000000002 for $0.18); ten significant digits, as LiteLLM's are read.
 */
const published = (v: number): number => Number(v.toPrecision(10));

function toSet(g: GPrices, pick: (p: GPrice | undefined) => number | undefined): PriceSet {
  const set: Partial<PriceSet> = {};
  for (const [ours, theirs] of KEYS) {
    const v = pick(g[theirs]);
    if (v !== undefined) set[ours] = published(v);
  }
  if (set.input === undefined || set.output === undefined) {
    throw new Error(`price set without input/output: ${JSON.stringify(g)}`);
  }
  return set as PriceSet;
}

function toPeriod(g: GPrices, from?: string): PricePeriod {
  const starts = new Set<number>();
  for (const [, key] of KEYS) {
    const p = g[key];
    if (p !== undefined && typeof p !== 'number') p.tiers.forEach((t) => starts.add(t.start));
  }
  const tiers: PriceTier[] = [...starts]
    .sort((a, b) => a - b)
    .map((start) => ({ threshold: start, ...toSet(g, (p) => atTier(p, start)) }));
  return {
    ...(from ? { from } : {}),
    ...toSet(g, base),
    ...(tiers.length ? { tiers } : {}),
  };
}

/** Converts genai-prices' price list (dated steps, daily windows, tiers) to our dated periods. */
export function periodsOf(model: GModel): PricePeriod[] {
  if (!Array.isArray(model.prices)) return [toPeriod(model.prices)];
  const periods: PricePeriod[] = [];
  for (const entry of model.prices) {
    const c = entry.constraint;
    if (c?.start_time && c.end_time) {
      const last = periods[periods.length - 1];
      if (!last) throw new Error(`${model.id}: time window before any period`);
      const window: TimeWindow = {
        start: c.start_time.slice(0, 5),
        end: c.end_time.slice(0, 5),
        prices: toSet(entry.prices, base),
      };
      last.windows = [...(last.windows ?? []), window];
    } else {
      periods.push(toPeriod(entry.prices, c?.start_date));
    }
  }
  return periods;
}

export function findModel(
  data: GProvider[],
  provider: string,
  id: string,
): { p: GProvider; m: GModel } {
  const p = data.find((x) => x.id === provider);
  const m = p?.models.find((x) => x.id === id);
  if (!p || !m) throw new Error(`genai-prices has no ${provider}/${id}`);
  return { p, m };
}

/** Plain `equals` names from a match clause: they become exact aliases. */
export function equalsNames(match: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.equals === 'string') out.push(o.equals.toLowerCase());
    for (const key of ['or', 'and']) if (Array.isArray(o[key])) (o[key] as unknown[]).forEach(walk);
  };
  walk(match);
  return out;
}
