/**
 * A row's record (fileformat2 §2.1): a header of serial types, then the values. Integers are read as
 * numbers (exact to 2^53), text as UTF-8, blobs as bytes.
 */
import { CorruptDatabase } from './database.js';
import { varint } from './btree.js';

export type SqlValue = null | number | string | Uint8Array;

/** Byte widths of the integer serial types 1 to 6. */
const INT_BYTES = [0, 1, 2, 3, 4, 6, 8];

export function decodeRecord(b: Buffer): SqlValue[] {
  const [headerSize, first] = varint(b, 0);
  if (headerSize > b.length) throw new CorruptDatabase('a record header past its record');
  const out: SqlValue[] = [];
  let body = headerSize;
  for (let at = first; at < headerSize;) {
    const [type, n] = varint(b, at);
    at += n;
    if (type === 0) out.push(null);
    else if (type <= 6) {
      const width = INT_BYTES[type]!;
      if (body + width > b.length) throw new CorruptDatabase('a value past its record');
      out.push(width === 8 ? Number(b.readBigInt64BE(body)) : b.readIntBE(body, width));
      body += width;
    } else if (type === 7) {
      if (body + 8 > b.length) throw new CorruptDatabase('a value past its record');
      out.push(b.readDoubleBE(body));
      body += 8;
    } else if (type === 8 || type === 9) out.push(type - 8);
    else if (type >= 12) {
      const len = Math.floor((type - 12) / 2);
      if (body + len > b.length) throw new CorruptDatabase('a value past its record');
      out.push(type & 1 ? b.toString('utf8', body, body + len) : b.subarray(body, body + len));
      body += len;
    } else throw new CorruptDatabase(`serial type ${type}`);
  }
  return out;
}
