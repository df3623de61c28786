/**
 * The rows of a table b-tree (fileformat2 §1.6): interior pages lead to leaves in rowid order, a leaf
 * cell holds a row's record, and a record longer than a page goes on in a chain of overflow pages.
 */
import { CorruptDatabase, type Database } from './database.js';

/** A varint at `at`: its value and length (1 to 9 bytes, big-endian groups of 7 bits, the 9th of 8). */
export function varint(b: Uint8Array, at: number): [value: number, length: number] {
  let v = 0;
  for (let i = 0; i < 8; i++) {
    const byte = b[at + i];
    if (byte === undefined) throw new CorruptDatabase('a varint past the end of its page');
    v = v * 128 + (byte & 0x7f);
    if (byte < 0x80) return [v, i + 1];
  }
  return [v * 256 + (b[at + 8] ?? 0), 9];
}

/** Every row of the table rooted at `root`, as [rowid, record bytes], in rowid order. */
export function* tableRows(db: Database, root: number): Generator<[number, Buffer]> {
  const stack = [root];
  let visited = 0;
  while (stack.length) {
    // A page seen more often than the file has pages is a cycle: a corrupt file, not a hang.
    if (++visited > db.pageCount) throw new CorruptDatabase('a b-tree loop');
    const n = stack.pop()!;
    const page = db.page(n);
    const h = n === 1 ? 100 : 0;
    const type = page[h];
    const cells = page.readUInt16BE(h + 3);
    if (type === 0x05) {
      // Interior: children right to left onto the stack, so the leftmost comes off first.
      stack.push(page.readUInt32BE(h + 8));
      for (let i = cells - 1; i >= 0; i--)
        stack.push(page.readUInt32BE(page.readUInt16BE(h + 12 + 2 * i)));
    } else if (type === 0x0d) {
      for (let i = 0; i < cells; i++) yield leafCell(db, page, page.readUInt16BE(h + 8 + 2 * i));
    } else throw new CorruptDatabase(`page ${n} is not a table b-tree page (type ${type})`);
  }
}

function leafCell(db: Database, page: Buffer, at: number): [number, Buffer] {
  const [size, a] = varint(page, at);
  const [rowid, b] = varint(page, at + a);
  const start = at + a + b;
  const u = db.usable;
  if (size > db.pageCount * u) throw new CorruptDatabase('a record larger than its database');
  const max = u - 35;
  if (size <= max) return [rowid, page.subarray(start, start + size)];
  // Too long for the page: the first `local` bytes here, the rest in overflow pages (U - 4 bytes each).
  const min = Math.floor(((u - 12) * 32) / 255) - 23;
  const k = min + ((size - min) % (u - 4));
  const local = k <= max ? k : min;
  const out = Buffer.alloc(size);
  page.copy(out, 0, start, start + local);
  let filled = local;
  for (let next = page.readUInt32BE(start + local), hops = 0; filled < size; hops++) {
    if (next === 0 || hops > db.pageCount) throw new CorruptDatabase('a broken overflow chain');
    const over = db.page(next);
    filled += over.copy(out, filled, 4, Math.min(u, 4 + size - filled));
    next = over.readUInt32BE(0);
  }
  return [rowid, out];
}
