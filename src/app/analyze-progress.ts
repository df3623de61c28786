import type { Context } from '../context.js';
import { int } from '../reporters/format-values.js';

/** Progress only for a person watching: stderr is a terminal and this is not CI. */
export function showProgress(ctx: Context): boolean {
  return ctx.stderr.isTTY && !ctx.env.CI;
}

export function progressLine(ctx: Context): (lines: number) => void {
  const start = ctx.now().getTime();
  let last = start;
  return (lines) => {
    const now = ctx.now().getTime();
    if (now - last < 500) return;
    last = now;
    ctx.stderr.write(
      `\r\u001b[Kanalyzing: ${int(lines)} lines, ${((now - start) / 1000).toFixed(0)} s`,
    );
  };
}
