import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../src/files/glob.js';
import { IgnoreRules } from '../../src/files/gitignore.js';

const match = (glob: string, path: string, braces = true) =>
  compileGlob(glob, { braces }).test(path);

describe('compileGlob', () => {
  it.each([
    // [glob, path, matches]
    ['*.md', 'a.md', true],
    ['*.md', 'dir/a.md', false],
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['**/*.md', 'a.md', true],
    ['**/*.md', 'x/y/a.md', true],
    ['prompts/**', 'prompts/a/b.txt', true],
    ['prompts/**', 'other/a', false],
    ['a/**/b', 'a/b', true],
    ['a/**/b', 'a/x/y/b', true],
    ['a/**/b', 'a/xb', false],
    ['a**b', 'a/x/b', true],
    ['***/x', 'a/b/x', true],
    ['?.txt', 'a.txt', true],
    ['?.txt', '/.txt', false],
    ['?', '😀', true], // one character, not one UTF-16 unit
    ['[abc].md', 'b.md', true],
    ['[!abc].md', 'b.md', false],
    ['[^abc].md', 'd.md', true],
    ['[a-c]x', 'bx', true],
    ['[z-a]x', 'bx', false], // a reversed range matches nothing, as in git
    ['[z-a]x', 'zx', false],
    ['[]a]', ']', true],
    ['[a-]', '-', true],
    ['[/]', '/', false], // a class never matches a slash
    ['a[b', 'a[b', true], // an unclosed bracket is literal
    ['{a,b}.md', 'b.md', true],
    ['{a,b}.md', 'c.md', false],
    ['{a,{b,c}d}.md', 'cd.md', true],
    ['{a,b', '{a,b', true], // an unclosed brace is literal
    ['x{}y', 'xy', true],
    ['\\*.md', '*.md', true],
    ['\\*.md', 'a.md', false],
    ['a\\', 'a\\', true],
    ['a.b', 'axb', false], // regular-expression characters are literal
    ['(x)+$', '(x)+$', true],
  ])('%s ~ %s is %s', (glob, path, expected) => {
    expect(match(glob, path)).toBe(expected);
  });

  it('treats braces as literal characters where they are off (.gitignore)', () => {
    expect(match('{a,b}', 'a', false)).toBe(false);
    expect(match('{a,b}', '{a,b}', false)).toBe(true);
  });

  it('matches in time linear in the name, whatever the pattern', () => {
    const name = 'a'.repeat(20_000);
    const started = process.hrtime.bigint();
    for (const glob of [
      '*a*a*a*a*a*a*a*a*a*a*a*b',
      '**/**/**/**/**/**/**/**/b',
      '{a,a}{a,a}*{a,a}*b',
    ])
      expect(match(glob, name)).toBe(false);
    // A backtracking regular expression takes minutes on the first pattern; this takes milliseconds.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });

  it('refuses braces nested absurdly deep with a usage error, never a stack overflow', () => {
    expect(() => compileGlob('{'.repeat(5000) + '}'.repeat(5000))).toThrow(/nests braces/);
    expect(match('**/'.repeat(5000) + 'x', 'x')).toBe(true);
  });

  it('agrees with an equivalent regular expression on random patterns and names', () => {
    const toRegExp = (parts: string[]) =>
      new RegExp(
        `^${parts.map((p) => ({ '*': '[^/]*', '?': '[^/]', '**/': '(?:.*/)?' })[p] ?? p).join('')}$`,
        'u',
      );
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('*', '?', '**/', 'a', 'b', '/'), { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b', '/'), { maxLength: 10 }),
        (parts, chars) => {
          // `*` before another star would read as `**`: the reference would tokenize it differently.
          fc.pre(!parts.some((p, k) => p === '*' && parts[k + 1]?.startsWith('*')));
          const name = chars.join('');
          expect(match(parts.join(''), name)).toBe(toRegExp(parts).test(name));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws on random patterns and names', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.string({ maxLength: 30 }), (glob, name) => {
        expect(typeof match(glob, name)).toBe('boolean');
        expect(typeof match(glob, name, false)).toBe('boolean');
      }),
      { numRuns: 3000 },
    );
  });
});

describe('IgnoreRules', () => {
  it('keeps an escaped trailing space and drops the rest, in linear time', () => {
    const rules = new IgnoreRules('a\\ \nb   \n' + `c${' '.repeat(100_000)}d\n`);
    expect(rules.match('a ', false)).toBe(true);
    expect(rules.match('b', false)).toBe(true);
    expect(rules.match(`c${' '.repeat(100_000)}d`, false)).toBe(true);
  });

  it('reads braces literally, as git does', () => {
    const rules = new IgnoreRules('{a,b}.log\n');
    expect(rules.match('a.log', false)).toBeUndefined();
    expect(rules.match('{a,b}.log', false)).toBe(true);
  });
});
