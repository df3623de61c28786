/** `analyze --emit`: the counted requests written out as rows while the report is summed (emit-schema.ts). */
import type { Context } from '../context.js';
import type { Aggregator } from '../core/aggregate.js';
import { failure, UsageError } from '../errors.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openRowWriter, type RowFormat, type RowWriter } from '../files/row-writers.js';
import { emitTextEncoder } from './emit-text.js';
import { EMIT_COLUMNS, EMIT_SCHEMA_VERSION, emitRow } from './emit-schema.js';
import type { AnalyzeOptions } from './analyze-options.js';

export interface Emitter {
  writer: RowWriter;
  format: RowFormat;
  /** Counted requests of `agg` go out as rows; `lineOffset` shifts the lines of a byte range's reader. */
  hook(agg: Aggregator, lineOffset?: number): void;
  /** What the reading awaits after each batch of lines: a slow reader of stdout holds it there. */
  progress: () => Promise<void>;
  /** Part files for worker threads, appended in order by `collect`. */
  parts(n: number): string[];
  /** Copies each part while its worker writes it; `done[k]` resolves with what part k's writer handed back. */
  collect(parts: string[], done: Promise<unknown>[]): Promise<void>;
  /** Puts the file in place (or, after a failure, removes what was written). */
  finish(ok: boolean): Promise<void>;
}

/** Rows of `agg` into `writer` (the same rows wherever they are counted: this thread or a worker). */
export function hookRows(agg: Aggregator, writer: RowWriter, lineOffset = 0): void {
  if (writer.text) {
    agg.onCounted = emitTextEncoder(writer.text.format, writer.text.out, lineOffset);
    return;
  }
  agg.onCounted = (r, at, price, useLog) =>
    writer.add(
      emitRow(r, lineOffset ? { file: at.file, line: at.line + lineOffset } : at, price, useLog),
    );
}

/** Opens the target (before any reading: a bad path fails at once); undefined when --emit was not asked. */
export async function startEmit(ctx: Context, o: AnalyzeOptions): Promise<Emitter | undefined> {
  if (!o.emit) return undefined;
  const { path, format } = o.emit;
  if (path === '-' && format === 'parquet')
    throw new UsageError(
      '--emit -: Parquet needs a file',
      'name a file (--emit usage.parquet), or use --emit-format jsonl|csv',
    );
  let writer: RowWriter;
  try {
    writer = await openRowWriter(
      path === '-' ? '-' : resolve(ctx.cwd, path),
      format,
      EMIT_COLUMNS,
      {
        write: (t) => ctx.stdout.write(t),
        ...(ctx.stdout.writeBytes ? { writeBytes: (b) => ctx.stdout.writeBytes!(b) } : {}),
        drained: () => ctx.stdout.drained?.() ?? Promise.resolve(),
      },
      { 'llmcost.schema': `llmcost.emit/${EMIT_SCHEMA_VERSION}` },
    );
  } catch (err) {
    throw new UsageError(`--emit: cannot write ${path}: ${failure(err)}`);
  }
  let dir: string | undefined;
  return {
    writer,
    format,
    hook: (agg, lineOffset) => hookRows(agg, writer, lineOffset),
    progress: () => writer.drained(),
    parts(n) {
      dir ??= mkdtempSync(join(tmpdir(), 'llmcost-emit-'));
      return Array.from({ length: n }, (_, k) => join(dir!, `part-${k}.${format}`));
    },
    async collect(parts, done) {
      // A later part's failure is met when its turn comes (or by the caller): not an unhandled rejection.
      for (const d of done) d.catch(() => undefined);
      for (const [k, part] of parts.entries()) await writer.append(part, done[k]!);
    },
    async finish(ok) {
      try {
        if (ok) await writer.close();
        else writer.abort();
      } catch (err) {
        throw new UsageError(`--emit: cannot write ${path}: ${failure(err)}`);
      } finally {
        if (dir) rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
