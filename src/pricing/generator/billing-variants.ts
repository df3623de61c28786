/**
 * Billing options priced as catalog records of their own, `<model>-<option>`. A log names the option per
 * request and its reader adds the suffix (dialects/anthropic.ts billedModel, dialects/openai.ts
 * tieredModel), so a variant is resolved, tiered, exported to SQL and merged like any model, and a model
 * without the variant is unpriced rather than priced as the standard option. From LiteLLM:
 * - Anthropic (`provider_specific_entry` multipliers on every token price): `fast` (`usage.speed: "fast"`,
 *   Claude Code's /fast: 6x on Opus 4.6 and 4.7, 2x on Opus 4.8 and 5), `us` (`usage.inference_geo: "us"`:
 *   1.1x) and both, `-fast-us`. Fast mode has no Batch API: its records carry no batch prices.
 * - OpenAI (`*_flex` and `*_priority` prices): `service_tier: "flex"` and `"priority"`. The prices LiteLLM
 *   gives are used; any other (long-context tiers, audio) is the model's times the option's input ratio.
 *   Neither has batch prices; the record's current prices are the base (LiteLLM has no history). Gemini's
 *   priority and flex PayGo (Gemini API and Vertex AI: `usageMetadata.trafficType` `ON_DEMAND_PRIORITY`,
 *   `ON_DEMAND_FLEX`, dialects/gemini.ts) the same way, from the same keys.
 * - Perplexity (`search_context_cost_per_query`): `usage.search_context_size` low, medium or high, the
 *   `-context-<size>` variants (dialects/perplexity.ts): the request fee is that size's. A model with no
 *   request fee (Deep Research bills its searches instead) gets variants at its own prices, so a log
 *   naming a size is never left unpriced for it. And `-reasoning`, the reasoning step Perplexity reports
 *   apart from the output: output at `output_cost_per_reasoning_token` (else the output price), with no
 *   per-request or per-search fee (the response's own record carries those).
 */
import { PER_TOKEN_UNITS } from '../../core/buckets.js';
import type { ModelRecord, PricePeriod, PriceSet } from '../../core/types.js';
import { litellmSet, type LEntry } from './litellm.js';

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

const positive = (v: unknown) => (typeof v === 'number' && v > 0 ? v : undefined);

interface Option {
  suffix: string;
  what: string;
  prices: (base: ModelRecord) => PricePeriod[];
}

/** Anthropic's multipliers: fast, us, and both. */
function anthropicOptions(e: LEntry): Option[] {
  const p = e.provider_specific_entry as Record<string, unknown> | undefined;
  if (!p || typeof p !== 'object') return [];
  const fast = positive(p.fast);
  const us = positive(p.us);
  const scaled = (k: number, batch: boolean) => (b: ModelRecord) =>
    b.prices.map((q) => scalePeriod(q, k, batch));
  const out: Option[] = [];
  if (fast) out.push({ suffix: 'fast', what: `fast mode, ${fast}x`, prices: scaled(fast, false) });
  if (us) out.push({ suffix: 'us', what: `US-only inference, ${us}x`, prices: scaled(us, true) });
  if (fast && us)
    out.push({
      suffix: 'fast-us',
      what: `fast mode and US-only inference, ${fast}x ${us}x`,
      prices: scaled(fast * us, false),
    });
  return out;
}

/** OpenAI's service tiers with their own prices in LiteLLM. */
function openaiOptions(e: LEntry): Option[] {
  const base = positive(e.input_cost_per_token);
  return (['flex', 'priority'] as const).flatMap((tier): Option[] => {
    const given = litellmSet(e, `_${tier}`);
    if (!base || given.input === undefined || given.output === undefined) return [];
    const k = given.input / (base * 1e6);
    const explicit = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
    return [
      {
        suffix: tier,
        what: `${tier} processing`,
        prices: (b) => {
          // The current period (LiteLLM has no history), undated, with the prices LiteLLM gives.
          const { from: _from, ...current } = scalePeriod(b.prices.at(-1)!, k, false);
          return [{ ...current, ...explicit }];
        },
      },
    ];
  });
}

/**
 * Perplexity's per-request fee by search context size (USD per request in LiteLLM, per 1,000 here), and the
 * reasoning step at its own output price.
 */
function perplexityOptions(e: LEntry): Option[] {
  const reasoning = positive(e.output_cost_per_reasoning_token);
  const step: Option = {
    suffix: 'reasoning',
    what: 'reasoning step',
    prices: (b) =>
      b.prices.map(({ request: _r, webSearch: _w, ...p }) =>
        reasoning === undefined ? p : { ...p, output: round(reasoning * 1e6) },
      ),
  };
  const sizes = e.search_context_cost_per_query as Record<string, unknown> | undefined;
  if (!sizes || typeof sizes !== 'object') return [step];
  const contexts = (['low', 'medium', 'high'] as const).flatMap((size): Option[] => {
    const fee = positive(sizes[`search_context_size_${size}`]);
    if (fee === undefined) return [];
    return [
      {
        suffix: `context-${size}`,
        what: `${size} search context`,
        prices: (b) =>
          b.prices.map((p) => (p.request === undefined ? p : { ...p, request: round(fee * 1000) })),
      },
    ];
  });
  return [...contexts, step];
}

/** By LiteLLM provider: the catalog provider whose records get the variants, and the options. */
const OPTIONS: Record<string, [provider: string, options: (e: LEntry) => Option[]]> = {
  anthropic: ['anthropic', anthropicOptions],
  openai: ['openai', openaiOptions],
  perplexity: ['perplexity', perplexityOptions],
  // Gemini's priority and flex PayGo: the same `*_priority` / `*_flex` price keys as OpenAI's tiers. A
  // Vertex AI response names its model as the Gemini API does (`modelVersion`), so it resolves to these.
  gemini: ['google', openaiOptions],
};

/** The variant records of first-party records whose LiteLLM entry prices a billing option. */
export function billingVariants(
  records: ModelRecord[],
  litellm: Record<string, LEntry>,
): ModelRecord[] {
  const ids = new Set(records.map((r) => r.id));
  const out: ModelRecord[] = [];
  const done = new Set<string>();
  for (const [key, entry] of Object.entries(litellm)) {
    const from = entry.litellm_provider;
    // A map from the network (prices update) names any provider: only this table's own keys count.
    if (typeof from !== 'string' || !Object.hasOwn(OPTIONS, from)) continue;
    const [provider, optionsOf] = OPTIONS[from]!;
    const options = optionsOf(entry);
    if (!options.length) continue;
    const base = records.find(
      (r) => r.provider === provider && (r.id === key || r.aliases.includes(key)),
    );
    if (!base || done.has(base.id)) continue;
    done.add(base.id);
    for (const o of options) {
      const id = `${base.id}-${o.suffix}`;
      if (ids.has(id)) continue;
      const prices = o.prices(base);
      const { batchSource, ...rest } = base;
      const batch = prices.some((p) => p.batchInput !== undefined);
      out.push({
        ...rest,
        id,
        variantOf: base.id,
        name: `${base.name} (${o.what})`,
        aliases: [...new Set([base.id, ...base.aliases].map((a) => `${a}-${o.suffix}`))],
        prices,
        source: `${base.source}; ${o.what} (LiteLLM ${key})`,
        ...(batch && batchSource ? { batchSource } : {}),
      });
    }
  }
  return out;
}
