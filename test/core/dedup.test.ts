import { describe, expect, it } from 'vitest';
import { ClaimTable } from '../../src/core/claim-table.js';
import { HashSet64, KeepLargest, RecentIds } from '../../src/core/dedup.js';
import type { UsageRecord } from '../../src/core/usage-record.js';

const rec = (
  key: string,
  output: number,
  extra: Partial<UsageRecord['dedup']> = {},
): UsageRecord => ({
  model: 'm',
  input: 1,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output,
  reasoning: 0,
  requests: 1,
  dedup: { key, keep: 'largest', ...extra },
});

describe('HashSet64', () => {
  it('remembers every key through growth', () => {
    const s = new HashSet64();
    for (let i = 0; i < 200_000; i++) expect(s.add(`chatcmpl-${i}`)).toBe(true);
    for (let i = 0; i < 200_000; i += 997) expect(s.add(`chatcmpl-${i}`)).toBe(false);
    expect(s.add('chatcmpl-200000')).toBe(true);
  });
});

describe('RecentIds', () => {
  it('recognises copies within two generations and keeps memory bounded', () => {
    const ids = new RecentIds(1000);
    for (let i = 0; i < 1500; i++) ids.add(`id-${i}`);
    expect(ids.add('id-0')).toBe(false); // previous generation
    expect(ids.add('id-1400')).toBe(false); // current generation
    for (let i = 1500; i < 2500; i++) ids.add(`id-${i}`);
    expect(ids.add('id-1')).toBe(true); // two generations ago: forgotten
  });
});

describe('KeepLargest', () => {
  it('keeps the largest snapshot per key and drops sidechain replays', () => {
    const k = new KeepLargest<number>();
    k.offer(rec('a:r1', 6, { messageId: 'a' }), 1);
    k.offer(rec('a:r1', 812, { messageId: 'a' }), 2);
    k.offer(rec('a:r1', 10, { messageId: 'a' }), 3);
    k.offer(rec('a:r9', 812, { messageId: 'a', sidechain: true }), 4);
    k.offer(rec('b:r2', 5, { messageId: 'b', sidechain: true }), 5);
    const { kept, replays } = k.settle(new ClaimTable());
    expect(kept.map((h) => [h.record.dedup!.key, h.record.output, h.extra])).toEqual([
      ['a:r1', 812, 2],
      ['b:r2', 5, 5],
    ]);
    expect(replays).toBe(1);
    expect(k.collapsed).toBe(2);
  });
});

describe('SharedIds', () => {
  it('is shared by every view of one buffer and stops remembering when 3/4 full', async () => {
    const { SharedIds } = await import('../../src/core/dedup.js');
    const buffer = SharedIds.allocate(2000);
    const a = new SharedIds(buffer);
    const b = new SharedIds(buffer);
    expect(a.add('x')).toBe(true);
    expect(b.add('x')).toBe(false);
    for (let i = 0; i < 2000; i++) a.add(`id-${i}`);
    expect(b.add('id-10')).toBe(false);
    expect(b.add('new-after-full')).toBe(true);
    expect(b.add('new-after-full')).toBe(true); // not remembered once full
  });

  it('counts the ids it could not remember, in every view', async () => {
    const { SharedIds } = await import('../../src/core/dedup.js');
    const buffer = SharedIds.allocate(1024);
    const a = new SharedIds(buffer);
    for (let i = 0; i < 768; i++) a.add(`id-${i}`);
    expect(a.forgotten).toBe(0);
    for (let i = 0; i < 10; i++) a.add(`late-${i}`);
    expect(a.add('id-5')).toBe(false); // still known: not forgotten
    expect(new SharedIds(buffer).forgotten).toBe(a.forgotten);
    expect(a.forgotten).toBeGreaterThanOrEqual(9);
  });

  it('counts in batches yet never fills up: views that each hold inserts back still stop near 3/4', async () => {
    const { SharedIds } = await import('../../src/core/dedup.js');
    const slots = 1 << 16; // 16 inserts a batch
    const buffer = SharedIds.allocate(slots);
    const views = Array.from({ length: 8 }, () => new SharedIds(buffer));
    // Far more ids than slots, spread over the views: each add must end (a free slot always remains).
    for (let i = 0; i < slots * 2; i++) views[i % 8]!.add(`id-${i}`);
    const remembered = slots * 2 - views[0]!.forgotten;
    expect(remembered).toBeGreaterThanOrEqual((slots * 3) / 4);
    expect(remembered).toBeLessThanOrEqual((slots * 3) / 4 + 8 * 16);
    // What was remembered is still known to every view.
    expect(views[5]!.add('id-0')).toBe(false);
    expect(views[2]!.add(`id-${slots / 2}`)).toBe(false);
  });
});
