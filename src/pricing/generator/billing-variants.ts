/**
 * Anthropic's fast mode and US-only inference as catalog records of their own. LiteLLM's
 * `provider_specific_entry` gives each a multiplier on every token price: `fast` (`usage.speed: "fast"`,
 * Claude Code's /fast and the API's fast mode: 6x on Opus 4.6 and 4.7, 2x on Opus 4.8 and 5) and `us`
 * (`usage.inference_geo: "us"`: 1.1x). The readers name such a request `<model>-fast`, `<model>-us` or
 * `<model>-fast-us` (dialects/anthropic.ts: billedModel), so a variant is resolved, tiered, exported to
 * SQL and merged like any model, and a model without the variant is unpriced, not priced as standard.
 * Fast mode has no Batch API: its records carry no batch prices.
 */
import { PER_TOKEN_UNITS } from '../../core/buckets.js';
import type { ModelRecord, PricePeriod, PriceSet } from '../../core/types.js';
import type { LEntry } from './litellm.js';

const round = (v: number) => Number(v.toPrecision(10));

function scaleSet<T extends PriceSet>(s: T, k: number): T {
  const out = { ...s };
  for (const unit of PER_TOKEN_UNITS) {
    const v = s[unit];
    if (typeof v === 'number') (out as PriceSet)[unit] = round(v * k);
  }
  return out;
}

function scalePeriod(p: PricePeriod, k: number, batch: boolean): PricePeriod {
  const { batchInput, batchOutput, tiers, windows, ...rest } = p;
  return {
    ...scaleSet(rest as PricePeriod, k),
    ...(batch && batchInput !== undefined ? { batchInput: round(batchInput * k) } : {}),
    ...(batch && batchOutput !== undefined ? { batchOutput: round(batchOutput * k) } : {}),
    ...(tiers ? { tiers: tiers.map((t) => scaleSet(t, k)) } : {}),
    ...(windows ? { windows: windows.map((w) => ({ ...w, prices: scaleSet(w.prices, k) })) } : {}),
  };
}

/** The multipliers LiteLLM gives an Anthropic entry: `fast` and `us`, each when a positive number. */
function multipliers(e: LEntry): { fast?: number; us?: number } {
  const p = e.provider_specific_entry;
  if (e.litellm_provider !== 'anthropic' || !p || typeof p !== 'object') return {};
  const pick = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);
  const fast = pick((p as Record<string, unknown>).fast);
  const us = pick((p as Record<string, unknown>).us);
  return { ...(fast ? { fast } : {}), ...(us ? { us } : {}) };
}

/** The variant records of Anthropic's first-party records that LiteLLM gives multipliers for. */
export function speedVariants(
  records: ModelRecord[],
  litellm: Record<string, LEntry>,
): ModelRecord[] {
  const ids = new Set(records.map((r) => r.id));
  const out: ModelRecord[] = [];
  const done = new Set<string>();
  for (const [key, entry] of Object.entries(litellm)) {
    const m = multipliers(entry);
    if (!m.fast && !m.us) continue;
    const base = records.find(
      (r) => r.provider === 'anthropic' && (r.id === key || r.aliases.includes(key)),
    );
    if (!base || done.has(base.id)) continue;
    done.add(base.id);
    const kinds: [string, number, string][] = [];
    if (m.fast) kinds.push(['fast', m.fast, `fast mode, ${m.fast}x`]);
    if (m.us) kinds.push(['us', m.us, `US-only inference, ${m.us}x`]);
    if (m.fast && m.us)
      kinds.push([
        'fast-us',
        m.fast * m.us,
        `fast mode and US-only inference, ${m.fast}x ${m.us}x`,
      ]);
    for (const [suffix, k, what] of kinds) {
      const id = `${base.id}-${suffix}`;
      if (ids.has(id)) continue;
      const batch = !suffix.startsWith('fast');
      const { batchSource, ...rest } = base;
      out.push({
        ...rest,
        id,
        variantOf: base.id,
        name: `${base.name} (${what})`,
        aliases: [...new Set([base.id, ...base.aliases].map((a) => `${a}-${suffix}`))],
        prices: base.prices.map((p) => scalePeriod(p, k, batch)),
        source: `${base.source}; ${what} (LiteLLM provider_specific_entry of ${key})`,
        ...(batch && batchSource ? { batchSource } : {}),
      });
    }
  }
  return out;
}
