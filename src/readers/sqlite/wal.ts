/**
 * The pages a SQLite write-ahead log holds that its database file does not have yet (sqlite.org/walformat
 * and fileformat2 §4). A database in WAL mode keeps recent commits in `<db>-wal` until a checkpoint copies
 * them back: reading the file alone would miss the newest sessions. A frame counts when its salts match
 * the header's and the running checksum holds; only frames up to the last commit frame are used, so a
 * transaction still being written is not seen, as SQLite's own readers do not see it.
 */
import { readFileSync } from 'node:fs';

const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;

export interface WalPages {
  /** Page number to the offset of its newest committed copy in `wal`. */
  pages: Map<number, number>;
  wal: Buffer;
  /** Pages in the database after the last commit (0 when no frame counts). */
  dbPages: number;
}

/** Reads `path` (a -wal file); undefined when it is absent, empty or not a WAL of this page size. */
export function readWal(path: string, pageSize: number): WalPages | undefined {
  let wal: Buffer;
  try {
    wal = readFileSync(path);
  } catch {
    return undefined;
  }
  if (wal.length < 32) return undefined;
  const magic = wal.readUInt32BE(0);
  if ((magic !== MAGIC_LE && magic !== MAGIC_BE) || wal.readUInt32BE(8) !== pageSize)
    return undefined;
  const bigEndian = magic === MAGIC_BE;
  let sum = checksum(wal, 0, 24, bigEndian, [0, 0]);
  if (sum[0] !== wal.readUInt32BE(24) || sum[1] !== wal.readUInt32BE(28)) return undefined;
  const salt1 = wal.readUInt32BE(16);
  const salt2 = wal.readUInt32BE(20);
  const pages = new Map<number, number>();
  const pending = new Map<number, number>();
  let dbPages = 0;
  const frame = 24 + pageSize;
  for (let at = 32; at + frame <= wal.length; at += frame) {
    if (wal.readUInt32BE(at + 8) !== salt1 || wal.readUInt32BE(at + 12) !== salt2) break;
    sum = checksum(wal, at, 8, bigEndian, sum);
    sum = checksum(wal, at + 24, pageSize, bigEndian, sum);
    if (sum[0] !== wal.readUInt32BE(at + 16) || sum[1] !== wal.readUInt32BE(at + 20)) break;
    pending.set(wal.readUInt32BE(at), at + 24);
    const commit = wal.readUInt32BE(at + 4);
    if (commit) {
      for (const [page, offset] of pending) pages.set(page, offset);
      pending.clear();
      dbPages = commit;
    }
  }
  return { pages, wal, dbPages };
}

/** SQLite's WAL checksum over `n` bytes (a multiple of 8) from `at`, continuing `[s0, s1]`. */
function checksum(
  b: Buffer,
  at: number,
  n: number,
  bigEndian: boolean,
  [s0, s1]: number[],
): number[] {
  for (let i = at; i < at + n; i += 8) {
    const x0 = bigEndian ? b.readUInt32BE(i) : b.readUInt32LE(i);
    const x1 = bigEndian ? b.readUInt32BE(i + 4) : b.readUInt32LE(i + 4);
    s0 = (s0! + x0 + s1!) >>> 0;
    s1 = (s1! + x1 + s0) >>> 0;
  }
  return [s0!, s1!];
}
