/** `llmcost prices export`: the script or table written to a file (atomically) or to stdout. */
import { resolve } from 'node:path';
import type { Context } from '../context.js';
import { failure, UsageError } from '../errors.js';
import { openRowWriter } from '../files/row-writers.js';
import { writeFileAtomic } from '../files/write-atomic.js';
import { exportSql, rateTable } from './prices-export.js';
import type { Prepared } from './prepared.js';
import { ok, type AppResult } from './result.js';
import type { SqlDialect } from './sql-dialects.js';

export async function runPricesExport(
  ctx: Context,
  p: Prepared,
  o: { format: 'sql' | 'csv' | 'parquet'; dialect: SqlDialect; output?: string },
): Promise<AppResult> {
  // "-" is stdout, as everywhere in llmcost (it wrote a file named "-").
  const output = o.output === '-' ? undefined : o.output;
  if (o.format === 'parquet' && !output)
    throw new UsageError('--format parquet needs a file', 'add -o prices.parquet');
  const path = output ? resolve(ctx.cwd, output) : undefined;
  const fail = (err: unknown): never => {
    throw new UsageError(`cannot write ${o.output}: ${failure(err)}`);
  };
  if (o.format === 'sql') {
    const sql = exportSql(p.book, o.dialect, p.catalog.date);
    if (!path) return ok(sql);
    try {
      writeFileAtomic(path, sql);
    } catch (err) {
      fail(err);
    }
    return ok('', [`llmcost: wrote the ${o.dialect} price rules to ${o.output}`]);
  }
  const { columns, rows } = rateTable(p.book);
  let text = '';
  const writer = await openRowWriter(
    path ?? '-',
    o.format,
    columns,
    { write: (t) => void (text += t) },
    {
      'llmcost.schema': 'llmcost.prices/1',
      'llmcost.catalog': p.catalog.date,
    },
  ).catch(fail);
  for (const r of rows) writer.add(r);
  await writer.close();
  return path ? ok('', [`llmcost: wrote ${rows.length} price rows to ${o.output}`]) : ok(text);
}
