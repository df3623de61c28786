import { describe, expect, it } from 'vitest';
import { grid } from '../../src/reporters/text-grid.js';

describe('grid', () => {
  it('pads every column to its widest cell, counting a surrogate pair as one character', () => {
    const out = grid(
      ['name', 'n'],
      [
        ['a', '1'],
        ['🎉 b', '1,234'],
      ],
      { align: ['left', 'right'] },
    );
    expect(out.split('\n')).toEqual([
      '┌──────┬───────┐',
      '│ name │     n │',
      '├──────┼───────┤',
      '│ a    │     1 │',
      '│ 🎉 b  │ 1,234 │',
      '└──────┴───────┘',
    ]);
  });

  it('paints the header after padding, so widths ignore the escape codes', () => {
    const out = grid(['h'], [['xyz']], { align: ['left'], paintHeader: (s) => `<${s}>` });
    expect(out.split('\n')[1]).toBe('│ <h  > │');
  });
});
