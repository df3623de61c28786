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

  it('puts every instant on the right day in every time zone, :30 and :45 offsets included', () => {
    // Instants a minute either side of every quarter hour within 15 hours of midnight UTC (so around every
    // zone's local midnight), on days with and without DST changes; the cache answers most of them.
    const instants: number[] = [];
    for (const date of [
      '2026-01-15',
      '2026-03-29',
      '2026-04-05',
      '2026-07-01',
      '2026-10-04',
      '2026-11-01',
    ]) {
      const day = Date.parse(`${date}T00:00:00Z`);
      for (let q = -60; q <= 60; q++)
        instants.push(day + q * 900_000 - 60_000, day + q * 900_000 + 60_000);
    }
    for (const tz of Intl.supportedValuesOf('timeZone')) {
      const cal = new Calendar(tz);
      const fmt = new Intl.DateTimeFormat('en-CA', {
        timeZone: tz,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      const wrong = instants.filter((t) => cal.day(t) !== fmt.format(new Date(t)));
      expect(
        wrong.map((t) => new Date(t).toISOString()),
        tz,
      ).toEqual([]);
    }
  });

  it('was wrong by the hour cache in half-hour zones (the bug this replaces)', () => {
    // 18:40 UTC is 00:10 the next day in Asia/Kolkata (+05:30); an hour slot starting 18:00 said the day before.
    expect(new Calendar('Asia/Kolkata').day(Date.parse('2025-10-01T18:40:00Z'))).toBe('2025-10-02');
    expect(new Calendar('Asia/Kathmandu').day(Date.parse('2025-10-01T18:20:00Z'))).toBe(
      '2025-10-02',
    );
  });
});
