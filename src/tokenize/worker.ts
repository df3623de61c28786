/** A counting worker: builds its encodings, waits for the file list, claims batches until none are left. */
import { parentPort, workerData } from 'node:worker_threads';
import { countClaimed } from './claim.js';
import { counterFor } from './count.js';
import type { EncodingName } from './encoding.js';

const { encodings, raw } = workerData as { encodings: EncodingName[]; raw: boolean };
const ready = Promise.all(encodings.map(counterFor));
parentPort!.once('message', async (job: { files: string[]; next: Int32Array }) => {
  const counters = await ready;
  parentPort!.postMessage(countClaimed(job.files, job.next, counters, raw));
  parentPort!.close();
});
