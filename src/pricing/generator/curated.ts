import type { ModelRecord, PricePeriod } from '../../core/types.js';
import { equalsNames, findModel, periodsOf, type GProvider } from './genai.js';
import { litellmBatchRatio, litellmMax, litellmPeriod, type LEntry } from './litellm.js';
import { RESOLUTIONS } from './corrections.js';
import { withHistory } from './history.js';
import { SPECS, type ModelSpec } from './specs.js';

export interface CatalogInputs {
  genai: GProvider[];
  litellm: Record<string, LEntry>;
  /** The maps' dates, as each record's verified date falls back to them. */
  genaiDate: string;
  litellmDate: string;
  /** How records name the genai-prices source (`genai-prices@0.1.8`). */
  genaiLabel: string;
  /** genai-prices' `prices_checked` per provider/model, where known. */
  checked: Record<string, string>;
  /**
   * Records to keep when a map no longer has a curated model's source (a refresh against a newer map):
   * the bundled catalog's. Without them such a model is an error.
   */
  fallback?: ReadonlyMap<string, ModelRecord>;
}

const BATCH_PROVIDERS = new Set(['openai', 'anthropic', 'google']);
const URLS: Record<string, string> = {
  deepseek: 'https://api-docs.deepseek.com/quick_start/pricing',
  azure: 'https://azure.microsoft.com/en-us/pricing/details/cognitive-services/openai-service/',
};
const LABELS: Record<string, string> = {
  azure: 'Azure',
  bedrock: 'Bedrock',
  'bedrock-global': 'Bedrock global',
  vertex: 'Vertex AI',
  together: 'Together',
  groq: 'Groq',
};

/**
 * The curated records (specs-*.ts) built from the maps: prices from genai-prices (or LiteLLM where the spec
 * says genai-prices is stale), batch prices, max output and minimum cacheable tokens from LiteLLM. `notes`
 * collects what was missing.
 */
export function buildCurated(inputs: CatalogInputs): { records: ModelRecord[]; notes: string[] } {
  const { genai, litellm, genaiDate, litellmDate } = inputs;
  const notes: string[] = [];
  const checked = new Map(Object.entries(inputs.checked));
  function minCacheTokens(spec: ModelSpec, l: LEntry | undefined): number | undefined {
    const own = litellmMax(l, 'prompt_cache_min_tokens');
    if (own) return own;
    if (spec.creator === 'openai') return 1024;
    if (spec.creator !== 'anthropic') return undefined;
    const base = spec.id.replace(/^[a-z-]+\//, '');
    const key = Object.keys(litellm).find(
      (k) =>
        k.startsWith(`anthropic.${base}`) &&
        typeof litellm[k]?.prompt_cache_min_tokens === 'number',
    );
    return key ? (litellm[key]?.prompt_cache_min_tokens as number) : undefined;
  }

  function withBatch(periods: PricePeriod[], ratio: number | undefined): PricePeriod[] {
    if (ratio === undefined) return periods;
    const r = (v: number) => Number((v * ratio).toPrecision(10));
    return periods.map((p) => ({ ...p, batchInput: r(p.input), batchOutput: r(p.output) }));
  }

  // An alias a spec names explicitly belongs to that spec, not to a sibling whose source pattern also matches it.
  const claimed = new Map<string, string>();
  for (const s of SPECS)
    for (const a of s.aliases ?? []) claimed.set(`${s.provider}:${a.toLowerCase()}`, s.id);
  const isOwn = (spec: ModelSpec, alias: string) =>
    (claimed.get(`${spec.provider}:${alias}`) ?? spec.id) === spec.id;

  function build(spec: ModelSpec): ModelRecord {
    const l = spec.l ? litellm[spec.l] : undefined;
    if (spec.l && !l) {
      if (spec.from === 'litellm') throw new Error(`LiteLLM has no ${spec.l}`);
      notes.push(`LiteLLM has no ${spec.l}; ${spec.id} gets no LiteLLM batch price or max output`);
    }
    const g =
      spec.g && spec.from !== 'litellm' ? findModel(genai, spec.g[0], spec.g[1]) : undefined;
    const periods = g ? periodsOf(g.m) : [litellmPeriod(l!)];
    const lRatio = l ? litellmBatchRatio(l) : undefined;
    const ratio = lRatio ?? (BATCH_PROVIDERS.has(spec.provider) ? 0.5 : undefined);
    const aliases = new Set<string>([spec.id.replace(/^[a-z-]+\//, ''), ...(spec.aliases ?? [])]);
    if (g) equalsNames(g.m.match).forEach((a) => aliases.add(a));
    if (g) aliases.add(g.m.id.toLowerCase());
    if (spec.l) aliases.add(spec.l.toLowerCase().replace(/^[a-z_]+\//, ''));
    const context = g?.m.context_window ?? litellmMax(l, 'max_input_tokens');
    const maxOutput = litellmMax(l, 'max_output_tokens');
    const minCache = minCacheTokens(spec, l);
    const verified = g ? (checked.get(`${g.p.id}/${g.m.id}`) ?? genaiDate) : litellmDate;
    const urls = g?.p.pricing_urls ?? [];
    const platformUrl =
      spec.provider === 'vertex' ? urls.find((u) => u.includes('cloud.google.com')) : undefined;
    const sourceUrl =
      platformUrl ?? urls[0] ?? (l?.source as string | undefined) ?? URLS[spec.provider] ?? '';
    return {
      id: spec.id,
      provider: spec.provider,
      creator: spec.creator,
      name: spec.name ?? g?.m.name ?? spec.id,
      aliases: [...aliases]
        .map((a) => a.toLowerCase())
        .filter((a) => isOwn(spec, a))
        .sort(),
      prices: withBatch(periods, ratio),
      ...(context ? { contextWindow: context } : {}),
      ...(maxOutput ? { maxOutput } : {}),
      tokenizer: spec.tokenizer,
      ...(minCache ? { minCacheTokens: minCache } : {}),
      sourceUrl,
      verified,
      source: g ? `${inputs.genaiLabel} ${g.p.id}/${g.m.id}` : `litellm ${spec.l} (${litellmDate})`,
      ...(ratio !== undefined
        ? {
            batchSource:
              lRatio !== undefined ? `litellm ${spec.l}` : 'provider Batch API: 50% of list price',
          }
        : {}),
      ...(spec.note ? { notes: spec.note } : {}),
    };
  }

  const resolved = new Map(RESOLUTIONS.map((r) => [r.id, r]));
  const specs: ModelSpec[] = SPECS.map((spec) => {
    const r = resolved.get(spec.id);
    return r ? { ...spec, note: r.why, ...(r.prefer ? { from: r.prefer } : {}) } : spec;
  });
  const built = specs.flatMap((spec) => {
    try {
      return [build(spec)];
    } catch (err) {
      const kept = inputs.fallback?.get(spec.id);
      if (!kept) throw err;
      notes.push(`${spec.id}: ${(err as Error).message}; the bundled record is kept`);
      return [kept];
    }
  });
  const byId = new Map(built.map((r) => [r.id, r]));
  // Platform-hosted records are named after the first-party model they serve.
  const records = built.map((r) => {
    const label = LABELS[r.provider];
    if (!label || r.name !== r.id)
      return label && !r.name.includes(label) ? { ...r, name: `${r.name} (${label})` } : r;
    const base = byId.get(r.id.replace(/^[a-z-]+\//, ''));
    return { ...r, name: `${base?.name ?? r.id.replace(/^[a-z-]+\//, '')} (${label})` };
  });
  return { records: withHistory(records), notes };
}
