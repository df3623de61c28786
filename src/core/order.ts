/**
 * Orders text by UTF-16 code unit: stable across machines and locales, and free, where localeCompare first
 * initialises ICU's collation (~10 ms of a `compare` run that otherwise never needs it).
 */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
