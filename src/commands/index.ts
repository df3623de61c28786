import { printable } from '../reporters/printable.js';
import type { Command } from 'commander';
import type { Exit } from '../app/result.js';
import type { Context } from '../context.js';
import { registerCompare } from './compare.js';
import { registerModels } from './models.js';
import { registerEstimate } from './estimate.js';
import { registerCount } from './count.js';
import { registerAnalyze } from './analyze.js';
import { registerPrices } from './prices.js';

/** Every subcommand is registered here; command bodies are imported only when that command runs. */
export function registerCommands(program: Command, ctx: Context, state: { code: number }): void {
  const exit: Exit = {
    get code() {
      return state.code;
    },
    set code(v) {
      state.code = v;
    },
    write(r) {
      for (const line of r.diagnostics) ctx.stderr.write(`${printable(line)}\n`);
      ctx.stdout.write(r.output);
      state.code = r.exitCode;
    },
  };
  registerModels(program, ctx, exit);
  registerCompare(program, ctx, exit);
  registerEstimate(program, ctx, exit);
  registerCount(program, ctx, exit);
  registerAnalyze(program, ctx, exit);
  registerPrices(program, ctx, exit);
}
