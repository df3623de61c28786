import { printable } from './reporters/printable.js';
import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import type { Context } from './context.js';
import { EXIT, UsageError } from './errors.js';
import { CATALOG_DATE } from './pricing/catalog-meta.js';
import { VERSION } from './version.js';

export function buildProgram(ctx: Context, exit: { code: number }): Command {
  const program = new Command('llmcost')
    .description(
      'What your LLM usage costs, and why: count tokens, compare models, estimate workloads, analyze logs.',
    )
    .version(`llmcost ${VERSION} (price catalog ${CATALOG_DATE})`, '-V, --version')
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s.split('\n').map(printable).join('\n')),
    })
    .addHelpText(
      'after',
      `
Exit codes: 0 ok, 1 a budget or check failed, 2 bad usage, config or input.
Prices: bundled catalog dated ${CATALOG_DATE}; override with --pricing FILE.yaml or llmcost.config.yaml.`,
    );
  program.exitOverride();
  program.hook('preAction', (_, action) => refuseEmptyValues(action));
  registerCommands(program, ctx, exit);
  // Subcommands too (prices update, status, diff): each parses its own flags.
  const all = (c: Command): Command[] => c.commands.flatMap((x) => [x, ...all(x)]);
  for (const cmd of all(program)) {
    cmd.exitOverride();
    cmd.configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s.split('\n').map(printable).join('\n')),
    });
    cmd.showSuggestionAfterError(true);
  }
  return program;
}

/**
 * An option given an empty value (`--partial "$OUT"` with OUT unset) is refused: each command would
 * otherwise read it as not given (and print a report where a file was asked for) or as the current folder.
 */
function refuseEmptyValues(cmd: Command): void {
  for (const opt of cmd.options) {
    const v: unknown = cmd.getOptionValue(opt.attributeName());
    if (v === '' || (Array.isArray(v) && v.includes('')))
      throw new UsageError(
        `${opt.long ?? opt.short}: empty value`,
        'an unset variable? give it a value, or leave the option out',
      );
  }
}

/** Runs the CLI against a context and returns the exit code; never throws. */
export async function run(ctx: Context): Promise<number> {
  const exit = { code: EXIT.ok };
  const program = buildProgram(ctx, exit);
  try {
    if (ctx.argv.length === 0) {
      program.outputHelp();
      return EXIT.ok;
    }
    await program.parseAsync(ctx.argv, { from: 'user' });
    return exit.code;
  } catch (err) {
    return reportError(ctx, err);
  }
}

function reportError(ctx: Context, err: unknown): number {
  if (err instanceof CommanderError) {
    if (
      err.code === 'commander.helpDisplayed' ||
      err.code === 'commander.version' ||
      err.code === 'commander.help'
    ) {
      return EXIT.ok;
    }
    return EXIT.usage; // commander already printed its one-line message
  }
  if (err instanceof UsageError) {
    ctx.stderr.write(`llmcost: ${printable(err.message)}\n`);
    if (err.hint) ctx.stderr.write(`hint: ${printable(err.hint)}\n`);
    return EXIT.usage;
  }
  const e = err as Error;
  ctx.stderr.write(`llmcost: internal error: ${printable(e?.message ?? String(err))}\n`);
  if (ctx.env.LLMCOST_DEBUG === '1' && e?.stack) ctx.stderr.write(`${e.stack}\n`);
  else ctx.stderr.write('hint: set LLMCOST_DEBUG=1 for a stack trace, and please report it\n');
  return EXIT.usage;
}
