import type { ModelRecord, PricePeriod, PriceSet } from '../../core/types.js';
import { litellmPeriod, type LEntry } from './litellm.js';

/**
 * Where the two maps disagree on a curated model, the resolution (reference.md §4) and why: the reason
 * becomes the record's note, shown by `llmcost models --resolve`. `prefer: 'litellm'` takes LiteLLM's price
 * where genai-prices, usually preferred as the newer map, is stale for the model.
 */
export const RESOLUTIONS: { id: string; prefer?: 'litellm'; why: string }[] = [
  {
    id: 'gpt-5.6-sol',
    why: 'genai-prices: $5/$30 until 2026-08-21, then $4/$20 (LiteLLM predates the cut).',
  },
  {
    id: 'bedrock/llama3-1-70b-instruct',
    why: 'LiteLLM has $0.99/$0.99; genai-prices $0.72, the same as Llama 3.3 70B (reference.md §4C).',
  },
  {
    id: 'gemini-3.6-flash',
    why: 'Unresolved (reference.md §4E): genai-prices has an introductory $0.75/$3.75 until 2026-12-31; LiteLLM only $1.50/$7.50. Catalog follows genai-prices with the dated step.',
  },
  {
    id: 'mistral-large-2512',
    why: 'mistral-large-latest points to Large 3 (2512), as LiteLLM maps it; genai-prices still maps -latest to Large 2.',
  },
  {
    id: 'mistral-small-2603',
    why: 'mistral-small-latest: genai-prices $0.10/$0.30 (checked 2025-07-04) and LiteLLM $0.06/$0.18 disagree; the newest Small (2603) is used.',
  },
  {
    id: 'deepseek-chat',
    prefer: 'litellm',
    why: 'genai-prices still has 2025 V3 prices (checked 2025-07-12); LiteLLM has the unified V3.2 rate (reference.md §4B).',
  },
  {
    id: 'deepseek-reasoner',
    prefer: 'litellm',
    why: 'genai-prices still has 2025 R1 prices; LiteLLM has the unified V3.2 rate (reference.md §4B).',
  },
  {
    id: 'grok-4.20',
    why: 'Unresolved (reference.md §4E): genai-prices $1.25/$2.50; LiteLLM $2/$6 under dated snapshot keys.',
  },
  { id: 'grok-4.5', why: 'Cache read $0.30 per genai-prices; LiteLLM $0.50 is Grok 4.6’s rate.' },
];

/**
 * The reviewed corrections to what both maps say, one line each with its reason (earlier prices are in
 * history.ts).
 */
export const CORRECTIONS = [
  {
    fix: 'long-context tier from LiteLLM',
    ids: ['claude-sonnet-4', 'bedrock/claude-sonnet-4', 'vertex/claude-sonnet-4'],
    litellm: 'claude-sonnet-4-20250514',
    why: "Sonnet 4's 1M-context beta bills a prompt over 200k at $6/$22.50 (LiteLLM, Anthropic's pricing page); genai-prices has no tier",
  },
  {
    fix: '1-hour cache writes of Claude on Bedrock and Vertex',
    why: "Anthropic bills a 1-hour cache write at 2x the input price; neither map gives Bedrock's and most Vertex Claude records one (LiteLLM's Vertex Sonnet 4 says 2x), and without it a 1-hour write would be billed at the 5-minute price",
  },
] as const;

const PLATFORMS = new Set(['bedrock', 'bedrock-global', 'vertex']);

function with1h<T extends PriceSet>(p: T): T {
  return p.cacheWrite5m !== undefined && p.cacheWrite1h === undefined
    ? { ...p, cacheWrite1h: p.input * 2 }
    : p;
}

/** The records with the corrections above applied; `notes` names each record changed. */
export function applyCorrections(
  records: ModelRecord[],
  litellm: Record<string, LEntry>,
): { records: ModelRecord[]; changed: string[] } {
  const changed: string[] = [];
  const [tier] = CORRECTIONS;
  const entry = litellm[tier.litellm];
  const tiers = entry ? litellmPeriod(entry).tiers : undefined;
  const out = records.map((r) => {
    let prices: PricePeriod[] = r.prices;
    if (tiers && (tier.ids as readonly string[]).includes(r.id)) {
      prices = prices.map((p, i) =>
        // Anthropic's multipliers apply to the tier's input price: a 1-hour write is 2x it.
        i === prices.length - 1 && !p.tiers
          ? { ...p, tiers: tiers.map((t) => ({ ...t, cacheWrite1h: t.input * 2 })) }
          : p,
      );
    }
    if (r.creator === 'anthropic' && PLATFORMS.has(r.provider)) {
      prices = prices.map((p) => ({
        ...with1h(p),
        ...(p.tiers ? { tiers: p.tiers.map(with1h) } : {}),
      }));
    }
    if (JSON.stringify(prices) === JSON.stringify(r.prices)) return r;
    changed.push(r.id);
    return { ...r, prices };
  });
  return { records: out, changed };
}
