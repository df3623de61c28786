import type { ModelRecord, PricePeriod } from '../../core/types.js';
import { equalsNames, periodsOf, type GModel, type GProvider } from './genai.js';
import { litellmBatchRatio, litellmMax, litellmPeriod, type LEntry } from './litellm.js';
import { creatorOf, FIRST_PARTY, gProvider, lProvider, tokenizerOf } from './providers.js';
import { nameKeys } from '../../core/resolve-name.js';
import { PriceBook } from '../../core/price-book.js';

/** What became of one model of a source map. */
export interface Fate {
  source: 'genai-prices' | 'litellm';
  key: string;
  fate: 'included' | 'alias' | 'left out';
  record?: string;
  reason?: string;
}

/** A model both maps price, at prices more than 1% apart (the catalog keeps genai-prices', or the curated one). */
export interface Disagreement {
  record: string;
  litellm: string;
  kept: { input: number; output: number };
  other: { input: number; output: number };
}

export interface SourceInfo {
  genaiDate: string;
  /** How records name the genai-prices source (`genai-prices@0.1.8`). */
  genaiLabel: string;
  litellmDate: string;
  checked: Record<string, string>;
}

const L_MODES = new Set(['chat', 'completion', 'embedding', 'responses']);
const BATCH_HALF = new Set(['openai', 'anthropic', 'google']);

/**
 * Every model the two maps price per token, beyond the curated records: genai-prices first (newer), then
 * LiteLLM for what genai-prices lacks. A model already in the catalog under one of its names, on the same
 * provider, becomes an alias of that record (the curated record's prices stand: they carry the reviewed
 * resolutions of reference.md §4). Every model of both maps ends in `fates`.
 */
export function expand(
  curated: ModelRecord[],
  genai: GProvider[],
  litellm: Record<string, LEntry>,
  info: SourceInfo,
) {
  const records = curated.map((r) => ({ ...r, aliases: [...r.aliases] }));
  const fates: Fate[] = [];
  const disagreements: Disagreement[] = [];
  const byProvider = new Map<string, Map<string, ModelRecord>>();
  const ids = new Set(records.map((r) => r.id));
  const indexOf = (p: string) => byProvider.get(p) ?? byProvider.set(p, new Map()).get(p)!;
  /** A re-seller's or platform's generated record: its names wait for the pass that sees every record. */
  const hosted = new Map<ModelRecord, Set<string>>();
  const claim = (r: ModelRecord, names: string[]) => {
    const index = indexOf(r.provider);
    for (const n of names) {
      if (!index.has(n)) index.set(n, r);
      if (n === r.id.toLowerCase() || index.get(n) !== r) continue;
      const waiting = hosted.get(r);
      if (waiting) waiting.add(n);
      else if (!r.aliases.includes(n)) r.aliases.push(n);
    }
  };
  for (const r of records)
    claim(r, [r.id.toLowerCase(), r.id.replace(/^[a-z-]+\//, '').toLowerCase(), ...r.aliases]);
  const curatedSet = new Set(records);
  const uniqueId = (provider: string, name: string) => {
    const bare = FIRST_PARTY.has(provider) ? name : `${provider}/${name}`;
    return ids.has(bare) ? `${provider}/${name}` : bare;
  };
  /**
   * The record of this provider a model is, by one of its names, or by the keys analyze would derive from
   * them (a dated snapshot, a version suffix) when that record's current prices are the model's: a snapshot
   * with prices of its own stays a record of its own.
   */
  const knownAs = (provider: string, names: string[], prices: PricePeriod | undefined) => {
    const index = indexOf(provider);
    const exact = names.map((n) => index.get(n)).find(Boolean);
    if (exact || !prices) return exact;
    for (const n of names)
      for (const k of nameKeys(n).slice(1)) {
        const hit = index.get(k.key);
        const cur = hit?.prices[hit.prices.length - 1];
        if (hit && cur && !apart(cur.input, prices.input) && !apart(cur.output, prices.output))
          return hit;
      }
    return undefined;
  };
  const add = (r: ModelRecord, names: string[], prefixes: string[]) => {
    ids.add(r.id);
    records.push(r);
    if (r.provider !== r.creator) {
      hosted.set(r, new Set());
      prefixes.push(r.provider);
      prefixOf.set(r, prefixes);
    }
    claim(r, names);
  };
  const prefixOf = new Map<ModelRecord, string[]>();

  for (const p of genai) {
    const provider = gProvider(p.id);
    for (const m of p.models) {
      const key = `${p.id}/${m.id}`;
      const names = [...new Set([m.id.toLowerCase(), ...equalsNames(m.match)])];
      const periods = genaiPeriods(m);
      const known = knownAs(
        provider,
        names,
        typeof periods === 'string' ? undefined : periods.at(-1),
      );
      if (known) {
        claim(known, names);
        fates.push({ source: 'genai-prices', key, fate: 'alias', record: known.id });
        continue;
      }
      const unfit = typeof periods === 'string' ? periods : unfitPrices(periods);
      if (unfit || typeof periods === 'string') {
        fates.push({ source: 'genai-prices', key, fate: 'left out', reason: unfit });
        continue;
      }
      const creator = creatorOf(provider, m.id);
      const id = uniqueId(provider, m.id);
      add(
        {
          id,
          provider,
          creator,
          name: FIRST_PARTY.has(provider) ? (m.name ?? m.id) : `${m.name ?? m.id} (${p.id})`,
          aliases: [],
          prices: BATCH_HALF.has(provider) && provider === creator ? half(periods) : periods,
          ...(m.context_window ? { contextWindow: m.context_window } : {}),
          tokenizer: tokenizerOf(creator, m.id),
          sourceUrl: p.pricing_urls?.[0] ?? G_REPO,
          verified: info.checked[key] ?? info.genaiDate,
          source: `${info.genaiLabel} ${key}`,
          ...(BATCH_HALF.has(provider) && provider === creator
            ? { batchSource: 'provider Batch API: 50% of list price' }
            : {}),
          ...(outputless(m) ? { mode: 'embedding' as const } : {}),
          ...((m as { deprecated?: boolean }).deprecated ? { status: 'deprecated' as const } : {}),
        },
        names,
        [p.id],
      );
      fates.push({ source: 'genai-prices', key, fate: 'included', record: id });
    }
  }

  for (const [key, e] of Object.entries(litellm)) {
    if (key === 'sample_spec') continue; // the map's field documentation
    if (typeof e !== 'object' || e === null || !e.litellm_provider) {
      fates.push({
        source: 'litellm',
        key,
        fate: 'left out',
        reason: 'not a model entry (no provider)',
      });
      continue;
    }
    const mode = String(e.mode);
    if (!L_MODES.has(mode)) {
      fates.push({
        source: 'litellm',
        key,
        fate: 'left out',
        reason: `${mode} model: not priced per token`,
      });
      continue;
    }
    if (typeof e.input_cost_per_token !== 'number') {
      fates.push({ source: 'litellm', key, fate: 'left out', reason: 'no per-token input price' });
      continue;
    }
    const lp = String(e.litellm_provider);
    const provider = lProvider(lp);
    const name = bareName(key, lp, provider);
    const names = [...new Set([key.toLowerCase(), name.toLowerCase()])];
    const period = litellmPeriod({ output_cost_per_token: 0, ...e });
    const known = knownAs(provider, names, period);
    if (known) {
      claim(known, names);
      enrich(known, e, curatedSet.has(known));
      const kept = known.prices[known.prices.length - 1]!;
      if (apart(kept.input, period.input) || apart(kept.output, period.output))
        disagreements.push({
          record: known.id,
          litellm: key,
          kept: { input: kept.input, output: kept.output },
          other: { input: period.input, output: period.output },
        });
      fates.push({ source: 'litellm', key, fate: 'alias', record: known.id });
      continue;
    }
    const unfit = unfitPrices([period]);
    if (unfit) {
      fates.push({ source: 'litellm', key, fate: 'left out', reason: unfit });
      continue;
    }
    const creator = creatorOf(provider, name);
    const id = uniqueId(provider, name.toLowerCase());
    const ratio = litellmBatchRatio(e);
    const deprecated =
      typeof e.deprecation_date === 'string' && e.deprecation_date <= info.genaiDate;
    add(
      {
        id,
        provider,
        creator,
        name: FIRST_PARTY.has(provider) ? name : `${name} (${lp})`,
        aliases: [],
        prices: [withRatio(period, ratio)],
        ...(litellmMax(e, 'max_input_tokens')
          ? { contextWindow: litellmMax(e, 'max_input_tokens') }
          : {}),
        ...(litellmMax(e, 'max_output_tokens')
          ? { maxOutput: litellmMax(e, 'max_output_tokens') }
          : {}),
        ...(litellmMax(e, 'prompt_cache_min_tokens')
          ? { minCacheTokens: litellmMax(e, 'prompt_cache_min_tokens') }
          : {}),
        tokenizer: tokenizerOf(creator, name),
        sourceUrl:
          typeof e.source === 'string' && e.source.startsWith('https://') ? e.source : L_FILE,
        verified: info.litellmDate,
        source: `litellm ${key} (${info.litellmDate})`,
        ...(mode === 'embedding' ? { mode: 'embedding' as const } : {}),
        ...(ratio !== undefined ? { batchSource: `litellm ${key}` } : {}),
        ...(deprecated
          ? { status: 'deprecated' as const, deprecatedOn: String(e.deprecation_date) }
          : {}),
      },
      names,
      [lp.toLowerCase()],
    );
    fates.push({ source: 'litellm', key, fate: 'included', record: id });
  }
  nameHosted(records, hosted, prefixOf);
  for (const r of records) r.aliases.sort();
  return { records, fates, disagreements };
}

/**
 * A re-seller's or platform's record is found by its prefixed names (`groq/…`, `fireworks_ai/…`, its id), and
 * by a bare name only where that name finds no other record: `anthropic/claude-3.5-sonnet` stays the
 * creator's model, while a name only hosts serve (`meta-llama/llama-4-scout-17b-16e-instruct`) finds one.
 */
function nameHosted(
  records: ModelRecord[],
  hosted: Map<ModelRecord, Set<string>>,
  prefixOf: Map<ModelRecord, string[]>,
): void {
  const book = new PriceBook(records.filter((r) => !hosted.has(r)));
  for (const [r, names] of hosted) {
    const prefixes = (prefixOf.get(r) ?? []).map((p) => `${p.toLowerCase()}/`);
    for (const n of names)
      if (prefixes.some((p) => n.startsWith(p)) || !book.resolve(n).ok) r.aliases.push(n);
  }
}

/** A LiteLLM key without its provider's prefix (`fireworks_ai/`, `together_ai/`, `vertex_ai/`). */
function bareName(key: string, lp: string, provider: string): string {
  const lower = key.toLowerCase();
  for (const prefix of [lp, lp.split('-')[0]!, provider, provider.replace(/-/g, '_')])
    if (lower.startsWith(`${prefix.toLowerCase()}/`)) return key.slice(prefix.length + 1);
  return key;
}

/** A genai-prices model with input prices only: an embedding or rerank model. */
function outputless(m: GModel): boolean {
  const entries = Array.isArray(m.prices) ? m.prices.map((e) => e.prices) : [m.prices];
  return entries.every((p) => p.output_mtok === undefined);
}

const MODALITY_UNITS = ['audioInput', 'audioCacheRead', 'imageInput', 'audioOutput'] as const;

const G_REPO = 'https://github.com/pydantic/genai-prices';
const L_FILE = 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';

/**
 * Why prices cannot be listed as they are: no input price (all zero: a local runtime's or a free tier's
 * listing, which would read as $0 where the bill is not), or a cache read dearer than input (a source slip).
 */
function unfitPrices(periods: PricePeriod[]): string | undefined {
  const sets = periods.flatMap((p) => [
    p,
    ...(p.tiers ?? []),
    ...(p.windows ?? []).map((w) => w.prices),
  ]);
  for (const p of sets) {
    const bad = Object.entries(p).find(
      ([k, v]) => typeof v === 'number' && k !== 'threshold' && !(Number.isFinite(v) && v >= 0),
    );
    if (bad) return `${bad[0]} price ${String(bad[1])} in the source: not a price`;
    if (!(p.input > 0.001))
      return 'input price $0 (a free or local listing): left unpriced rather than $0';
    if (Math.max(p.input, p.output) >= 700)
      return 'a price of $700 or more per 1M tokens in the source: a units slip';
    if (p.cacheRead !== undefined && p.cacheRead > p.input)
      return 'cache read dearer than input in the source: left out as a likely slip';
  }
  return undefined;
}

const apart = (a: number, b: number) => Math.abs(a - b) > 0.01 * Math.max(a, b) + 1e-9;

/** genai-prices periods, or why the model is not priced per token. */
function genaiPeriods(m: GModel): PricePeriod[] | string {
  const entries = Array.isArray(m.prices) ? m.prices.map((e) => e.prices) : [m.prices];
  if (!entries.some((p) => p.input_mtok !== undefined)) {
    const units = [...new Set(entries.flatMap((p) => Object.keys(p)))].join(', ');
    return units
      ? `priced only per ${units}: not a per-token price`
      : 'no price listed (a free variant)';
  }
  // An embedding or rerank model has input prices only: it produces no output tokens.
  const filled = Array.isArray(m.prices)
    ? { ...m, prices: m.prices.map((e) => ({ ...e, prices: { output_mtok: 0, ...e.prices } })) }
    : { ...m, prices: { output_mtok: 0, ...m.prices } };
  try {
    return periodsOf(filled);
  } catch (err) {
    return `unreadable prices: ${(err as Error).message}`;
  }
}

function half(periods: PricePeriod[]): PricePeriod[] {
  return periods.map((p) => withRatio(p, 0.5));
}

function withRatio(p: PricePeriod, ratio: number | undefined): PricePeriod {
  if (ratio === undefined) return p;
  const r = (v: number) => Number((v * ratio).toPrecision(10));
  return { ...p, batchInput: r(p.input), batchOutput: r(p.output) };
}

/** What LiteLLM adds to a record genai-prices made: max output, batch prices (never over curated data). */
function enrich(r: ModelRecord, e: LEntry, curated: boolean): void {
  if (curated) return;
  if (e.mode === 'embedding') r.mode = 'embedding';
  // Audio and image prices genai-prices lacks for the model (gpt-4o-audio-preview), from LiteLLM.
  const l = litellmPeriod({ output_cost_per_token: 0, ...e });
  for (const unit of MODALITY_UNITS) {
    const v = l[unit];
    if (v !== undefined && r.prices.every((p) => p[unit] === undefined))
      r.prices = r.prices.map((p) => ({ ...p, [unit]: v }));
  }
  const maxOut = litellmMax(e, 'max_output_tokens');
  if (!r.maxOutput && maxOut) r.maxOutput = maxOut;
  const ratio = litellmBatchRatio(e);
  if (ratio !== undefined && r.prices.every((p) => p.batchInput === undefined)) {
    r.prices = r.prices.map((p) => withRatio(p, ratio));
    r.batchSource = `litellm ${String(e.litellm_provider)}`;
  }
}
