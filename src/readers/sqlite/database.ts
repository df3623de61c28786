/**
 * A SQLite database read as its file format says (sqlite.org/fileformat2), read-only and without SQLite:
 * pages from the file, or from the write-ahead log when it holds a newer committed copy (wal.ts). Only
 * what reading a table needs: the header, pages, and tables' rows in rowid order (btree.ts).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { readWal, type WalPages } from './wal.js';

const MAGIC = 'SQLite format 3\0';

/** True when `head` (a file's first bytes) starts a SQLite database. */
export const isSqlite = (head: Uint8Array): boolean =>
  head.length >= 16 && Buffer.from(head.subarray(0, 16)).toString('latin1') === MAGIC;

/** A database that cannot be read as one: said in the error, with the file. */
export class CorruptDatabase extends Error {}

export class Database {
  readonly pageSize: number;
  /** Bytes of a page that hold data (the rest is reserved for extensions). */
  readonly usable: number;
  /** Pages in the database: an upper bound on any page number met, and on a walk's length. */
  readonly pageCount: number;
  private readonly fd: number;
  private readonly wal: WalPages | undefined;

  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
    try {
      const head = Buffer.alloc(100);
      if (readSync(this.fd, head, 0, 100, 0) < 100 || !isSqlite(head))
        throw new CorruptDatabase('not a SQLite database');
      const size = head.readUInt16BE(16);
      this.pageSize = size === 1 ? 65536 : size;
      if (this.pageSize < 512 || (this.pageSize & (this.pageSize - 1)) !== 0)
        throw new CorruptDatabase(`page size ${this.pageSize}`);
      this.usable = this.pageSize - head[20]!;
      if (head.readUInt32BE(56) > 1)
        throw new CorruptDatabase('a UTF-16 database (only UTF-8 is read)');
      this.wal = readWal(`${path}-wal`, this.pageSize);
      const filePages = Math.ceil(fstatSync(this.fd).size / this.pageSize);
      this.pageCount = Math.max(filePages, this.wal?.dbPages ?? 0);
    } catch (err) {
      closeSync(this.fd);
      throw err;
    }
  }

  /** Page `n` (1-based), its newest committed copy. */
  page(n: number): Buffer {
    if (!(n >= 1 && n <= this.pageCount)) throw new CorruptDatabase(`page ${n} out of range`);
    const inWal = this.wal?.pages.get(n);
    if (inWal !== undefined) return this.wal!.wal.subarray(inWal, inWal + this.pageSize);
    const buf = Buffer.alloc(this.pageSize);
    readSync(this.fd, buf, 0, this.pageSize, (n - 1) * this.pageSize);
    return buf;
  }

  close(): void {
    closeSync(this.fd);
  }
}
