/**
 * A tree of log files (a Claude Code projects folder, a folder of rotated logs) read on several threads:
 * each thread takes the next unread file, reads and sums it, and settles its de-duplication (settleFile)
 * when every file before it has been settled, against one shared table of counted responses. Files are
 * settled strictly in order, so the report is the one a single thread gives, whatever the thread count.
 */
import { statSync } from 'node:fs';
import { ClaimTable } from '../core/claim-table.js';
import { mergeState } from '../core/aggregate-merge.js';
import type { Engine, EngineSpec } from './analyze-engine.js';
import { buildEngine } from './analyze-engine.js';
import { runAnalysis, settleFile, type Unsettled } from './analyze-run.js';
import { mergeTally, SAMPLES, Tally } from './analyze-tally.js';
import type { Prepared } from './prepared.js';
import { startWorker, type TreeShare, type WorkerResult } from './analyze-jobs.js';
import type { Emitter } from './analyze-emit.js';
import { displayPath } from '../files/paths.js';

/** Below this much data a tree is read on one thread: starting a second costs more than it saves. */
export const TREE_MIN_BYTES = 24 * 1024 * 1024;

/** Atomics.waitAsync (ES2024; in Node since 16, not in the TypeScript lib this project targets). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(a: Int32Array, i: number, v: number, ms: number): { value: unknown };
  }
).waitAsync;

/**
 * Records a thread may hold in files read but not yet settled before it waits for their turn: a thread
 * that reads on past a large file another thread is still reading would otherwise hold every file after
 * it. Measured on the bench tree with a 113 MB session sorting first (2 threads; one thread: 207 MB):
 * unbounded 389-425 MB peak RSS, 100k records 362-368 MB, 20k 279-288 MB (a held record is ~1 KB).
 * On an even tree a thread holds a file or two (2,500 records each in the bench's), so it never waits.
 */
export const MAX_PENDING = 20_000;

/** The records a file holds until it is settled. */
const recordsIn = (u: Unsettled) => u.snapshots.size + u.firsts.length;

/** Control words in shared memory: the next file to read, the next to settle, and a stop flag. */
const NEXT = 0;
const TURN = 1;
const STOP = 2;
/** What a thread stopped by another's failure says: never the error to report. */
export const KNOCK_ON = 'analyze: another thread failed';

/** Whether `sources` are files enough, and large enough together, to share out between threads. */
export function treeWorthSharing(sources: string[], threads: number, minBytes: number): boolean {
  if (threads < 2 || sources.length < 2 || sources.includes('-')) return false;
  let bytes = 0;
  for (const f of sources) bytes += statSync(f, { throwIfNoEntry: false })?.size ?? 0;
  return bytes >= minBytes;
}

/** One thread's part: read files as they come free, settle them in turn. */
export async function readShare(
  t: TreeShare,
  engine: Engine,
  tally: Tally,
  nameDialect = false,
): Promise<void> {
  const ctl = new Int32Array(t.control);
  const claims = new ClaimTable(t.claims);
  const pending: { index: number; unit: Unsettled }[] = [];
  let held = 0;
  const settleReady = () => {
    while (pending.length && Atomics.load(ctl, TURN) === pending[0]!.index) {
      const { unit } = pending.shift()!;
      held -= recordsIn(unit);
      settleFile(unit, claims, tally, engine.aggregator);
      Atomics.add(ctl, TURN, 1);
      Atomics.notify(ctl, TURN);
    }
  };
  /** Waits until the oldest pending file's turn has come (or another thread failed), and settles. */
  const awaitTurn = async () => {
    const turn = Atomics.load(ctl, TURN);
    if (Atomics.load(ctl, STOP)) throw new Error(KNOCK_ON);
    // Asynchronous and with a timeout: the main thread must go on hearing of a worker that died.
    if (turn !== pending[0]!.index) {
      // A pending Atomics.waitAsync does not keep Node's event loop alive (a worker would exit, code 13).
      const alive = setTimeout(() => undefined, 200);
      await waitAsync(ctl, TURN, turn, 100).value;
      clearTimeout(alive);
    }
    settleReady();
  };
  try {
    for (;;) {
      settleReady();
      while (held > t.maxPending && pending.length) await awaitTurn();
      if (Atomics.load(ctl, STOP)) throw new Error(KNOCK_ON);
      const index = Atomics.add(ctl, NEXT, 1);
      if (index >= t.files.length) break;
      await runAnalysis({
        sources: [t.files[index]!],
        cwd: t.cwd,
        claims,
        tally,
        deferFiles: (unit) => {
          pending.push({ index, unit });
          held += recordsIn(unit);
        },
        ...(engine.dialect ? { dialect: engine.dialect } : {}),
        admit: engine.admit,
        fields: engine.fields,
        aggregator: engine.aggregator,
        progress: settleReady,
        ...(nameDialect ? { nameDialect: true } : {}),
      });
    }
    while (pending.length) await awaitTurn();
  } catch (err) {
    Atomics.store(ctl, STOP, 1);
    Atomics.notify(ctl, TURN);
    throw err;
  }
}

/** Reads `files` on `threads` worker threads (one a file at most) into one engine and tally. */
export async function runTree(
  cwd: string,
  p: Prepared,
  spec: EngineSpec,
  files: string[],
  threads: number,
  emit?: Emitter,
  maxPending = MAX_PENDING,
): Promise<{ engine: Engine; tally: Tally; threads: number }> {
  const share: TreeShare = {
    files,
    cwd,
    claims: ClaimTable.allocate(),
    control: new SharedArrayBuffer(12),
    maxPending,
  };
  const stop = () => {
    Atomics.store(new Int32Array(share.control), STOP, 1);
    Atomics.notify(new Int32Array(share.control), TURN);
  };
  // Every file is read by a worker, whose young generation is kept small (analyze-parallel.ts): the main
  // thread, with V8's default of up to 48 MB of young garbage, would hold more memory doing the same work.
  const n = Math.min(threads, files.length);
  const parts = emit?.parts(n) ?? [];
  const workers = Array.from({ length: n }, (_, k) =>
    startWorker({
      kind: 'tree',
      spec,
      overrides: p.overrides,
      catalog: p.catalog,
      share,
      ...(emit ? { emit: { part: parts[k]!, format: emit.format, lineOffset: 0 } } : {}),
    }),
  );
  workers.forEach((w) => w.catch(stop)); // a dead worker must not leave the others waiting
  const engine = buildEngine(p.book, spec);
  const tally = new Tally();
  // Rows are copied as the workers write them, in file-share order.
  const collected = emit?.collect(
    parts,
    workers.map((w) => w.then((r) => r.handed)),
  );
  let results: WorkerResult[];
  try {
    [results] = await Promise.all([Promise.all(workers), collected]);
  } catch (err) {
    throw await firstCause(workers, err);
  }
  for (const r of results) {
    mergeState(engine.aggregator, r.state, 0, spec.top ?? 0);
    mergeTally(tally, r.tally, 0);
  }
  // Each thread kept the first malformed lines of its own files: the first of all, in file order.
  const order = new Map(files.map((f, k) => [displayPath(cwd, f), k]));
  const samples = results
    .flatMap((r) => r.tally.samples)
    .sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) || a.line - b.line);
  tally.samples.splice(0, tally.samples.length, ...samples.slice(0, SAMPLES));
  return { engine, tally, threads: n };
}

/**
 * The failure to report when a run failed with `err`: the first worker's own error, not one a thread
 * stopped by it threw (the failing thread stops the others itself, so either error may arrive first).
 */
export async function firstCause(workers: Promise<WorkerResult>[], err: unknown): Promise<unknown> {
  const knockOn = (e: unknown) => e instanceof Error && e.message === KNOCK_ON;
  if (!knockOn(err)) return err;
  const settled = await Promise.allSettled(workers);
  const own = settled.find((s) => s.status === 'rejected' && !knockOn(s.reason));
  return own?.status === 'rejected' ? own.reason : err;
}
