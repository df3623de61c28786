import { describe, expect, it } from 'vitest';
import { budgetOutcome } from '../../src/app/budget-outcome.js';

describe('budgetOutcome: one rule for analyze, count and estimate', () => {
  it.each([
    // [format, breaches, exitOnBreach, stderr lines, exit]
    ['table', ['over'], true, [], 1],
    ['markdown', ['over'], true, [], 1],
    ['json', ['over'], true, ['over'], 1],
    ['csv', ['over'], false, ['over'], 0],
    ['json', [], true, [], 0],
  ] as const)('%s, breaches %j, exit on breach %s', (format, breaches, exitOn, stderr, exit) => {
    const o = budgetOutcome(format, [...breaches], exitOn);
    expect(o.diagnostics).toEqual(stderr);
    expect(o.exitCode).toBe(exit);
    expect(o.section?.lines).toEqual(breaches.length ? breaches : undefined);
  });

  it('shows the within-budget line, in green, only when nothing is over', () => {
    expect(budgetOutcome('table', [], true, ['within']).section).toEqual({
      kind: 'text',
      lines: ['within'],
      tone: 'good',
    });
    expect(budgetOutcome('table', ['over'], true, ['within']).section?.tone).toBe('bad');
  });
});
