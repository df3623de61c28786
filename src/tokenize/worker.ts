/** A counting worker: builds its encodings, claims batches of files until none are left, reports back. */
import { parentPort, workerData } from 'node:worker_threads';
import { countClaimed } from './claim.js';
import { counterFor } from './count.js';
import type { EncodingName } from './encoding.js';

const { encodings, raw, files, next } = workerData as {
  encodings: EncodingName[];
  raw: boolean;
  files: string[];
  next: Int32Array;
};
const counters = await Promise.all(encodings.map(counterFor));
parentPort!.postMessage(countClaimed(files, next, counters, raw));
