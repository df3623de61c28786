import { closeSync, openSync, readSync } from 'node:fs';
import { failure, UsageError } from '../errors.js';

/** Configs, scenarios, price files, baselines and .gitignore files are read whole up to this size. */
export const MAX_SMALL_FILE = 8 * 1024 * 1024;

/**
 * A file read whole as UTF-8 text, up to `limit` bytes: one that grows past it (a huge file, `/dev/zero`, a
 * FIFO that never ends) stops being read at the limit and is a one-line usage error, never gigabytes of
 * memory. Works on regular files, FIFOs and devices alike (no size is trusted in advance).
 */
export function readText(path: string, display: string, limit = MAX_SMALL_FILE): string {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new UsageError(`cannot read ${display}: ${failure(err)}`);
  }
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - size));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      size += n;
      if (size > limit)
        throw new UsageError(
          `${display} is larger than ${limit / 1024 / 1024} MiB: not read`,
          'point llmcost at the file you meant',
        );
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`cannot read ${display}: ${failure(err)}`);
  } finally {
    closeSync(fd);
  }
}
