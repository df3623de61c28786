/** Damaging a JSON value at one place, for property tests of files and records llmcost reads back. */
import fc from 'fast-check';

export type Doc = Record<string | number, unknown>;

/** Every path into a JSON value: a key or an index at each step. */
export function pathsOf(
  v: unknown,
  path: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (path.length) out.push(path);
  if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v))
      pathsOf(x, [...path, Array.isArray(v) ? Number(k) : k], out);
  return out;
}

/** `doc` (changed in place) with the value at `path` replaced by `value`, or its key removed. */
export function damage(doc: Doc, path: (string | number)[], value: unknown, remove: boolean): Doc {
  let at: Doc = doc;
  for (const k of path.slice(0, -1)) at = at[k] as Doc;
  const last = path[path.length - 1]!;
  if (remove && !Array.isArray(at)) delete at[last];
  else at[last] = value;
  return doc;
}

/** Values no field expects: wrong types, out of range, empty, a prototype name. */
export const junk = fc.constantFrom<unknown>(
  null,
  -1,
  0.5,
  1e308,
  '',
  'x',
  true,
  [],
  {},
  [[]],
  '__proto__',
  { a: 1 },
);
