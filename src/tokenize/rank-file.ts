import { readFileSync } from 'node:fs';
import type { RankTable } from './bpe.js';

/**
 * A rank table stored as one binary file, built at `npm run build` from js-tiktoken's rank data.
 * Opening it is a single read (no 200k-entry Map to build per thread, which cost ~150 ms with its GC);
 * lookups hash the bytes in place (FNV-1a) into an open-addressing index, so a memo miss neither slices
 * strings nor binary-searches.
 *
 * Layout (u32 little-endian): "LLMCBPE2", count, keyBytes, patternBytes, slots, pattern (UTF-8, padded
 * to 4 bytes), offsets[count + 1], ranks[count], index[slots] (key number + 1, 0 = empty), key bytes.
 */
export const MAGIC = 'LLMCBPE2';
const HEAD = 24;

/** FNV-1a of the char codes bytes[start, end); the build and the lookup share it. */
export function hashBytes(bytes: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export class HashedRanks implements RankTable {
  private readonly mask: number;

  constructor(
    private readonly keys: Uint8Array,
    private readonly offsets: Uint32Array,
    private readonly ranks: Uint32Array,
    private readonly index: Uint32Array,
  ) {
    this.mask = index.length - 1;
  }

  get size(): number {
    return this.ranks.length;
  }

  rank(bytes: string, start: number, end: number): number {
    const { keys, offsets, index, mask } = this;
    const len = end - start;
    for (let slot = hashBytes(bytes, start, end) & mask; ; slot = (slot + 1) & mask) {
      const entry = index[slot]!;
      if (entry === 0) return -1;
      const at = offsets[entry - 1]!;
      if (offsets[entry]! - at !== len) continue;
      let j = 0;
      while (j < len && keys[at + j] === bytes.charCodeAt(start + j)) j++;
      if (j === len) return this.ranks[entry - 1]!;
    }
  }
}

export function readRankFile(path: string): { pattern: string; ranks: HashedRanks } {
  return parseRankFile(readFileSync(path), path);
}

export function parseRankFile(buf: Buffer, path: string): { pattern: string; ranks: HashedRanks } {
  if (buf.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${path} is not a rank table`);
  const count = buf.readUInt32LE(8);
  const keyBytes = buf.readUInt32LE(12);
  const patternBytes = buf.readUInt32LE(16);
  const pattern = buf.toString('utf8', HEAD, HEAD + patternBytes);
  let at = HEAD + padded(patternBytes);
  // All the numbers, viewed three ways; copied only if the file's buffer is unaligned (a pooled Buffer).
  const words = 2 * count + 1 + buf.readUInt32LE(20);
  const nums = toUint32(buf.subarray(at, at + 4 * words));
  at += 4 * words;
  return {
    pattern,
    ranks: new HashedRanks(
      new Uint8Array(buf.buffer, buf.byteOffset + at, keyBytes),
      nums.subarray(0, count + 1),
      nums.subarray(count + 1, 2 * count + 1),
      nums.subarray(2 * count + 1),
    ),
  };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The file's numbers as a Uint32Array: a view when they can be (no copy), else a copy. */
function toUint32(bytes: Uint8Array): Uint32Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 4 === 0)
    return new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
  const out = new Uint32Array(bytes.length / 4);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (LITTLE_ENDIAN) new Uint8Array(out.buffer).set(bytes);
  else for (let i = 0; i < out.length; i++) out[i] = view.getUint32(4 * i, true);
  return out;
}

const padded = (n: number) => (n + 3) & ~3;

export function encodeRankFile(pattern: string, entries: [Buffer, number][]): Buffer {
  const count = entries.length;
  let slots = 1;
  while (slots < 2 * count) slots *= 2; // load factor at most 1/2: probes stay short
  const pat = Buffer.from(pattern, 'utf8');
  const head = Buffer.alloc(HEAD + padded(pat.length));
  head.write(MAGIC, 0, 'latin1');
  [count, 0, pat.length, slots].forEach((v, i) => head.writeUInt32LE(v, 8 + 4 * i));
  pat.copy(head, HEAD);
  const nums = new Uint32Array(2 * count + 1 + slots);
  const index = nums.subarray(2 * count + 1);
  let off = 0;
  entries.forEach(([key, rank], i) => {
    nums[i] = off;
    nums[count + 1 + i] = rank;
    off += key.length;
    const latin1 = key.toString('latin1');
    let slot = hashBytes(latin1, 0, latin1.length) & (slots - 1);
    while (index[slot] !== 0) slot = (slot + 1) & (slots - 1);
    index[slot] = i + 1;
  });
  nums[count] = off;
  head.writeUInt32LE(off, 12);
  const numBytes = Buffer.alloc(4 * nums.length);
  nums.forEach((v, i) => numBytes.writeUInt32LE(v, 4 * i));
  return Buffer.concat([head, numBytes, ...entries.map(([k]) => k)]);
}
