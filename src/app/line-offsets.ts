/**
 * The lines before each byte range of a log, handed from the main thread to the workers through shared
 * memory: `--emit` rows carry the file's line numbers, and counting the newlines before a range takes
 * 100-200 ms for the bench's 1 GB log. The workers start (load their code and the catalog, ~100-170 ms)
 * while the main thread counts, and wait for the count only when their first row needs it.
 */

/** Where a worker finds the lines before its range: the shared words, and its range's place. */
export interface PendingOffset {
  buffer: SharedArrayBuffer;
  index: number;
}

const PENDING = 0;
const READY = 1;
const FAILED = -1;

/** Shared room for `ranges` offsets, and the main thread's side of it: publish them, or fail. */
export function pendingOffsets(ranges: number) {
  const buffer = new SharedArrayBuffer(8 + 8 * ranges);
  const state = new Int32Array(buffer, 0, 1);
  const settle = (to: number) => {
    Atomics.store(state, 0, to);
    Atomics.notify(state, 0);
  };
  return {
    at: (index: number): PendingOffset => ({ buffer, index }),
    publish(offsets: number[]) {
      new Float64Array(buffer, 8, ranges).set(offsets);
      settle(READY);
    },
    /** The count failed: a waiting worker stops instead of waiting for ever. */
    fail: () => settle(FAILED),
  };
}

/** The lines before a worker's range, waiting (blocking: a worker only) until they are counted. */
export function awaitOffset(p: PendingOffset): number {
  const state = new Int32Array(p.buffer, 0, 1);
  Atomics.wait(state, 0, PENDING);
  if (Atomics.load(state, 0) !== READY)
    throw new Error('analyze: the lines before a range were not counted');
  return new Float64Array(p.buffer, 8)[p.index]!;
}
