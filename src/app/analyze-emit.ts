/** `analyze --emit`: the counted requests written out as rows while the report is summed (emit-schema.ts). */
import type { Context } from '../context.js';
import type { Aggregator } from '../core/aggregate.js';
import { UsageError } from '../errors.js';
import { openRowWriter, type RowWriter } from '../files/row-writers.js';
import { EMIT_COLUMNS, EMIT_SCHEMA_VERSION, emitRow } from './emit-schema.js';
import type { AnalyzeOptions } from './analyze-options.js';

export interface Emitter {
  writer: RowWriter;
  /** What the reading awaits after each batch of lines: a slow reader of stdout holds it there. */
  progress: () => Promise<void>;
}

/** Opens the target and hooks it to the aggregator; undefined when --emit was not asked. */
export async function startEmit(
  ctx: Context,
  o: AnalyzeOptions,
  agg: Aggregator,
): Promise<Emitter | undefined> {
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
      path,
      format,
      EMIT_COLUMNS,
      {
        write: (t) => ctx.stdout.write(t),
        drained: () => ctx.stdout.drained?.() ?? Promise.resolve(),
      },
      { 'llmcost.schema': `llmcost.emit/${EMIT_SCHEMA_VERSION}` },
    );
  } catch (err) {
    throw new UsageError(
      `--emit: cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  agg.onCounted = (r, at, price, useLog) => writer.add(emitRow(r, at, price, useLog));
  return { writer, progress: () => writer.drained() };
}
