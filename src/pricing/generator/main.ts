/**
 * Builds src/pricing/catalog-data.json (and catalog-meta.ts) from the price-map snapshots in data/prices (committed, so this runs
 * from a clean clone): the curated records (specs-*.ts, where the reviewed resolutions of disagreements
 * live), then every other model either map prices per token (expand.ts). Writes the report of what became
 * of each source model to data/prices/catalog-report.json. Run by hand (`npm run catalog`) when prices
 * change; its output is committed, never generated at run time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ModelRecord, PricePeriod } from '../../core/types.js';
import { expand } from './expand.js';
import { equalsNames, findModel, periodsOf, type GProvider } from './genai.js';
import { litellmBatchRatio, litellmMax, litellmPeriod, type LEntry } from './litellm.js';
import { writeReport } from './report.js';
import { SPECS, type ModelSpec } from './specs.js';

const ref = resolve(process.argv[2] ?? 'data/prices');
const out = resolve(process.argv[3] ?? 'src/pricing/catalog-data.json');
const G_DATE = '2026-09-23';
const L_DATE = '2026-08-01';
const BATCH_PROVIDERS = new Set(['openai', 'anthropic', 'google']);
const URLS: Record<string, string> = {
  deepseek: 'https://api-docs.deepseek.com/quick_start/pricing',
  azure: 'https://azure.microsoft.com/en-us/pricing/details/cognitive-services/openai-service/',
};

function readJson<T>(file: string): T {
  try {
    return JSON.parse(readFileSync(join(ref, file), 'utf8')) as T;
  } catch (err) {
    console.error(`npm run catalog: cannot read ${join(ref, file)}: ${(err as Error).message}`);
    console.error(
      '  the snapshots live in data/prices (see its PROVENANCE.md); or pass their folder',
    );
    process.exit(2);
  }
}
const genai = readJson<GProvider[]>('genai-prices-0.1.8.json');
const litellm = readJson<Record<string, LEntry>>('litellm-2026-08-01.json');
const checkedDates = readJson<Record<string, string>>('genai-prices-checked.json');
const checked = new Map(Object.entries(checkedDates));

function minCacheTokens(spec: ModelSpec, l: LEntry | undefined): number | undefined {
  const own = litellmMax(l, 'prompt_cache_min_tokens');
  if (own) return own;
  if (spec.creator === 'openai') return 1024;
  if (spec.creator !== 'anthropic') return undefined;
  const base = spec.id.replace(/^[a-z-]+\//, '');
  const key = Object.keys(litellm).find(
    (k) =>
      k.startsWith(`anthropic.${base}`) && typeof litellm[k]?.prompt_cache_min_tokens === 'number',
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
    console.warn(
      `note: LiteLLM has no ${spec.l}; ${spec.id} gets no LiteLLM batch price or max output`,
    );
  }
  const g = spec.g && spec.from !== 'litellm' ? findModel(genai, spec.g[0], spec.g[1]) : undefined;
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
  const verified = g ? (checked.get(`${g.p.id}/${g.m.id}`) ?? G_DATE) : L_DATE;
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
    source: g ? `genai-prices@0.1.8 ${g.p.id}/${g.m.id}` : `litellm ${spec.l} (${L_DATE})`,
    ...(ratio !== undefined
      ? {
          batchSource:
            lRatio !== undefined ? `litellm ${spec.l}` : 'provider Batch API: 50% of list price',
        }
      : {}),
    ...(spec.note ? { notes: spec.note } : {}),
  };
}

const LABELS: Record<string, string> = {
  azure: 'Azure',
  bedrock: 'Bedrock',
  'bedrock-global': 'Bedrock global',
  vertex: 'Vertex AI',
  together: 'Together',
  groq: 'Groq',
};
const built = SPECS.map(build);
const byId = new Map(built.map((r) => [r.id, r]));
// Platform-hosted records are named after the first-party model they serve.
const records = built.map((r) => {
  const label = LABELS[r.provider];
  if (!label || r.name !== r.id)
    return label && !r.name.includes(label) ? { ...r, name: `${r.name} (${label})` } : r;
  const base = byId.get(r.id.replace(/^[a-z-]+\//, ''));
  return { ...r, name: `${base?.name ?? r.id.replace(/^[a-z-]+\//, '')} (${label})` };
});
const expanded = expand(records, genai, litellm, {
  genaiDate: G_DATE,
  litellmDate: L_DATE,
  checked: checkedDates,
});
// The records as JSON, read and parsed only by commands that price (pricing/catalog-data.ts); the date and
// sources in a module of their own, which every start (--version, help) may load for nothing.
writeFileSync(out, `${JSON.stringify(expanded.records)}\n`);
const meta = [
  '// Generated by src/pricing/generator (npm run catalog) from genai-prices@0.1.8 and LiteLLM. Do not edit.',
  `export const CATALOG_DATE = '${G_DATE}';`,
  `export const CATALOG_SOURCES = ${JSON.stringify([
    `genai-prices (pydantic/genai-prices, MIT) npm 0.1.8, published ${G_DATE}`,
    `LiteLLM model_prices_and_context_window.json (BerriAI/litellm, MIT), snapshot ${L_DATE}`,
  ])};`,
  `export const CATALOG_SIZE = ${expanded.records.length};`,
  '',
];
writeFileSync(resolve(out, '../catalog-meta.ts'), meta.join('\n'));
writeReport(join(ref, 'catalog-report.json'), expanded, records.length);
