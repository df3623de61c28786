import type { EstimateInputFlags } from '../app/estimate-input.js';
import { Option, type Command } from 'commander';
import type { Context } from '../context.js';
import { addCommonOptions, prepare, priceDate } from './common.js';
import type { Exit } from '../app/result.js';
import {
  budget,
  isoDate,
  list,
  nonNegativeInt,
  growth,
  period,
  positiveInt,
  share,
  warnShare,
} from './parse-args.js';

export function registerEstimate(program: Command, ctx: Context, exit: Exit): void {
  const cmd = program
    .command('estimate')
    .description(
      'project daily and monthly cost of a workload, and what caching, batching and routing save',
    )
    .argument('[scenario]', 'YAML scenario file (routes, levers); flags override it')
    .option('-m, --model <name>', 'model to estimate')
    .option('-r, --requests <n>', 'requests per period', nonNegativeInt)
    .addOption(new Option('--per <period>', 'period of --requests: day or month').argParser(period))
    .option('-i, --input <tokens>', 'average input tokens per request', nonNegativeInt)
    .option('-o, --output <tokens>', 'average output tokens per request', nonNegativeInt)
    .option('--prompt <file>', "count the input from a prompt file with the model's tokenizer")
    .option('--days-per-month <n>', 'days in a month (default 30)', positiveInt)
    .option('--cache-hit-rate <rate>', 'response-cache hit rate 0..1: hits make no API call', share)
    .option(
      '--cached-prefix <tokens>',
      'static prompt prefix eligible for provider prompt caching',
      nonNegativeInt,
    )
    .option(
      '--prefix-hit-rate <rate>',
      'share of calls that read the prefix from cache (default: from traffic and TTL)',
      share,
    )
    .addOption(
      new Option('--cache-ttl <ttl>', 'prompt-cache TTL: writes are priced at this TTL').choices([
        '5m',
        '1h',
      ]),
    )
    .option('--batch-share <share>', 'share of API calls sent through the batch API', share)
    .option(
      '--max-output <tokens>',
      'show the worst case with every response at this cap',
      nonNegativeInt,
    )
    .option('--growth <rate>', 'monthly traffic growth, e.g. 10%', growth)
    .option('--months <n>', 'months to project (default 12)', positiveInt)
    .option('--compare <models>', 'the same workload on these models too (comma-separated)', list)
    .option(
      '--budget <amount/period>',
      'exit 1 when the projection exceeds it, e.g. 500/day, 3000/week or 10000/month',
      budget,
    )
    .option(
      '--warn-at <share>',
      'warn (exit 0) when the projection passes this share of the budget',
      warnShare,
      0.8,
    )
    .option('--no-exit-code', 'report budget breaches without failing')
    .option('--date <YYYY-MM-DD>', 'prices in force on this date (default: today)', isoDate);
  addCommonOptions(cmd).addHelpText(
    'after',
    `
Examples:
  llmcost estimate --model gpt-4o --requests 10000 --input 500 --output 300 --cache-hit-rate 0.4
  llmcost estimate -m claude-sonnet-4-5 -r 50000 -i 3000 -o 400 --cached-prefix 2500 --cache-ttl 1h --batch-share 0.3
  llmcost estimate fixtures/scenarios/support-bot.yaml --growth 10% --budget 5000/month`,
  );
  cmd.action(async (scenarioFile: string | undefined) => {
    const p = await prepare(ctx, cmd, 'estimate');
    const { loadEstimate } = await import('../app/estimate-input.js');
    const { runEstimate } = await import('../app/estimate.js');
    const o = cmd.opts<
      EstimateInputFlags & { date?: string; exitCode?: boolean; warnAt: number }
    >();
    const input = await loadEstimate(ctx.cwd, p.book, scenarioFile, estimateFlags(o));
    exit.write(
      runEstimate(p, {
        ...input,
        date: priceDate(ctx, o.date),
        exitOnBudget: o.exitCode !== false,
        warnAt: o.warnAt,
      }),
    );
  });
}

/** Flags (config defaults already applied) -> the scenario's flag layer, field by field. */
function estimateFlags(o: EstimateInputFlags): EstimateInputFlags {
  return {
    model: o.model,
    requests: o.requests,
    per: o.per,
    input: o.input,
    output: o.output,
    daysPerMonth: o.daysPerMonth,
    cacheHitRate: o.cacheHitRate,
    cachedPrefix: o.cachedPrefix,
    prefixHitRate: o.prefixHitRate,
    cacheTtl: o.cacheTtl,
    batchShare: o.batchShare,
    maxOutput: o.maxOutput,
    growth: o.growth,
    months: o.months,
    compare: o.compare,
    prompt: o.prompt,
    budget: o.budget,
  };
}
