/**
 * Splits a byte stream into lines, a batch per chunk (iterating line by line would dominate the run).
 * Handles a UTF-8 BOM, CRLF, lines split across chunks and a last line without a newline.
 */
export interface LineBatch {
  lines: string[];
  /** 1-based line number of lines[0]. */
  first: number;
  /** The stream's last line, which had no newline: possibly still being written. */
  partial?: boolean;
}

export async function* lineBatches(bytes: AsyncIterable<Buffer>): AsyncGenerator<LineBatch> {
  let carry: Buffer | undefined;
  let next = 1;
  let bomChecked = false;
  for await (let chunk of bytes) {
    if (carry) {
      chunk = Buffer.concat([carry, chunk]);
      carry = undefined;
    }
    const cut = chunk.lastIndexOf(10);
    if (cut < 0) {
      carry = chunk;
      continue;
    }
    let text = chunk.toString('utf8', 0, cut);
    if (cut + 1 < chunk.length) carry = chunk.subarray(cut + 1);
    if (!bomChecked) {
      bomChecked = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const lines = text.split('\n');
    yield { lines, first: next };
    next += lines.length;
  }
  if (carry && carry.length) {
    let text = carry.toString('utf8');
    if (!bomChecked && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    yield { lines: [text], first: next, partial: true };
  }
}
