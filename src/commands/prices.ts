import { Option, type Command } from 'commander';
import type { SqlDialect } from '../app/sql-dialects.js';
import type { Context } from '../context.js';
import type { Exit } from '../app/result.js';
import { addCatalogOptions, addCommonOptions, prepare, userCacheDir } from './common.js';
import { isoDate, list, positiveInt } from './parse-args.js';

/** `llmcost prices update|status|diff`: the catalog's refresh path, the only network access llmcost has. */
export function registerPrices(program: Command, ctx: Context, exit: Exit): void {
  const prices = program
    .command('prices')
    .description('refresh the price catalog from the public price maps; its state and its changes');
  const update = prices
    .command('update')
    .description(
      'fetch both public price maps, build the catalog, write it to the user cache folder',
    )
    .option('--from <sources>', 'price maps to read instead: URLs or files (comma-separated)', list)
    .option('--force', 'accept prices that moved more than 10x')
    .option('--timeout <seconds>', 'per request', positiveInt, 30);
  addCommonOptions(update).addHelpText(
    'after',
    `
The catalog goes to $LLMCOST_CACHE_DIR, else $XDG_CACHE_HOME/llmcost, else ~/.cache/llmcost; every command
then uses the newer of it and the bundled one (--catalog bundled forces the bundled one).

Examples:
  llmcost prices update
  llmcost prices update --from genai-prices.json,model_prices_and_context_window.json`,
  );
  update.action(async () => {
    const p = await prepare(ctx, update, 'prices');
    const o = update.opts<{ from?: string[]; force?: boolean; timeout: number }>();
    const { runPricesUpdate } = await import('../app/prices-update.js');
    const { DEFAULT_SOURCES } = await import('../app/prices-fetch.js');
    exit.write(
      await runPricesUpdate(p, {
        from: o.from ?? DEFAULT_SOURCES,
        force: !!o.force,
        timeoutMs: o.timeout * 1000,
        dir: userCacheDir(ctx),
        cwd: ctx.cwd,
        now: ctx.now(),
        progress: (line) => (ctx.stderr.isTTY ? ctx.stderr.write(`${line}\n`) : undefined),
      }),
    );
  });
  const status = prices
    .command('status')
    .description('which catalog is in use, its date, sources and age');
  addCommonOptions(status);
  status.action(async () => {
    const p = await prepare(ctx, status, 'pricesStatus');
    const { runPricesStatus } = await import('../app/prices-status.js');
    exit.write(runPricesStatus(ctx, p, userCacheDir(ctx)));
  });
  const exp = prices
    .command('export')
    .description(
      'the price rules as a SQL script (tables and a pricing view) or the bare rates table',
    )
    .addOption(
      new Option('--format <format>', 'sql, or the rates table as csv or parquet')
        .choices(['sql', 'csv', 'parquet'])
        .default('sql'),
    )
    .addOption(
      new Option('--dialect <engine>', 'SQL engine')
        .choices(['duckdb', 'postgres', 'clickhouse', 'bigquery'])
        .default('duckdb'),
    )
    .option('-o, --output <file>', 'write to this file (default: stdout; parquet needs a file)');
  addCatalogOptions(exp).addHelpText(
    'after',
    `
The SQL script makes llmcost_prices (one row per model x price period x tier or window x batch), llmcost_model_names
and the view llmcost_priced, which prices a table or view llmcost_usage with the columns of analyze --emit.

Examples:
  llmcost prices export --dialect duckdb -o prices.sql
  llmcost prices export --dialect clickhouse > prices.sql
  llmcost prices export --format parquet -o prices.parquet`,
  );
  exp.action(async () => {
    const p = await prepare(ctx, exp, 'prices');
    const o = exp.opts<{
      format: 'sql' | 'csv' | 'parquet';
      dialect: SqlDialect;
      output?: string;
    }>();
    const { runPricesExport } = await import('../app/prices-export-run.js');
    exit.write(await runPricesExport(ctx, p, o));
  });
  const diff = prices
    .command('diff')
    .description('models added, removed and repriced between the bundled and the updated catalog')
    .option(
      '--since <YYYY-MM-DD>',
      'also the dated price changes in force since this day',
      isoDate,
    );
  addCommonOptions(diff);
  diff.action(async () => {
    const p = await prepare(ctx, diff, 'pricesDiff');
    const { runPricesDiff } = await import('../app/prices-diff.js');
    exit.write(runPricesDiff(p, userCacheDir(ctx), diff.opts<{ since?: string }>().since));
  });
}
