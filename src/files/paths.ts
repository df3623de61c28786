import { UsageError } from '../errors.js';
import { relative, sep } from 'node:path';

/**
 * `to` relative to `from`, with forward slashes (globs and reports use them on every platform). Both are
 * absolute and normalized. Inside `from`, the common case in a folder walk, this is a slice: path.relative
 * resolves both paths again, which cost more than the walk itself on thousands of files.
 */
export function posixRelative(from: string, to: string): string {
  const base = from.endsWith(sep) ? from.length : from.length + 1;
  if (to.length > base && to.startsWith(from) && to[base - 1] === sep) {
    const rel = to.slice(base);
    return sep === '/' ? rel : rel.split(sep).join('/');
  }
  return relative(from, to).split(sep).join('/');
}

/** How a file is named in reports: relative to cwd when inside it, else absolute. */
export function displayPath(cwd: string, abs: string): string {
  const rel = posixRelative(cwd, abs);
  return rel.startsWith('..') ? abs.split(sep).join('/') : rel;
}

/**
 * Orders paths by UTF-16 code unit, as git lists files. localeCompare would first initialise ICU's
 * collation (~7 ms) in a command that otherwise never needs it.
 */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * An empty path argument, most often an unset shell variable (`llmcost analyze "$LOGS"`): refused, where
 * resolving it would read the whole current folder.
 */
export const emptyPath = (): UsageError =>
  new UsageError(
    'an empty path was given',
    'an unset variable? name a file or folder ("." for this one)',
  );
