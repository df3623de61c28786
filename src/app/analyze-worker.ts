/** An analyze worker: reads one byte range of a log, or its share of a tree, and sends back its sums. */
import { parentPort, workerData } from 'node:worker_threads';
import { stateOf } from '../core/aggregate-merge.js';
import { SharedIds } from '../core/dedup.js';
import { loadPriceBook } from '../pricing/catalog.js';
import { buildEngine } from './analyze-engine.js';
import type { WorkerJob, WorkerResult } from './analyze-jobs.js';
import { runAnalysis } from './analyze-run.js';
import { Tally } from './analyze-tally.js';
import { readShare } from './analyze-tree.js';
import { openPartWriter } from '../files/row-writers.js';
import { hookRows } from './analyze-emit.js';
import { EMIT_COLUMNS } from './emit-schema.js';
import { awaitOffset } from './line-offsets.js';

const job = workerData as WorkerJob;
const engine = buildEngine(loadPriceBook(job.overrides, job.catalog), job.spec);
const rows = job.emit && (await openPartWriter(job.emit.part, job.emit.format, EMIT_COLUMNS));
if (rows) {
  const { lineOffset } = job.emit!;
  hookRows(
    engine.aggregator,
    rows,
    typeof lineOffset === 'number' ? lineOffset : awaitOffset(lineOffset),
  );
}
let result: WorkerResult;
if (job.kind === 'tree') {
  const tally = new Tally();
  await readShare(job.share, engine, tally, !!rows);
  result = { state: stateOf(engine.aggregator), tally, lines: 0, held: [], collapsed: 0 };
} else {
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
    ...(rows ? { nameDialect: true } : {}),
  });
  result = {
    state: stateOf(engine.aggregator),
    tally: run.tally,
    lines: run.lines,
    held: run.held,
    collapsed: run.collapsed,
  };
}
if (rows) result.handed = await rows.close();
parentPort!.postMessage(result);
