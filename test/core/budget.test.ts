import { describe, expect, it } from 'vitest';
import {
  budgetLevel,
  daysInMonth,
  isoWeekOf,
  monthlyAmount,
  parseBudget,
  parseShare,
  periodOf,
} from '../../src/core/budget.js';

describe('budget rules', () => {
  it.each([
    ['100/day', { amount: 100, per: 'day' }],
    ['$2,500/month', { amount: 2500, per: 'month' }],
    ['250/week', { amount: 250, per: 'week' }],
    [' 7.5 / wk ', { amount: 7.5, per: 'week' }],
    ['10/weekly', { amount: 10, per: 'week' }],
    ['10/w', { amount: 10, per: 'week' }],
    ['10/mo', { amount: 10, per: 'month' }],
    ['10/fortnight', undefined],
    ['-5/day', undefined],
  ])('parseBudget(%j)', (text, expected) => expect(parseBudget(text)).toEqual(expected));

  it.each([
    ['80%', 0.8],
    ['0.8', 0.8],
    ['80', 0.8],
    ['100%', 1],
    ['1', 1],
    ['0', undefined],
    ['101%', undefined],
    ['x', undefined],
  ])('parseShare(%j)', (text, expected) => expect(parseShare(text)).toBe(expected));

  it.each([
    ['2026-11-30', '2026-W49'], // Monday
    ['2026-11-29', '2026-W48'], // Sunday
    ['2027-01-01', '2026-W53'], // Friday: the week of 2026's last Thursday
    ['2024-12-30', '2025-W01'],
  ])('isoWeekOf(%s) = %s', (day, week) => expect(isoWeekOf(day)).toBe(week));

  it('periods, month lengths and monthly amounts', () => {
    expect(periodOf('day', '2026-11-30')).toBe('2026-11-30');
    expect(periodOf('month', '2026-11-30')).toBe('2026-11');
    expect([
      daysInMonth('2026-02-10'),
      daysInMonth('2028-02-01'),
      daysInMonth('2026-12-31'),
    ]).toEqual([28, 29, 31]);
    expect(monthlyAmount({ amount: 70, per: 'week' }, 30)).toBe(300);
    expect(monthlyAmount({ amount: 10, per: 'day' }, 31)).toBe(310);
    expect(monthlyAmount({ amount: 99, per: 'month' }, 28)).toBe(99);
  });

  it.each([
    [79, 'ok'],
    [80, 'warn'],
    [100, 'warn'],
    [100.01, 'over'],
  ] as const)('budgetLevel(%d of 100, warn at 80%%) = %s', (spent, level) =>
    expect(budgetLevel(spent, 100, 0.8)).toBe(level),
  );
});
