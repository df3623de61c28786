/** An analyze worker: reads one byte range of a log and sends back its sums (see analyze-parallel.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { stateOf } from '../core/aggregate-merge.js';
import { SharedIds } from '../core/dedup.js';
import { loadPriceBook } from '../pricing/catalog.js';
import { buildEngine } from './analyze-engine.js';
import type { WorkerJob, WorkerResult } from './analyze-parallel.js';
import { runAnalysis } from './analyze-run.js';

const job = workerData as WorkerJob;
const engine = buildEngine(loadPriceBook(job.overrides, job.catalog), job.spec);
const run = await runAnalysis({
  sources: [job.file],
  cwd: job.cwd,
  range: job.range,
  ids: new SharedIds(job.ids),
  deferSnapshots: true,
  ...(engine.dialect ? { dialect: engine.dialect } : {}),
  admit: engine.admit,
  fields: engine.fields,
  aggregator: engine.aggregator,
});
const result: WorkerResult = {
  state: stateOf(engine.aggregator),
  tally: run.tally,
  lines: run.lines,
  held: run.held,
  collapsed: run.collapsed,
};
parentPort!.postMessage(result);
