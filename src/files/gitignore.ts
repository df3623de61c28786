import { compileGlob, type GlobMatcher } from './glob.js';

interface Rule {
  re: GlobMatcher;
  negate: boolean;
  dirOnly: boolean;
}

/**
 * The rules of one .gitignore file, relative to its directory. Follows git's documented semantics:
 * a pattern with a slash (other than a trailing one) is anchored to the file's directory, otherwise it
 * matches at any depth; a trailing slash matches directories only; "!" re-includes; the last match wins.
 */
export class IgnoreRules {
  private readonly rules: Rule[] = [];

  constructor(text: string) {
    for (const raw of text.split(/\r?\n/)) {
      let line = trimEnd(raw);
      if (!line || line.startsWith('#')) continue;
      const negate = line.startsWith('!');
      if (negate) line = line.slice(1);
      line = line.replace(/^\\([#!])/, '$1');
      const dirOnly = line.endsWith('/');
      if (dirOnly) line = line.slice(0, -1);
      const anchored = line.includes('/');
      if (line.startsWith('/')) line = line.slice(1);
      const glob = anchored ? line : `**/${line}`;
      this.rules.push({ re: compileGlob(glob, { braces: false }), negate, dirOnly });
    }
  }

  /** true ignored, false re-included, undefined no rule matched. `rel` is relative to this file's dir. */
  match(rel: string, isDir: boolean): boolean | undefined {
    let verdict: boolean | undefined;
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.re.test(rel)) verdict = !r.negate;
    }
    return verdict;
  }
}

/**
 * Trailing spaces are dropped unless escaped with a backslash (git's rule). A loop, not a regular
 * expression: `\s+$` backtracks quadratically on a long run of spaces that is not at the end.
 */
function trimEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '\r'))
    end--;
  if (end < line.length && end > 0 && line[end - 1] === '\\') end++;
  return line.slice(0, end);
}
