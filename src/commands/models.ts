import type { ModelsOptions } from '../app/models.js';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { addCommonOptions, prepare, priceDate } from './common.js';
import type { Exit } from '../app/result.js';
import { UsageError } from '../errors.js';
import { isoDate, list } from './parse-args.js';

export function registerModels(program: Command, ctx: Context, exit: Exit): void {
  const cmd = program
    .command('models')
    .argument('[text]', 'shorthand for --search TEXT')
    .description('list the price catalog, or show which model a name resolves to')
    .option('-p, --provider <names>', 'only these providers (comma-separated)', list)
    .option('-s, --search <text>', 'only models whose id, name or alias contains TEXT')
    .option('--resolve <name>', 'show which record a log name matches, and why')
    .option('--all', 'every record: platform and re-seller copies and deprecated models too')
    .option('--date <YYYY-MM-DD>', 'prices in force on this date (default: today)', isoDate);
  addCommonOptions(cmd).addHelpText(
    'after',
    `
Examples:
  llmcost models                      # current models, as their creators sell them
  llmcost models --provider bedrock   # a platform's copies
  llmcost models --all --json         # every record
  llmcost models --search flash       # or: llmcost models flash
  llmcost models --resolve us.anthropic.claude-3-5-sonnet-20241022-v2:0`,
  );
  cmd.action(async (text: string | undefined) => {
    if (text === '')
      throw new UsageError(
        'an empty text to look for was given',
        'an unset variable? give it a value, or leave it out to list every model',
      );
    if (text !== undefined && cmd.opts().search !== undefined)
      throw new UsageError(
        'give the text to look for once',
        `llmcost models ${text}, or --search ${text}`,
      );
    const p = await prepare(ctx, cmd, 'models');
    const { runModels } = await import('../app/models.js');
    const o = cmd.opts<Omit<ModelsOptions, 'date'> & { date?: string }>();
    const options: ModelsOptions = {
      provider: o.provider,
      search: text ?? o.search,
      resolve: o.resolve,
      all: !!o.all,
      date: priceDate(ctx, o.date),
    };
    exit.write(runModels(p, options));
  });
}
