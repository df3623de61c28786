import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Aggregator, type CostSource, type Dim } from '../../src/core/aggregate.js';
import { priceGroup } from '../../src/core/price-groups.js';
import { Calendar } from '../../src/core/time-buckets.js';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { loadPriceBook } from '../../src/pricing/catalog.js';

const book = loadPriceBook();
const at = { file: 'x', line: 1 };
const rec = (model: string, p: Partial<UsageRecord> = {}): UsageRecord => ({
  model,
  input: 0,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output: 0,
  reasoning: 0,
  requests: 1,
  timestamp: Date.parse('2026-10-01T12:00:00Z'),
  ...p,
});
const agg = (costSource: CostSource = 'auto', dims: Dim[] = ['model']) =>
  new Aggregator(book, {
    dims,
    calendar: new Calendar('UTC'),
    costSource,
    reprice: [],
    top: 2,
  });

describe('Aggregator and priceGroup', () => {
  it('sums per group, per day and in total, and prices each group once', () => {
    const a = agg('auto', ['day', 'model']);
    a.add(rec('gpt-4o', { input: 1_000_000 }), at);
    a.add(rec('gpt-4o-2024-08-06', { output: 1_000_000 }), at);
    a.add(rec('gpt-4o', { input: 1_000_000, timestamp: Date.parse('2026-10-02T01:00:00Z') }), at);
    expect([...a.groups.keys()]).toEqual(['2026-10-01\u0000gpt-4o', '2026-10-02\u0000gpt-4o']);
    const first = priceGroup(a.groups.get('2026-10-01\u0000gpt-4o')!, 'auto');
    expect(first.usage).toMatchObject({ input: 1_000_000, output: 1_000_000, requests: 2 });
    expect(first.cost).toBeCloseTo(2.5 + 10, 12);
    expect(priceGroup(a.total, 'auto').cost).toBeCloseTo(2.5 + 10 + 2.5, 12);
    expect([...a.days.keys()]).toEqual(['2026-10-01', '2026-10-02']);
    expect(a.top.map((t) => t.cost)).toEqual([10, 2.5]);
  });

  it.each([
    // [cost source, cost, calculated, logged]
    ['auto', 0.5 + 2.5, 2.5, 0.5],
    ['log', 0.5, null, 0.5],
    ['calculate', 2.5, 2.5, null],
  ] as const)('costs a logged record by --cost-source %s', (source, cost, calculated, logged) => {
    const a = agg(source);
    a.add(rec('my-finetune', { input: 100, loggedCost: 0.5 }), at);
    a.add(rec('gpt-4o', { input: 1_000_000 }), at);
    const t = priceGroup(a.total, source);
    expect(t.cost).toBeCloseTo(cost, 12);
    if (calculated === null) expect(t.calculatedCost).toBeNull();
    else expect(t.calculatedCost).toBeCloseTo(calculated, 12);
    expect(t.loggedCost).toBe(logged);
    expect(t.unpricedModels).toEqual(
      source === 'log' ? ['gpt-4o', 'my-finetune'] : ['my-finetune'],
    );
  });

  it('leaves a group of unknown models unpriced, never $0', () => {
    const a = agg();
    a.add(rec('nope', { input: 10, output: 5 }), at);
    const g = priceGroup(a.total, 'auto');
    expect(g.cost).toBeNull();
    expect(g.unpriced).toMatchObject({ input: 10, output: 5 });
  });

  it('keeps cost-report lines apart from token groups', () => {
    const a = agg();
    a.add(rec('gpt-4o', { requests: 0, loggedCost: 1.2, lineItem: 'gpt-4o, output' }), at);
    expect(a.groups.size).toBe(0);
    expect([...a.billed.values()]).toEqual([
      { day: '2026-10-01', lineItem: 'gpt-4o, output', cost: 1.2, records: 1 },
    ]);
  });

  it('prices cache savings: reads save, writes cost their premium', () => {
    const a = agg();
    // 200,000 prompt tokens: at, not over, the long-context threshold.
    a.add(rec('claude-sonnet-4-5', { cacheRead: 100_000, cacheWrite5m: 100_000 }), at);
    // read: $3 - $0.30 saved per 1M; 5m write: $3.75 - $3 paid on top
    expect(priceGroup(a.total, 'auto').cacheSavings).toBeCloseTo(0.27 - 0.075, 12);
  });
});

describe('the healthy input:output band', () => {
  const u = (p: Partial<UsageRecord>) => rec('x', p);
  it.each([
    // [usage, flag]: a cache-heavy group is judged on fresh tokens (input + writes), others on all prompt
    [u({ input: 1000, cacheRead: 4000, output: 500 }), undefined], // 80% cached: fresh 2:1
    [u({ input: 100, cacheRead: 90_000, cacheWrite5m: 9_900, output: 1000 }), 'bloated prompts'], // fresh 10:1
    [u({ input: 5000, cacheRead: 1000, output: 500 }), 'bloated prompts'], // 17% cached: all 12:1
    [u({ input: 100, output: 500 }), 'verbose output'],
    // No output (embeddings, or requests that produced nothing): no ratio to judge, not "bloated prompts".
    [u({ input: 40_000, output: 0 }), undefined],
    [u({ input: 0, output: 0 }), undefined],
  ] as const)('%o is %s', async (usage, flag) => {
    const { ratioFlag } = await import('../../src/core/price-groups.js');
    expect(ratioFlag(usage, { low: 2, high: 5 })).toBe(flag);
  });
});

describe('the most expensive requests (--top)', () => {
  it('are the N largest, most expensive first, the earlier first among equals, whatever the order read', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 20 }),
        (cents, n) => {
          const a = new Aggregator(book, {
            dims: ['model'],
            calendar: new Calendar('UTC'),
            costSource: 'log',
            reprice: [],
            top: n,
          });
          cents.forEach((c, line) =>
            a.add(rec('gpt-4o', { loggedCost: c / 100 }), { file: 'x', line }),
          );
          const want = cents
            .map((c, line) => ({ cost: c / 100, line }))
            .sort((x, y) => y.cost - x.cost || x.line - y.line)
            .slice(0, n);
          expect(a.top.map((t) => ({ cost: t.cost, line: t.location.line }))).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });
});
