import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClaimTable } from '../../src/core/claim-table.js';

describe('ClaimTable', () => {
  it('counts each response once, through growth, and tells responses of one message apart', () => {
    const t = new ClaimTable();
    for (let i = 0; i < 300_000; i++) expect(t.claim(`k${i}`, `m${i}`, true)).toBe(true);
    for (let i = 0; i < 300_000; i += 997) expect(t.claim(`k${i}`, `m${i}`, true)).toBe(false);
    expect(t.size).toBe(300_000);
    expect(t.claim('other-request-of-m5', 'm5', true)).toBe(true);
    expect(t.claim('plain-id', undefined, false)).toBe(true);
    expect(t.claim('plain-id', undefined, false)).toBe(false);
  });

  it('knows whether a main-line response of a message was counted', () => {
    const t = new ClaimTable();
    t.claim('claude:a:r1', 'a', true);
    t.claim('claude:b:r2', 'b', false);
    expect(t.hasMain('a')).toBe(true);
    expect(t.hasMain('b')).toBe(false);
    expect(t.hasMain('c')).toBe(false);
  });

  it('is one table for every view of its buffer, grown by any of them', () => {
    const buffer = ClaimTable.allocate();
    const a = new ClaimTable(buffer);
    const b = new ClaimTable(buffer);
    for (let i = 0; i < 100_000; i++) a.claim(`x${i}`, undefined, false);
    expect(b.size).toBe(100_000);
    expect(b.claim('x99999', undefined, false)).toBe(false);
    expect(b.claim('y', undefined, false)).toBe(true);
    expect(a.claim('y', undefined, false)).toBe(false);
    // Grown by b now, while a holds views of the old size.
    for (let i = 0; i < 200_000; i++) b.claim(`z${i}`, undefined, false);
    for (let i = 0; i < 100_000; i += 997) expect(a.claim(`x${i}`, undefined, false)).toBe(false);
    for (let i = 0; i < 200_000; i += 997) expect(a.claim(`z${i}`, undefined, false)).toBe(false);
    expect(a.size).toBe(300_001);
  });

  it('never loses a key, whatever the keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string(), { maxLength: 200 }), (keys) => {
        const t = new ClaimTable();
        expect(keys.every((k) => t.claim(k, undefined, false))).toBe(true);
        expect(keys.some((k) => t.claim(k, undefined, false))).toBe(false);
      }),
    );
  });
});
