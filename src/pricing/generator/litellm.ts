import type { PricePeriod, PriceTier } from '../../core/types.js';

export type LEntry = Record<string, unknown>;

const perM = (v: unknown): number | undefined =>
  typeof v === 'number' ? Number((v * 1e6).toPrecision(10)) : undefined;

export function litellmSet(e: LEntry, suffix = '') {
  const input = perM(e[`input_cost_per_token${suffix}`]);
  const output = perM(e[`output_cost_per_token${suffix}`]);
  const cacheRead = perM(e[`cache_read_input_token_cost${suffix}`]);
  const write = perM(e[`cache_creation_input_token_cost${suffix}`]);
  const write1h = perM(e[`cache_creation_input_token_cost_above_1hr${suffix}`]);
  const audioInput = perM(e[`input_cost_per_audio_token${suffix}`]);
  const audioCacheRead = perM(e[`cache_read_input_audio_token_cost${suffix}`]);
  const imageInput = perM(e[`input_cost_per_image_token${suffix}`]);
  const audioOutput = perM(e[`output_cost_per_audio_token${suffix}`]);
  const imageOutput = perM(e[`output_cost_per_image_token${suffix}`]);
  return {
    input,
    output,
    ...(cacheRead !== undefined ? { cacheRead } : {}),
    ...(write ? { cacheWrite5m: write } : {}),
    ...(write1h ? { cacheWrite1h: write1h } : {}),
    ...(audioInput !== undefined ? { audioInput } : {}),
    ...(audioCacheRead !== undefined ? { audioCacheRead } : {}),
    ...(imageInput !== undefined ? { imageInput } : {}),
    ...(audioOutput !== undefined ? { audioOutput } : {}),
    ...(imageOutput !== undefined ? { imageOutput } : {}),
  };
}

/** A LiteLLM entry as one undated period, with its `_above_Nk_tokens` tiers. */
export function litellmPeriod(e: LEntry): PricePeriod {
  const main = litellmSet(e);
  if (main.input === undefined || main.output === undefined)
    throw new Error('LiteLLM entry has no token prices');
  const tiers: PriceTier[] = [];
  for (const key of Object.keys(e)) {
    const m = /^input_cost_per_token_above_(\d+)k_tokens$/.exec(key);
    if (!m?.[1]) continue;
    const t = litellmSet(e, `_above_${m[1]}k_tokens`);
    tiers.push({
      threshold: Number(m[1]) * 1000,
      ...main,
      ...Object.fromEntries(Object.entries(t).filter(([, v]) => v !== undefined)),
    } as PriceTier);
  }
  return { ...(main as PricePeriod), ...(tiers.length ? { tiers } : {}) };
}

export function litellmBatchRatio(e: LEntry): number | undefined {
  const bin = e.input_cost_per_token_batches;
  const inp = e.input_cost_per_token;
  if (typeof bin !== 'number' || typeof inp !== 'number' || inp === 0) return undefined;
  return Number((bin / inp).toPrecision(6));
}

export const litellmMax = (e: LEntry | undefined, key: string): number | undefined =>
  typeof e?.[key] === 'number' ? (e[key] as number) : undefined;
