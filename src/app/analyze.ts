import type { Context } from '../context.js';
import { int } from '../reporters/format-values.js';
import { analyzeDocument } from './analyze-document.js';
import { buildEngine, type Engine } from './analyze-engine.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { PARALLEL_MIN_BYTES, planRanges, runParallel } from './analyze-parallel.js';
import { progressLine, showProgress } from './analyze-progress.js';
import { analyzeResult, type AnalyzeResult } from './analyze-result.js';
import { runAnalysis } from './analyze-run.js';
import { startEmit, type Emitter } from './analyze-emit.js';
import { runTree, TREE_MIN_BYTES, treeWorthSharing } from './analyze-tree.js';
import { emptyWarnings } from './analyze-summary.js';
import { reasonList, Tally } from './analyze-tally.js';
import { UNRECOGNIZED } from '../readers/read-records.js';
import { budgetReport } from './analyze-budget-report.js';
import type { Prepared } from './prepared.js';
import { ok, type AppResult } from './result.js';
import { failure, UsageError } from '../errors.js';

export type { AnalyzeOptions };

/** Reads every source: one large JSONL file or a tree of files on several threads when it pays. */
async function readAll(
  ctx: Context,
  p: Prepared,
  o: AnalyzeOptions,
): Promise<{ engine: Engine; tally: Tally; threads: number }> {
  const emit = await startEmit(ctx, o);
  try {
    const read = await readWith(ctx, p, o, emit);
    await emit?.finish(true);
    return read;
  } catch (err) {
    await emit?.finish(false);
    throw err;
  }
}

async function readWith(
  ctx: Context,
  p: Prepared,
  o: AnalyzeOptions,
  emit: Emitter | undefined,
): Promise<{ engine: Engine; tally: Tally; threads: number }> {
  // Rows of other threads are appended in order (Parquet: their row groups, parquet-parts.ts).
  const { threads } = o;
  // With rows already out, a failed parallel read cannot start over: it fails the run.
  const orElse = <T>(run: Promise<T>) => (emit ? run : run.catch(() => undefined));
  const plan = planRanges(o.sources, threads, o.parallelMinBytes ?? PARALLEL_MIN_BYTES);
  if (plan) {
    const parallel = await orElse(runParallel(ctx.cwd, p, o, plan, emit));
    if (parallel) return { ...parallel, threads: plan.ranges.length };
  }
  if (treeWorthSharing(o.sources, threads, o.parallelMinBytes ?? TREE_MIN_BYTES)) {
    const tree = await orElse(runTree(ctx.cwd, p, o, o.sources, threads, emit, o.treeMaxPending));
    if (tree) return tree;
  }
  const engine = buildEngine(p.book, o);
  emit?.hook(engine.aggregator);
  const progress = !emit && showProgress(ctx);
  const run = await runAnalysis({
    sources: o.sources,
    cwd: ctx.cwd,
    stdin: ctx.stdin,
    ...(engine.dialect ? { dialect: engine.dialect } : {}),
    admit: engine.admit,
    fields: engine.fields,
    aggregator: engine.aggregator,
    ...(progress ? { progress: progressLine(ctx) } : {}),
    ...(emit ? { progress: emit.progress, nameDialect: true } : {}),
  });
  if (progress) ctx.stderr.write('\r\u001b[K');
  return { engine, tally: run.tally, threads: 1 };
}

/** The malformed-records line, the empty-run and unknown-field warnings. */
function readingWarnings(r: AnalyzeResult, tally: Tally, o: AnalyzeOptions) {
  const lines = emptyWarnings(
    o.by,
    r.groups,
    r.total.records,
    tally.lines,
    r.billed.json.lines.length,
    tally.fieldsSeen,
  );
  if (tally.forgottenIds)
    lines.push(
      `llmcost: ${int(tally.forgottenIds)} response id(s) were read after the threads' shared id table was full and not remembered: a later copy of one was counted again (--threads 1 de-duplicates every id)`,
    );
  const bad = tally.count(tally.malformed);
  if (bad) {
    const reasons = reasonList(tally.malformed);
    lines.push(
      `llmcost: ${int(bad)} malformed record(s) skipped (${reasons}); first: ${tally.samples.map((s) => `${s.file}:${s.line}`).join(', ')}`,
    );
    // Nothing read, and records of a shape no dialect knows: say how to read them anyway.
    if (r.total.records === 0 && tally.malformed.has(UNRECOGNIZED))
      lines.push(
        'hint: no known log shape; name the fields with --map (--map model=resp.model,inputTotal=resp.usage.in,output=resp.usage.out), or see the dialects in the README',
      );
  }
  return { lines, bad };
}

/** The partials' sums, added up in the order given (--merge). */
async function mergeAll(
  ctx: Context,
  p: Prepared,
  asked: AnalyzeOptions,
): Promise<{ engine: Engine; tally: Tally; threads: number; o: AnalyzeOptions }> {
  const { openMerge } = await import('./analyze-merge.js');
  const { mergePartials } = await import('./analyze-partial-read.js');
  const { parts, options } = openMerge(ctx, asked, asked.merge!.explicit);
  const engine = buildEngine(p.book, options);
  const tally = new Tally();
  if (!options.dayModels)
    for (const part of parts) (part.doc.state as { dayModels: unknown[] }).dayModels = [];
  mergePartials(parts, engine.aggregator, tally, p.book, options.top ?? 0);
  const threads = Math.max(...parts.map((x) => Number(x.doc.threads) || 1));
  return { engine, tally, threads, o: options };
}

/** read (or merge partials) -> price -> budget -> report (or a partial). */
export async function runAnalyze(
  ctx: Context,
  p: Prepared,
  asked: AnalyzeOptions,
): Promise<AppResult> {
  const { engine, tally, threads, o } = asked.merge
    ? await mergeAll(ctx, p, asked)
    : { ...(await readAll(ctx, p, asked)), o: asked };
  if (o.partial) return writePartial(ctx, p, o, engine, tally, threads);
  const agg = engine.aggregator;
  const r = analyzeResult(agg, engine.reprice, o);
  const outcome = budgetReport(r.budget, o, p.format);
  const report = analyzeDocument(r, agg, tally, o, threads, outcome.section);
  const warnings = readingWarnings(r, tally, o);
  const diagnostics = [...warnings.lines, ...outcome.diagnostics];
  let exitCode: number = outcome.exitCode;
  if (o.strict && warnings.bad) {
    diagnostics.push('llmcost: --strict: malformed input, exiting 2');
    exitCode = 2;
  }
  // `--emit -`: the rows are the output; the report would break them.
  return ok(o.emit?.path === '-' ? '' : p.render(report), diagnostics, exitCode);
}

async function writePartial(
  ctx: Context,
  p: Prepared,
  o: AnalyzeOptions,
  engine: Engine,
  tally: Tally,
  threads: number,
): Promise<AppResult> {
  const { partialJson } = await import('./analyze-partial.js');
  const { writeFileAtomic } = await import('../files/write-atomic.js');
  const { resolve } = await import('node:path');
  const { VERSION } = await import('../version.js');
  const json = partialJson(engine.aggregator, tally, o, p.catalog, VERSION, threads);
  const note = `llmcost: wrote the sums of ${int(tally.records)} record(s) from ${int(tally.lines)} line(s) to ${o.partial === '-' ? 'stdout' : o.partial}`;
  // "-" is stdout, as everywhere in llmcost: a map step can pipe its partial straight to storage.
  if (o.partial === '-') return ok(json.endsWith('\n') ? json : `${json}\n`, [note]);
  try {
    writeFileAtomic(resolve(ctx.cwd, o.partial!), json);
  } catch (err) {
    throw new UsageError(`--partial: cannot write ${o.partial}: ${failure(err)}`);
  }
  return ok('', [note]);
}
