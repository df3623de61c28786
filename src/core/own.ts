/**
 * A property of a plain object only if it is the object's own: text from logs, flags and files is used as
 * a key, and `constructor`, `toString` or `__proto__` must read as absent, not as Object.prototype's.
 */
export function own<T>(o: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return o !== undefined && Object.hasOwn(o, key) ? o[key] : undefined;
}
