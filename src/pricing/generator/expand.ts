import type { ModelRecord } from '../../core/types.js';
import { CatalogIndex } from './expand-index.js';
import { bareName } from './expand-names.js';
import {
  apart,
  enrich,
  G_REPO,
  genaiPeriods,
  half,
  L_FILE,
  outputless,
  unfitPrices,
  withRatio,
} from './expand-prices.js';
import { equalsNames, type GProvider } from './genai.js';
import { litellmBatchRatio, litellmMax, litellmPeriod, type LEntry } from './litellm.js';
import { creatorOf, FIRST_PARTY, gProvider, lProvider, tokenizerOf } from './providers.js';

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
  const ix = new CatalogIndex(curated);
  const fates: Fate[] = [];
  const disagreements: Disagreement[] = [];
  addGenai(ix, genai, info, fates);
  addLitellm(ix, litellm, info, fates, disagreements);
  return { records: ix.finish(), fates, disagreements };
}

/** genai-prices' models: each an alias of a record it already is, a record of its own, or left out. */
function addGenai(ix: CatalogIndex, genai: GProvider[], info: SourceInfo, fates: Fate[]): void {
  for (const p of genai) {
    const provider = gProvider(p.id);
    for (const m of p.models) {
      const key = `${p.id}/${m.id}`;
      const names = [...new Set([m.id.toLowerCase(), ...equalsNames(m.match)])];
      const periods = genaiPeriods(m);
      const known = ix.knownAs(
        provider,
        names,
        typeof periods === 'string' ? undefined : periods.at(-1),
      );
      if (known) {
        ix.claim(known, names);
        fates.push({ source: 'genai-prices', key, fate: 'alias', record: known.id });
        continue;
      }
      const unfit = typeof periods === 'string' ? periods : unfitPrices(periods);
      if (unfit || typeof periods === 'string') {
        fates.push({ source: 'genai-prices', key, fate: 'left out', reason: unfit });
        continue;
      }
      const creator = creatorOf(provider, m.id);
      const id = ix.uniqueId(provider, m.id);
      ix.add(
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
}

/** LiteLLM's entries: merged into the record they are (filling its gaps), records of their own, or left out. */
function addLitellm(
  ix: CatalogIndex,
  litellm: Record<string, LEntry>,
  info: SourceInfo,
  fates: Fate[],
  disagreements: Disagreement[],
): void {
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
    const known = ix.knownAs(provider, names, period);
    if (known) {
      ix.claim(known, names);
      enrich(known, e, ix.curated.has(known));
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
    const id = ix.uniqueId(provider, name.toLowerCase());
    const ratio = litellmBatchRatio(e);
    const deprecated =
      typeof e.deprecation_date === 'string' && e.deprecation_date <= info.genaiDate;
    ix.add(
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
}
