/** A 64-bit string hash in two 32-bit lanes, kept in module state so that hashing allocates nothing. */
let hashA = 0;
let hashB = 0;

/** The two lanes of the last hash64, read right after it (claim-table.ts). */
export const hashLo = (): number => hashA;
export const hashHi = (): number => hashB;

/** Two 32-bit FNV-1a-style lanes of `key`, left in hashA/hashB (no allocation on the hot path). */
export function hash64(key: string): void {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  hashA = a >>> 0;
  hashB = b >>> 0 || 1; // (x, 0) marks an empty slot
}
