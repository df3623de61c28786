/** Starting the worker threads of analyze: a byte range of one log, or a share of a tree's files. */
import { Worker } from 'node:worker_threads';
import type { AggregateState } from '../core/aggregate-merge.js';
import type { OverrideSet } from '../pricing/catalog.js';
import type { CatalogChoice } from '../pricing/user-catalog.js';
import type { EngineSpec } from './analyze-engine.js';
import type { Snapshot } from './analyze-run.js';
import type { Tally } from './analyze-tally.js';
import type { RowFormat } from '../files/row-writers.js';
import type { PendingOffset } from './line-offsets.js';

/** What the threads reading a tree share: the files, the counted responses, and who settles next. */
export interface TreeShare {
  files: string[];
  cwd: string;
  claims: SharedArrayBuffer[];
  control: SharedArrayBuffer;
  /** Records a thread may hold in files not yet settled before it waits for their turn. */
  maxPending: number;
}

/** A worker's rows of --emit: its part file, and the lines before its byte range (a range's lines count on). */
export interface PartJob {
  part: string;
  format: RowFormat;
  /** Known, or still being counted by the main thread (line-offsets.ts). */
  lineOffset: number | PendingOffset;
}

export type WorkerJob = {
  spec: EngineSpec;
  overrides: OverrideSet[];
  catalog: CatalogChoice;
  emit?: PartJob;
} & (
  | {
      kind: 'range';
      file: string;
      range: { start: number; end: number };
      ids: SharedArrayBuffer;
      cwd: string;
    }
  | { kind: 'tree'; share: TreeShare }
);

export interface WorkerResult {
  state: AggregateState;
  tally: Tally;
  lines: number;
  held: Snapshot[];
  collapsed: number;
  /** What the worker's --emit part writer returned from close (for the main writer's append). */
  handed?: unknown;
}

export function startWorker(job: WorkerJob): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    // A small young generation keeps two or more threads under 256 MB of peak RSS (a reader's live data
    // is one file's records). No old-generation limit: any limit set makes V8 collect so often that the
    // bench's Claude tree takes 15-25% more CPU.
    const worker = new Worker(new URL('./analyze-worker.js', import.meta.url), {
      workerData: job,
      resourceLimits:
        job.kind === 'tree' ? { maxYoungGenerationSizeMb: 12 } : { maxYoungGenerationSizeMb: 8 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`analyze worker exited with ${code}`)));
  });
}
