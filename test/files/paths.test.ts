import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { comparePaths, displayPath, posixRelative } from '../../src/files/paths.js';

describe('posixRelative', () => {
  it.each([
    ['/repo', '/repo/prompts/a.md', 'prompts/a.md'],
    ['/repo/', '/repo/prompts/a.md', 'prompts/a.md'],
    ['/', '/etc/hosts', 'etc/hosts'],
    ['/repo', '/repo', ''],
    ['/repo', '/repository/a.md', '../repository/a.md'],
    ['/repo/prompts', '/repo/other/b.md', '../other/b.md'],
    ['/repo/a', '/repo', '..'],
  ])('from %s to %s is %s, as path.relative says', (from, to, rel) => {
    expect(posixRelative(from, to)).toBe(rel);
    expect(posixRelative(from, to)).toBe(relative(from, to));
  });
});

describe('displayPath', () => {
  it('names files inside cwd relatively and others absolutely', () => {
    expect(displayPath('/repo', '/repo/prompts/a.md')).toBe('prompts/a.md');
    expect(displayPath('/repo', '/elsewhere/a.md')).toBe('/elsewhere/a.md');
  });
});

describe('comparePaths', () => {
  it('orders by code unit, as git lists files', () => {
    expect(['b.md', 'B.md', 'a/z.md', 'a.md', 'a-b.md', 'é.md'].sort(comparePaths)).toEqual([
      'B.md',
      'a-b.md',
      'a.md',
      'a/z.md',
      'b.md',
      'é.md',
    ]);
  });
});
