import { statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { BATCH, countClaimed } from './claim.js';
import { counterFor } from './count.js';
import { countFile, type FileResult } from './count-file.js';
import type { EncodingName } from './encoding.js';

export interface PoolOptions {
  encodings: EncodingName[];
  raw: boolean;
  /** Threads to count on, the main thread included; 1 counts on the main thread alone. */
  threads: number;
}

/**
 * Below this much text, a worker's start (~70 ms) and its own warm-up (JIT and memo, ~100 ms) cost more
 * than it saves: measured on 2 cores, 11 MB of files counted 0-7% slower with a worker, 23 MB 7-17% faster.
 */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;
export const PARALLEL_MIN_FILES = 32;

/** Whether an input is large enough that workers pay for themselves (judged by file sizes). */
export function worthParallel(files: string[]): boolean {
  if (files.length < PARALLEL_MIN_FILES) return false;
  let bytes = 0;
  for (const f of files) {
    bytes += statSync(f, { throwIfNoEntry: false })?.size ?? 0;
    if (bytes >= PARALLEL_MIN_BYTES) return true;
  }
  return false;
}

type Pairs = [number, FileResult][];

/**
 * Worker threads that count files beside the main thread; started in the constructor, so that they boot
 * while the main thread opens its own encodings.
 */
export class CountPool {
  private readonly workers: { worker: Worker; done: Promise<Pairs> }[];
  /** Files each thread counted in the last count(), the main thread first. */
  split: number[] = [];

  constructor(private readonly o: PoolOptions) {
    this.workers = Array.from({ length: Math.max(0, o.threads - 1) }, () => {
      const worker = new Worker(new URL('./worker.js', import.meta.url), {
        workerData: { encodings: o.encodings, raw: o.raw },
      });
      const done = new Promise<Pairs>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) =>
          code === 0 ? resolve([]) : reject(new Error(`count worker exited with ${code}`)),
        );
      });
      // Marked handled here: if the main thread fails first, a worker's failure must not crash the process.
      done.catch(() => undefined);
      return { worker, done };
    });
  }

  /** Dismisses the workers, whatever they are doing (the input could not be read, or is all counted). */
  close(): void {
    for (const w of this.workers) void w.worker.terminate();
  }

  /**
   * Counts files, results in input order: the main thread and the workers claim batches from one atomic
   * counter. Workers join as soon as they are ready; when the main thread has claimed every file before
   * that (a small input), they are dismissed unwaited, so small inputs need no size check up front.
   */
  async count(files: string[]): Promise<FileResult[]> {
    const next = new Int32Array(new SharedArrayBuffer(4));
    for (const w of this.workers) w.worker.postMessage({ files, next });
    try {
      const counters = await Promise.all(this.o.encodings.map(counterFor));
      const results: FileResult[] = new Array(files.length);
      const place = (pairs: Pairs) => {
        for (const [i, r] of pairs) results[i] = r;
        this.split.push(pairs.length);
      };
      this.split = [];
      const mine = countClaimed(files, next, counters, this.o.raw);
      place(mine);
      if (mine.length === files.length) this.close();
      else
        for (const r of await Promise.allSettled(this.workers.map((w) => w.done)))
          if (r.status === 'fulfilled') place(r.value);
      // A worker that failed (or could not start) leaves holes: count those here, so results never depend on it.
      for (let i = 0; i < files.length; i++) {
        if (results[i]) continue;
        results[i] = countFile(files[i]!, counters, this.o.raw);
        this.split[0]!++;
      }
      return results;
    } catch (err) {
      this.close();
      throw err;
    }
  }
}

/**
 * Threads to count these files on: the number asked for, or, when it is only the machine's default
 * (`auto`), one thread until the input is large enough for workers to pay; never more than batches.
 */
export function threadsFor(files: string[], threads: number, auto: boolean): number {
  if (threads < 2 || (auto && !worthParallel(files))) return 1;
  return Math.min(threads, Math.ceil(files.length / BATCH));
}

/** Counts files in order, on the threads threadsFor chooses. */
export function countFiles(
  files: string[],
  o: PoolOptions & { auto: boolean },
): Promise<FileResult[]> {
  const { auto, ...options } = o;
  return new CountPool({ ...options, threads: threadsFor(files, o.threads, auto) }).count(files);
}
