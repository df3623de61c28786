import { describe, expect, it } from 'vitest';
import {
  COUNT_FIELDS,
  OPTIONAL_COUNT_FIELDS,
  type UsageRecord,
} from '../../src/core/usage-record.js';
import { checkRecord } from '../../src/readers/check-record.js';

const base = (): UsageRecord => ({
  model: 'gpt-4o',
  input: 10,
  cacheRead: 0,
  cacheWrite5m: 0,
  cacheWrite1h: 0,
  output: 5,
  reasoning: 0,
  requests: 1,
});

describe('checkRecord', () => {
  it('passes a whole record, optional counts included', () => {
    const r = base();
    for (const f of OPTIONAL_COUNT_FIELDS) r[f] = 3;
    expect(() => checkRecord(r)).not.toThrow();
  });

  // Every count field, the optional ones too: the check names its fields one by one for speed, so a field
  // added to the list and not to the check fails here.
  const fields = [...COUNT_FIELDS, ...OPTIONAL_COUNT_FIELDS];
  const bad = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53];
  it.each(fields.flatMap((f) => bad.map((v) => [f, v] as const)))(
    'rejects %s = %s, naming the field',
    (f, v) => {
      const r = base();
      r[f] = v;
      expect(() => checkRecord(r)).toThrow(`invalid ${f} count`);
    },
  );

  it.each([
    [{ loggedCost: Number.NaN }, 'invalid cost (not finite)'],
    [{ timestamp: 9e15 }, 'timestamp out of range'],
    [{ timestamp: -9e15 }, 'timestamp out of range'],
  ])('rejects %o', (extra, reason) => {
    expect(() => checkRecord({ ...base(), ...extra })).toThrow(reason);
  });
});
