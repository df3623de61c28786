import type { CompareOptions } from '../app/compare.js';
import { Option, type Command } from 'commander';
import type { Context } from '../context.js';
import { addCommonOptions, prepare, priceDate } from './common.js';
import { list, nonNegativeInt, period, positiveInt, share, isoDate } from './parse-args.js';
import type { Exit } from '../app/result.js';

export function registerCompare(program: Command, ctx: Context, exit: Exit): void {
  const cmd = program
    .command('compare')
    .description('price one workload on many models, cheapest first')
    .requiredOption('-i, --input <tokens>', 'input tokens per request', nonNegativeInt)
    .requiredOption('-o, --output <tokens>', 'output tokens per request', nonNegativeInt)
    .option('-r, --requests <n>', 'requests per period', nonNegativeInt, 1)
    .addOption(
      new Option('--per <period>', 'period of --requests: day or month')
        .argParser(period)
        .default('day'),
    )
    .option('--cached-input <share>', 'share of input read from the prompt cache (0..1)', share)
    .option('--batch', 'use batch (asynchronous) prices')
    .option('-p, --provider <names>', 'only these providers (comma-separated)', list)
    .option(
      '-m, --models <names>',
      'only these models (comma-separated; any log or alias name)',
      list,
    )
    .option('--min-context <tokens>', 'only models with at least this context window', positiveInt)
    .option('--hide-too-small', 'hide models whose context window cannot hold the request')
    .option('--top <n>', 'show only the N cheapest', positiveInt)
    .option('--all', 'every record: platform and re-seller copies, deprecated and embedding models')
    .option('--days-per-month <n>', 'days in a month', positiveInt, 30)
    .option('--date <YYYY-MM-DD>', 'price the workload as of this date (default: today)', isoDate);
  addCommonOptions(cmd).addHelpText(
    'after',
    `
Examples:
  llmcost compare --input 500 --output 300 --requests 10000
  llmcost compare -i 2000 -o 500 -r 1e5 --per month --provider openai,anthropic --top 10
  llmcost compare -i 800 -o 300 --models gpt-4o,claude-sonnet-4-5,gemini-2.5-flash --batch --json`,
  );
  cmd.action(async () => {
    const p = await prepare(ctx, cmd, 'compare');
    const { runCompare } = await import('../app/compare.js');
    exit.write(
      runCompare(p, compareOptions(cmd.opts<CompareFlags>(), priceDate(ctx, cmd.opts().date))),
    );
  });
}

type CompareFlags = Omit<CompareOptions, 'date'>;

/** Flags (config defaults already applied) -> the use case's options, field by field. */
function compareOptions(o: CompareFlags, date: string): CompareOptions {
  return {
    input: o.input,
    output: o.output,
    requests: o.requests,
    per: o.per,
    cachedInput: o.cachedInput,
    batch: o.batch,
    provider: o.provider,
    models: o.models,
    minContext: o.minContext,
    hideTooSmall: o.hideTooSmall,
    top: o.top,
    all: !!o.all,
    daysPerMonth: o.daysPerMonth,
    date,
  };
}
