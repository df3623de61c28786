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

/**
 * fast-check settings of the damage tests: a fixed seed, so the suite is the same run every time (a new
 * failure is a change, not luck); FUZZ_SEED and FUZZ_RUNS explore further (`FUZZ_RUNS=3000 FUZZ_SEED=$RANDOM`).
 */
export function fuzzRuns(runs: number): { numRuns: number; seed: number } {
  return {
    numRuns: Number(process.env.FUZZ_RUNS ?? runs),
    seed: Number(process.env.FUZZ_SEED ?? 20261201),
  };
}

/** The time a damage test may take: the suite's own limit, unless FUZZ_RUNS asks for a longer exploration. */
export const fuzzTimeout = process.env.FUZZ_RUNS ? 30 * 60_000 : undefined;
