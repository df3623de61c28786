import type { CountOptions } from '../app/count.js';
import { Option, type Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { addCommonOptions, prepare, priceDate } from './common.js';
import type { Exit } from '../app/result.js';
import { isoDate, list, nonNegativeInt, percent, period, positiveInt } from './parse-args.js';

export function registerCount(program: Command, ctx: Context, exit: Exit): void {
  const cmd = program
    .command('count')
    .description('count tokens of files, folders, globs or stdin; input cost per model; CI budgets')
    .argument('[inputs...]', 'files, folders, globs, or - for stdin (default: stdin when piped)')
    .option(
      '-m, --models <names>',
      'price the input on these models (default gpt-4o); the first picks the tokenizer',
      list,
    )
    .option('--model <name>', "count with this model's tokenizer (put first in --models)")
    .addOption(
      new Option('-e, --encoding <name>', 'count with this encoding').choices([
        'o200k_base',
        'cl100k_base',
      ]),
    )
    .option('--raw', 'count .json/.jsonl chat files as plain text')
    .option('--include <globs>', 'only files matching these globs (comma-separated)', list)
    .option('--exclude <globs>', 'skip files matching these globs (comma-separated)', list)
    .option(
      '-r, --requests <n>',
      'requests that send these prompts, for monthly cost',
      nonNegativeInt,
    )
    .addOption(
      new Option('--per <period>', 'period of --requests: day or month')
        .argParser(period)
        .default('day'),
    )
    .option('--days-per-month <n>', 'days in a month', positiveInt, 30)
    .addOption(
      new Option('--sort <key>', 'sort files by').choices(['tokens', 'path']).default('tokens'),
    )
    .option('--top <n>', 'show only the N largest files (totals cover all)', positiveInt)
    .option('--max-tokens <n>', 'fail when any file has more tokens than this', positiveInt)
    .option(
      '--max-total <n>',
      'fail when all files together have more tokens than this',
      positiveInt,
    )
    .option('--save-baseline <file>', 'write the counts to FILE (JSON) for later --baseline runs')
    .option('--baseline <file>', 'compare with counts saved by --save-baseline')
    .option(
      '--max-growth <rate>',
      'with --baseline: fail when a file grew by more than this, e.g. 10%',
      percent,
    )
    .option('--no-exit-code', 'report breaches without failing')
    .option(
      '--threads <n>',
      'threads to count on (default: one per core once the files hold 16 MB)',
      positiveInt,
    )
    .option('--date <YYYY-MM-DD>', 'prices in force on this date (default: today)', isoDate);
  addCommonOptions(cmd).addHelpText(
    'after',
    `
Examples:
  llmcost count prompts/
  llmcost count "prompts/**/*.md" --models gpt-4o,claude-sonnet-4-5 --requests 50000
  cat system.txt | llmcost count --encoding cl100k_base
  llmcost count prompts/ --max-tokens 2000 --baseline .llmcost-baseline.json --max-growth 10%
Budgets can also live in llmcost.config.yaml:
  count: { budgets: [ { path: "prompts/**/*.md", maxTokens: 2000 } ] }`,
  );
  cmd.action(async (inputs: string[]) => {
    const p = await prepare(ctx, cmd, 'count');
    const o = cmd.opts<CountFlags>();
    if (o.maxGrowth !== undefined && !o.baseline)
      throw new UsageError('--max-growth needs --baseline FILE');
    // Stdout carries the table and stdin the prompts: "-" (which wrote a file named "-") is no place for it.
    for (const [flag, v] of [
      ['--save-baseline', o.saveBaseline],
      ['--baseline', o.baseline],
    ] as const)
      if (v === '-') throw new UsageError(`${flag}: a baseline is a file`, `${flag} baseline.json`);
    const budgets = await configBudgets(p.config.config.count, p.config.file);
    const { runCount } = await import('../app/count.js');
    exit.write(await runCount(ctx, p, countOptions(o, inputs, priceDate(ctx, o.date), budgets)));
  });
}

type CountFlags = Omit<CountOptions, 'inputs' | 'exitOnBreach' | 'date' | 'budgets'> & {
  model?: string;
  exitCode?: boolean;
  date?: string;
};

/** Flags (config defaults already applied) -> the use case's options, field by field. */
function countOptions(
  o: CountFlags,
  inputs: string[],
  date: string,
  budgets: CountOptions['budgets'],
): CountOptions {
  // --model picks the tokenizer: it goes first, then the other --models.
  const models = o.model ? [o.model, ...(o.models ?? []).filter((m) => m !== o.model)] : o.models;
  return {
    inputs,
    include: o.include,
    exclude: o.exclude,
    raw: o.raw,
    models,
    encoding: o.encoding,
    requests: o.requests,
    per: o.per,
    daysPerMonth: o.daysPerMonth,
    sort: o.sort,
    top: o.top,
    maxTokens: o.maxTokens,
    maxTotal: o.maxTotal,
    saveBaseline: o.saveBaseline,
    baseline: o.baseline,
    maxGrowth: o.maxGrowth,
    exitOnBreach: o.exitCode !== false,
    date,
    budgets,
    threads: o.threads,
  };
}

async function configBudgets(
  section: Record<string, unknown> | undefined,
  file: string | undefined,
) {
  if (!section?.budgets || !file) return undefined;
  const { z } = await import('zod');
  const { budgetRule } = await import('../config/schema.js');
  const { parseOrThrow } = await import('../config/dotted-path.js');
  return parseOrThrow(z.array(budgetRule), section.budgets, file, 'count.budgets');
}
