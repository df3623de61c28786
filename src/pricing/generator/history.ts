import type { ModelRecord, PricePeriod } from '../../core/types.js';

/**
 * Price history the two maps do not carry, for widely used models whose list price changed since 2024:
 * the periods before the current one, each line with where the change is documented. The generator puts
 * them ahead of the record's prices (the current period then starts on `currentFrom`), so a log line is
 * priced as of its own date. Batch prices of earlier periods keep the current batch discount.
 */
interface History {
  id: string;
  /** The day the catalog's current prices took effect. */
  currentFrom: string;
  before: PricePeriod[];
  why: string;
  source: string;
}

const OFF_PEAK = { start: '16:30', end: '00:30' };

export const HISTORY: History[] = [
  {
    id: 'gpt-4o',
    currentFrom: '2024-10-02',
    before: [{ input: 5, output: 15 }],
    why: 'the gpt-4o alias served gpt-4o-2024-05-13 ($5/$15) until it moved to gpt-4o-2024-08-06 on 2024-10-02',
    source: 'https://platform.openai.com/docs/models/gpt-4o',
  },
  {
    id: 'gemini-1.5-pro',
    currentFrom: '2024-10-01',
    before: [{ input: 3.5, output: 10.5, tiers: [{ threshold: 128000, input: 7, output: 21 }] }],
    why: 'Gemini 1.5 Pro prices cut by about 60% from 2024-10-01',
    source:
      'https://developers.googleblog.com/en/updated-production-ready-gemini-models-reduced-15-pro-pricing-increased-rate-limits-and-more/',
  },
  {
    id: 'gemini-1.5-flash',
    currentFrom: '2024-08-12',
    before: [
      { input: 0.35, output: 1.05, tiers: [{ threshold: 128000, input: 0.7, output: 2.1 }] },
    ],
    why: 'Gemini 1.5 Flash prices cut by about 78% from 2024-08-12',
    source:
      'https://developers.googleblog.com/en/gemini-15-flash-updates-google-ai-studio-gemini-api/',
  },
  {
    id: 'deepseek-chat',
    currentFrom: '2025-09-29',
    before: [
      { input: 0.14, output: 0.28, cacheRead: 0.014 },
      { from: '2025-02-09', input: 0.27, output: 1.1, cacheRead: 0.07 },
      {
        from: '2025-02-26',
        input: 0.27,
        output: 1.1,
        cacheRead: 0.07,
        windows: [{ ...OFF_PEAK, prices: { input: 0.135, output: 0.55, cacheRead: 0.035 } }],
      },
      { from: '2025-09-05', input: 0.56, output: 1.68, cacheRead: 0.07 },
    ],
    why: 'V3 launch price until 2025-02-08; standard V3 price; 50% off-peak (16:30-00:30 UTC) from 2025-02-26; V3.1 price without off-peak from 2025-09-05; V3.2 from 2025-09-29',
    source: 'https://api-docs.deepseek.com/quick_start/pricing',
  },
  {
    id: 'deepseek-reasoner',
    currentFrom: '2025-09-29',
    before: [
      { input: 0.55, output: 2.19, cacheRead: 0.14 },
      {
        from: '2025-02-26',
        input: 0.55,
        output: 2.19,
        cacheRead: 0.14,
        windows: [{ ...OFF_PEAK, prices: { input: 0.135, output: 0.55, cacheRead: 0.035 } }],
      },
      { from: '2025-09-05', input: 0.56, output: 1.68, cacheRead: 0.07 },
    ],
    why: 'R1 price from launch; 75% off-peak (16:30-00:30 UTC) from 2025-02-26; V3.1 price from 2025-09-05; V3.2 from 2025-09-29',
    source: 'https://api-docs.deepseek.com/quick_start/pricing',
  },
];

/** The records with their earlier periods put in front; a record whose history already starts earlier is left. */
export function withHistory(records: ModelRecord[]): ModelRecord[] {
  const byId = new Map(HISTORY.map((h) => [h.id, h]));
  return records.map((r) => {
    const h = byId.get(r.id);
    const first = r.prices[0];
    if (!h || !first || first.from) return r;
    const ratio = first.batchInput !== undefined ? first.batchInput / first.input : undefined;
    const outRatio = first.batchOutput !== undefined ? first.batchOutput / first.output : undefined;
    const batch = (p: PricePeriod): PricePeriod =>
      ratio === undefined || outRatio === undefined
        ? p
        : { ...p, batchInput: p.input * ratio, batchOutput: p.output * outRatio };
    return {
      ...r,
      prices: [...h.before.map(batch), { ...first, from: h.currentFrom }, ...r.prices.slice(1)],
      notes: [r.notes, `Price history: ${h.why} (${h.source}).`].filter(Boolean).join(' '),
    };
  });
}
