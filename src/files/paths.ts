import { relative, sep } from 'node:path';

/** `to` relative to `from`, with forward slashes (globs and reports use them on every platform). */
export function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

/** How a file is named in reports: relative to cwd when inside it, else absolute. */
export function displayPath(cwd: string, abs: string): string {
  const rel = posixRelative(cwd, abs);
  return rel.startsWith('..') ? abs.split(sep).join('/') : rel;
}
