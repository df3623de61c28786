import type { Prepared } from './prepared.js';
import { mergeState, shift } from '../core/aggregate-merge.js';
import { ClaimTable } from '../core/claim-table.js';
import { countedFirst, KeepLargest, SharedIds } from '../core/dedup.js';
import type { Plan } from '../readers/plan-ranges.js';
import { startWorker } from './analyze-jobs.js';
import { pendingOffsets } from './line-offsets.js';
import type { Emitter } from './analyze-emit.js';
import { countNewlines } from '../readers/plan-ranges.js';
import { buildEngine, type Engine, type EngineSpec } from './analyze-engine.js';
import { COPY, runAnalysis, type Snapshot } from './analyze-run.js';
import { mergeTally, type Tally } from './analyze-tally.js';

/**
 * Shared id slots: two for each line the log is estimated to hold (8 bytes each: 36 MB for the bench's
 * 1 GB log of 2.2 million records), so the set stays under half full; at most 2^26 (512 MB).
 */
const idSlots = (plan: Plan) => Math.min(2 ** 26, Math.max(1024, plan.lines * 2));

/** The shared id set filled up: an exact report needs the file read again on one thread. */
export class IdsOverflow extends Error {
  constructor(readonly forgotten: number) {
    super(`${forgotten} response ids past the shared id table's room`);
  }
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
  emit?: Emitter,
): Promise<{ engine: Engine; tally: Tally }> {
  const ids = SharedIds.allocate(idSlots(plan));
  // A worker's rows carry the file's line numbers: it is told how many lines come before its range,
  // counted below while the workers start.
  const offsets = emit ? pendingOffsets(plan.ranges.length) : undefined;
  const parts = emit?.parts(plan.ranges.length - 1) ?? [];
  const jobs = plan.ranges.slice(1).map((range, k) =>
    startWorker({
      kind: 'range',
      ...(emit
        ? {
            emit: {
              part: parts[k]!,
              format: emit.format,
              lineOffset: offsets!.at(k + 1),
            },
          }
        : {}),
      spec,
      overrides: p.overrides,
      catalog: p.catalog,
      file: plan.file,
      range,
      ids,
      cwd,
    }),
  );
  jobs.forEach((j) => j.catch(() => undefined)); // failures surface below, after the main range
  if (offsets) publishOffsets(offsets, plan);
  const engine = buildEngine(p.book, spec);
  emit?.hook(engine.aggregator);
  const mine = await runAnalysis({
    sources: [plan.file],
    cwd,
    range: plan.ranges[0]!,
    ids: new SharedIds(ids),
    deferSnapshots: true,
    ...(engine.dialect ? { dialect: engine.dialect } : {}),
    admit: engine.admit,
    fields: engine.fields,
    aggregator: engine.aggregator,
    ...(emit ? { nameDialect: true, progress: emit.progress } : {}),
  });
  // The workers' rows are copied while they finish (the main thread would otherwise wait idle).
  const collected = emit?.collect(
    parts,
    jobs.map((j) => j.then((r) => r.handed)),
  );
  const [others] = await Promise.all([Promise.all(jobs), collected]);
  // Ids were seen that the full set could not remember, so a later copy of one may have counted twice.
  // Without --emit the caller reads the file again on one thread; with it, rows are out: the report says so.
  const forgotten = new SharedIds(ids).forgotten;
  if (forgotten && !emit) throw new IdsOverflow(forgotten);
  if (forgotten) mine.tally.forgottenIds = forgotten;
  const largest = new KeepLargest<Snapshot['extra']>();
  for (const h of mine.held) largest.offer(h.record, h.extra);
  let offset = mine.lines;
  let collapsed = mine.collapsed;
  for (const r of others) {
    mergeState(engine.aggregator, r.state, offset, spec.top ?? 0);
    mergeTally(mine.tally, r.tally, offset);
    for (const h of r.held) largest.offer(h.record, shift(h.extra, offset));
    collapsed += r.collapsed;
    offset += r.lines;
  }
  // One log read in ranges is one file: settled against a table of its own, after the ids its "keep
  // first" records were counted under.
  const { kept, replays, copies } = largest.settle(
    countedFirst(new SharedIds(ids), new ClaimTable()),
  );
  collapsed += largest.collapsed;
  if (collapsed)
    mine.tally.bump(mine.tally.duplicates, 'streaming snapshot of the same response', collapsed);
  if (replays)
    mine.tally.bump(mine.tally.duplicates, 'sidechain replay of a parent message', replays);
  if (copies) mine.tally.bump(mine.tally.duplicates, COPY, copies);
  for (const h of kept) engine.aggregator.add(h.record, h.extra);
  return { engine, tally: mine.tally };
}

export { PARALLEL_MIN_BYTES, planRanges, type Plan } from '../readers/plan-ranges.js';

/** Counts the lines before each range for the workers, or tells them the count failed (none waits for ever). */
function publishOffsets(offsets: ReturnType<typeof pendingOffsets>, plan: Plan): void {
  try {
    offsets.publish(lineOffsets(plan));
  } catch (err) {
    offsets.fail();
    throw err;
  }
}

/** The lines before each range (its first line is one more). */
function lineOffsets(plan: Plan): number[] {
  const out = [0];
  for (const r of plan.ranges.slice(0, -1))
    out.push(out[out.length - 1]! + countNewlines(plan.file, r.start, r.end));
  return out;
}
