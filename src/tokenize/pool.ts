import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { BATCH, countClaimed } from './claim.js';
import { counterFor } from './count.js';
import type { FileResult } from './count-file.js';
import type { EncodingName } from './encoding.js';

export interface PoolOptions {
  encodings: EncodingName[];
  raw: boolean;
  /** Threads to count on, the main thread included; 1 counts on the main thread alone. */
  threads: number;
}

/** Below this much text, building the encodings in another thread costs more than it saves. */
export const PARALLEL_MIN_BYTES = 4 * 1024 * 1024;
export const PARALLEL_MIN_FILES = 32;

export function worthParallel(files: string[], threads: number): boolean {
  if (threads < 2 || files.length < PARALLEL_MIN_FILES) return false;
  let bytes = 0;
  for (const f of files) {
    bytes += statSync(f, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes >= PARALLEL_MIN_BYTES) return true;
  }
  return false;
}

/**
 * Counts files, results in input order. For large inputs the main thread and threads-1 workers all claim
 * batches from one shared atomic counter.
 */
export async function countFiles(files: string[], o: PoolOptions): Promise<FileResult[]> {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const workerCount = worthParallel(files, o.threads)
    ? Math.min(o.threads - 1, Math.ceil(files.length / BATCH) - 1)
    : 0;
  const workers = Array.from({ length: workerCount }, () =>
    runWorker({ encodings: o.encodings, raw: o.raw, files, next }),
  );
  const counters = await Promise.all(o.encodings.map(counterFor));
  const results: FileResult[] = new Array(files.length);
  const place = (pairs: [number, FileResult][]) => {
    for (const [i, r] of pairs) results[i] = r;
  };
  place(countClaimed(files, next, counters, o.raw));
  for (const pairs of await Promise.all(workers)) place(pairs);
  return results;
}

function runWorker(workerData: {
  encodings: EncodingName[];
  raw: boolean;
  files: string[];
  next: Int32Array;
}): Promise<[number, FileResult][]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) =>
      code === 0 ? undefined : reject(new Error(`count worker exited with ${code}`)),
    );
  });
}
