import { describe, expect, it } from 'vitest';
import { Calendar } from '../../src/core/time-buckets.js';

describe('Calendar', () => {
  it.each([
    ['2025-10-01T12:00:00Z', '2025-W40'],
    ['2024-12-30T12:00:00Z', '2025-W01'],
    ['2021-01-03T12:00:00Z', '2020-W53'],
    ['2026-01-01T00:00:00Z', '2026-W01'],
    ['2027-01-01T00:00:00Z', '2026-W53'],
  ])('%s is in ISO week %s', (iso, week) => {
    expect(new Calendar('UTC').week(Date.parse(iso))).toBe(week);
  });

  it('moves day boundaries with the time zone', () => {
    const t = Date.parse('2025-10-02T02:00:00Z');
    expect(new Calendar('UTC').day(t)).toBe('2025-10-02');
    expect(new Calendar('America/New_York').day(t)).toBe('2025-10-01');
    expect(new Calendar('Asia/Tokyo').month(Date.parse('2025-10-31T16:00:00Z'))).toBe('2025-11');
    expect(new Calendar('UTC').day(undefined)).toBe('unknown');
  });
});
