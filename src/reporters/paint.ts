import type { Tone } from './report.js';

/** A chalk-backed painter, loaded only when color is on, so piped runs never pay for it. */
export async function chalkPainter(): Promise<(tone: Tone, text: string) => string> {
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  const styles: Record<Tone, (s: string) => string> = {
    plain: (s) => s,
    dim: chalk.dim,
    bold: chalk.bold,
    warn: chalk.yellow,
    bad: chalk.red,
    good: chalk.green,
  };
  return (tone, text) => styles[tone](text);
}
