/** Copying a part file while the thread writing it is still at work (analyze --emit on several threads). */
import { closeSync, openSync, readSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

/** How long to wait for more bytes of a part before looking again (the writer adds ~256 KB at a time). */
const POLL_MS = 5;

/**
 * Hands `take` the bytes of `path` from `from` on: what is there now, then what the writer adds, until
 * `done` has settled and a last read finds nothing more. Resolves with what `done` resolved with; rejects
 * as it does. The main thread copies a worker's rows while the worker finishes instead of after it.
 */
export async function followPart<T>(
  path: string,
  from: number,
  done: Promise<T>,
  take: (bytes: Uint8Array) => void | Promise<void>,
): Promise<T> {
  let finished = false;
  let value: T | undefined;
  const settled = done.then((v) => {
    finished = true;
    value = v;
  });
  settled.catch(() => undefined); // a failure is met by the race below
  let fd: number | undefined;
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let at = from; ;) {
      // Done before this pass: the pass reads every byte the writer wrote.
      const last = finished;
      // A worker slow to start has not made its part yet; once it is done, a missing part is an error.
      fd ??= last ? openSync(path, 'r') : openIfThere(path);
      if (fd !== undefined)
        for (let n; (n = readSync(fd, chunk, 0, chunk.length, at)) > 0; at += n)
          await take(chunk.subarray(0, n));
      if (last) return value as T;
      await Promise.race([settled, delay(POLL_MS)]);
    }
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function openIfThere(path: string): number | undefined {
  try {
    return openSync(path, 'r');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
