import { countFile, type FileResult } from './count-file.js';
import type { TokenCounter } from './counter.js';

export const BATCH = 8;

/**
 * Counts files by claiming batches from a counter shared by every thread (Atomics), so no thread ever
 * waits for another to hand it work. Returns [index, result] pairs for the files this thread took.
 */
export function countClaimed(
  files: string[],
  next: Int32Array,
  counters: TokenCounter[],
  raw: boolean,
): [number, FileResult][] {
  const out: [number, FileResult][] = [];
  for (
    let start = Atomics.add(next, 0, BATCH);
    start < files.length;
    start = Atomics.add(next, 0, BATCH)
  ) {
    const end = Math.min(start + BATCH, files.length);
    for (let i = start; i < end; i++) out.push([i, countFile(files[i]!, counters, raw)]);
  }
  return out;
}
