import type { ModelRecord, PricePeriod } from '../../core/types.js';
import type { GModel } from './genai.js';
import { periodsOf } from './genai.js';
import { litellmBatchRatio, litellmMax, litellmPeriod, type LEntry } from './litellm.js';

/** A genai-prices model with input prices only: an embedding or rerank model. */
export function outputless(m: GModel): boolean {
  const entries = Array.isArray(m.prices) ? m.prices.map((e) => e.prices) : [m.prices];
  return entries.every((p) => p.output_mtok === undefined);
}

const MODALITY_UNITS = [
  'audioInput',
  'audioCacheRead',
  'imageInput',
  'audioOutput',
  'imageOutput',
] as const;

export const G_REPO = 'https://github.com/pydantic/genai-prices';
export const L_FILE =
  'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json';

/**
 * Why prices cannot be listed as they are: no input price (all zero: a local runtime's or a free tier's
 * listing, which would read as $0 where the bill is not), or a cache read dearer than input (a source slip).
 */
export function unfitPrices(periods: PricePeriod[]): string | undefined {
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

export const apart = (a: number, b: number) => Math.abs(a - b) > 0.01 * Math.max(a, b) + 1e-9;

/** genai-prices periods, or why the model is not priced per token. */
export function genaiPeriods(m: GModel): PricePeriod[] | string {
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

export function half(periods: PricePeriod[]): PricePeriod[] {
  return periods.map((p) => withRatio(p, 0.5));
}

export function withRatio(p: PricePeriod, ratio: number | undefined): PricePeriod {
  if (ratio === undefined) return p;
  const r = (v: number) => Number((v * ratio).toPrecision(10));
  return { ...p, batchInput: r(p.input), batchOutput: r(p.output) };
}

/** What LiteLLM adds to a record genai-prices made: max output, batch prices (never over curated data). */
export function enrich(r: ModelRecord, e: LEntry, curated: boolean): void {
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
