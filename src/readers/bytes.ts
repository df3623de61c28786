import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';

/**
 * Raw bytes of a log, gunzipped when it starts with the gzip magic (1f 8b): works on stdin too, and for
 * concatenated gzip members.
 */
export async function* logBytes(source: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const it = source[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) return;
  const head = Buffer.isBuffer(first.value) ? first.value : Buffer.from(first.value);
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (let n = await it.next(); !n.done; n = await it.next())
      yield Buffer.isBuffer(n.value) ? n.value : Buffer.from(n.value);
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    yield* Readable.from(all()).pipe(createGunzip({ chunkSize: 1 << 20 }));
  } else yield* all();
}

/** A file's bytes, or the byte range [start, end) of it. */
export function fileBytes(
  path: string,
  range?: { start: number; end: number },
): AsyncGenerator<Buffer> {
  const window = range ? { start: range.start, end: range.end - 1 } : {};
  return logBytes(createReadStream(path, { highWaterMark: 1 << 18, ...window }));
}
