import { describe, expect, it } from 'vitest';
import {
  bar,
  compactTokens,
  int,
  pct,
  requestRate,
  amount,
  usd,
} from '../../src/reporters/format-values.js';

describe('value formatting', () => {
  it.each([
    [500, '$500.00'],
    [1275, '$1,275.00'],
    [0.000825, '$0.000825'],
    [0.00425, '$0.00425'],
    [0.0425, '$0.0425'],
    [0.5, '$0.50'],
    [0.999, '$1.00'],
    [0, '$0.00'],
    [-12.5, '-$12.50'],
    [1.275, '$1.28'],
    [0.0000375 * 10000 + 0.00009 * 10000, '$1.28'],
    [0.12345, '$0.1235'],
    [1234567.891, '$1,234,567.89'],
    [null, 'unpriced'],
  ])('usd(%s) = %s', (v, s) => expect(usd(v)).toBe(s));

  it.each([
    [1234567.4, '1,234,567'],
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [12345, '12,345'],
    [-1234.6, '-1,235'],
    [-999, '-999'],
    [1e21, '1e+21'],
    [null, ''],
  ])('int(%s) = %s', (v, s) => expect(int(v)).toBe(s));

  it('formats shares and bars', () => {
    expect(pct(0.206)).toBe('20.6%');
    expect(compactTokens(128000)).toBe('128k');
    expect(compactTokens(1_048_576)).toBe('1.05M');
    expect(bar(5, 10, 10)).toBe('█████');
    expect(bar(0, 10, 10)).toBe('');
  });
});

describe('requestRate', () => {
  it.each([
    [1, 'day', '1 request/day'],
    [0, 'day', '0 requests/day'],
    [10, 'month', '10 requests/month'],
    [10000, 'day', '10,000 requests/day'],
    // A rate that was rounded to "0 requests/day" (10 a month over 30 days).
    [10 / 30, 'day', '0.333 requests/day'],
    [2.5, 'day', '2.5 requests/day'],
  ] as const)('%s per %s: %s', (n, per, want) => {
    expect(requestRate(n, per)).toBe(want);
  });
});

describe('amount', () => {
  it.each([
    [0, '0'],
    [12345, '12,345'],
    [10 / 30, '0.333'],
    [0.0001234, '0.000123'],
    [99.95, '100'],
    [333.3333, '333'],
    [1234.5, '1,235'],
  ])('%s: %s', (n, want) => {
    expect(amount(n)).toBe(want);
  });
});
