import { describe, expect, it } from 'vitest';
import { CATALOG_DATE, loadModels } from '../../src/pricing/catalog-data.js';

const MODELS = loadModels();
import type { PriceSet } from '../../src/core/types.js';

const sets = MODELS.flatMap((m) =>
  m.prices.flatMap((p) => [
    { id: m.id, s: p as PriceSet },
    ...(p.tiers ?? []).map((t) => ({ id: m.id, s: t as PriceSet })),
    ...(p.windows ?? []).map((w) => ({ id: m.id, s: w.prices })),
  ]),
);

describe('bundled catalog invariants', () => {
  it('has at least 80 models across the required providers', () => {
    expect(MODELS.length).toBeGreaterThanOrEqual(80);
    const providers = new Set(MODELS.map((m) => m.provider));
    for (const p of [
      'openai',
      'anthropic',
      'google',
      'vertex',
      'mistral',
      'deepseek',
      'xai',
      'together',
      'groq',
      'bedrock',
      'azure',
    ]) {
      expect(providers).toContain(p);
    }
    expect(CATALOG_DATE).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('has unique ids', () => {
    expect(new Set(MODELS.map((m) => m.id)).size).toBe(MODELS.length);
  });

  it('never lets one alias name two records of the same provider', () => {
    const seen = new Map<string, string>();
    for (const m of MODELS) {
      for (const a of new Set([m.id.toLowerCase(), ...m.aliases])) {
        const key = `${m.provider}:${a}`;
        expect(seen.get(key), `${a} in ${m.id} and ${seen.get(key)}`).toBeUndefined();
        seen.set(key, m.id);
      }
    }
  });

  it('has lower-case aliases only', () => {
    for (const m of MODELS) for (const a of m.aliases) expect(a).toBe(a.toLowerCase());
  });

  it.each(sets.map((x, i) => [i, x.id, x.s] as const))('#%d %s: prices are sane', (_i, _id, s) => {
    for (const v of [s.input, s.output, s.cacheRead, s.cacheWrite5m, s.cacheWrite1h]) {
      if (v === undefined) continue;
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(700); // the dearest real model is $600/1M output: catches 1000x slips
    }
    if (s.cacheRead !== undefined) expect(s.cacheRead).toBeLessThanOrEqual(s.input);
    expect(s.input).toBeGreaterThan(0.001); // catches per-token values pasted as per-1M
  });

  it('gives every record a source, a URL, a verified date and a tokenizer', () => {
    for (const m of MODELS) {
      expect(m.source, m.id).toBeTruthy();
      expect(m.sourceUrl, m.id).toMatch(/^https:\/\//);
      expect(m.verified, m.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(m.tokenizer, m.id).toBeTruthy();
    }
  });

  it('keeps price history in date order and batch prices at most list price', () => {
    for (const m of MODELS) {
      const dates = m.prices.map((p) => p.from ?? '');
      expect([...dates].sort(), m.id).toEqual(dates);
      for (const p of m.prices) {
        if (p.batchInput !== undefined) expect(p.batchInput).toBeLessThanOrEqual(p.input);
        if (p.batchOutput !== undefined) expect(p.batchOutput).toBeLessThanOrEqual(p.output);
      }
    }
  });
});

describe('the precompiled default view', () => {
  it('is exactly the current first-party records of the catalog (regenerate with npm run catalog)', async () => {
    const { readCatalogFile } = await import('../../src/pricing/catalog-data.js');
    const { isDefaultView } = await import('../../src/core/default-view.js');
    expect(readCatalogFile('catalog-view.json')).toEqual(MODELS.filter(isDefaultView));
  });
});
