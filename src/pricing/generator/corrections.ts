import type { ModelRecord, PricePeriod, PriceSet } from '../../core/types.js';
import { litellmPeriod, type LEntry } from './litellm.js';

/**
 * The reviewed corrections to what the two maps say, one line each with its reason. (Which map wins for a
 * curated model, as reference.md §4 resolves their disagreements, is each spec's `from` and `note` in
 * specs-*.ts; earlier prices are in history.ts.)
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
