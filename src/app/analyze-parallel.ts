import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { Prepared } from './prepared.js';
import { mergeState, shift, type AggregateState } from '../core/aggregate-merge.js';
import { KeepLargest, SharedIds } from '../core/dedup.js';
import type { OverrideSet } from '../pricing/catalog.js';
import { buildEngine, type Engine, type EngineSpec } from './analyze-engine.js';
import { runAnalysis, type Snapshot } from './analyze-run.js';
import { mergeTally, type Tally } from './analyze-tally.js';

/** Below this a log is read on one thread: starting a second costs more than it saves. */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;
/** Shared id slots: 24 MB, enough to de-duplicate 2.3 million response ids exactly (as many as one pass keeps). */
const ID_SLOTS = 3 << 20;

export interface Plan {
  file: string;
  ranges: { start: number; end: number }[];
}

export interface WorkerJob {
  spec: EngineSpec;
  overrides: OverrideSet[];
  file: string;
  range: { start: number; end: number };
  ids: SharedArrayBuffer;
  cwd: string;
}

export interface WorkerResult {
  state: AggregateState;
  tally: Tally;
  lines: number;
  held: Snapshot[];
  collapsed: number;
}

/** One large, plain (not gzip) JSONL file is split at line boundaries into a range per thread. */
export function planRanges(sources: string[], threads: number, minBytes: number): Plan | undefined {
  const file = sources[0];
  if (
    threads < 2 ||
    sources.length !== 1 ||
    !file ||
    file === '-' ||
    !/\.(jsonl|ndjson)$/i.test(file) ||
    // A Codex rollout is read in order: its usage lines depend on the lines before them.
    /(^|[\\/])rollout-[^\\/]*\.jsonl$/i.test(file)
  )
    return undefined;
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size < minBytes) return undefined;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) return undefined;
    const cuts = [0];
    const buf = Buffer.alloc(1 << 16);
    for (let j = 1; j < threads; j++) {
      let pos = Math.max(Math.floor((size * j) / threads), cuts[cuts.length - 1]!);
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n <= 0) {
          pos = size;
          break;
        }
        const nl = buf.subarray(0, n).indexOf(10);
        if (nl >= 0) {
          pos += nl + 1;
          break;
        }
        pos += n;
      }
      if (pos < size && pos > cuts[cuts.length - 1]!) cuts.push(pos);
    }
    cuts.push(size);
    const ranges = cuts.slice(1).map((end, i) => ({ start: cuts[i]!, end }));
    return ranges.length > 1 ? { file, ranges } : undefined;
  } finally {
    closeSync(fd);
  }
}

function runWorker(job: WorkerJob): Promise<WorkerResult> {
  return new Promise((resolve, reject) => {
    // A small young generation keeps the second heap from pushing peak RSS past 256 MB.
    const worker = new Worker(new URL('./analyze-worker.js', import.meta.url), {
      workerData: job,
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`analyze worker exited with ${code}`)));
  });
}

/**
 * Reads the ranges on the main thread and one worker per other range, de-duplicating response ids in one
 * shared set, then merges the sums in range order, so the report equals a single pass. Rejects if a worker
 * fails; the caller then reads the file on one thread.
 */
export async function runParallel(
  cwd: string,
  p: Prepared,
  spec: EngineSpec,
  plan: Plan,
): Promise<{ engine: Engine; tally: Tally }> {
  const ids = SharedIds.allocate(ID_SLOTS);
  const jobs = plan.ranges
    .slice(1)
    .map((range) => runWorker({ spec, overrides: p.overrides, file: plan.file, range, ids, cwd }));
  jobs.forEach((j) => j.catch(() => undefined)); // failures surface below, after the main range
  const engine = buildEngine(p.book, spec);
  const mine = await runAnalysis({
    sources: [plan.file],
    cwd,
    range: plan.ranges[0]!,
    ids: new SharedIds(ids),
    deferSnapshots: true,
    ...(engine.dialect ? { dialect: engine.dialect } : {}),
    admit: engine.admit,
    keepRaw: engine.keepRaw,
    aggregator: engine.aggregator,
  });
  const others = await Promise.all(jobs);
  const largest = new KeepLargest<Snapshot['extra']>();
  for (const h of mine.held) largest.offer(h.record, h.extra);
  let offset = mine.lines;
  let collapsed = mine.collapsed;
  for (const r of others) {
    mergeState(engine.aggregator, r.state, offset, spec.top ?? 0);
    mergeTally(mine.tally, r.tally, offset);
    for (const h of r.held)
      largest.offer(h.record, { raw: h.extra.raw, at: shift(h.extra.at, offset) });
    collapsed += r.collapsed;
    offset += r.lines;
  }
  const { kept, replays } = largest.drain();
  collapsed += largest.collapsed;
  if (collapsed)
    mine.tally.bump(mine.tally.duplicates, 'streaming snapshot of the same response', collapsed);
  if (replays)
    mine.tally.bump(mine.tally.duplicates, 'sidechain replay of a parent message', replays);
  for (const h of kept) engine.aggregator.add(h.record, h.extra.raw, h.extra.at);
  return { engine, tally: mine.tally };
}
