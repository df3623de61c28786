import { printable } from '../reporters/printable.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { discover, type DiscoverOptions, type Discovery } from '../files/discover.js';

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks);
}

/** Files, folders and globs to count; `-` or piped stdin with no arguments reads standard input. */
export async function countInputs(
  ctx: Context,
  inputs: string[],
  o: Pick<DiscoverOptions, 'include' | 'exclude'>,
): Promise<Discovery & { stdinBuffer?: Buffer }> {
  if (inputs.length === 0) {
    if (ctx.stdin.isTTY) {
      throw new UsageError(
        'nothing to count',
        'give files, folders or globs (llmcost count prompts/), or pipe text in: cat prompt.txt | llmcost count',
      );
    }
    inputs = ['-'];
  }
  const found = discover(inputs, { ...o, cwd: ctx.cwd });
  for (const note of found.notes) ctx.stderr.write(`${printable(note)}\n`);
  if (!found.stdin) {
    // A gate that counted nothing must not pass: a glob or --include that matches no file is an error.
    if (!found.files.length) {
      const { ignored, excluded } = found.skipped;
      throw new UsageError(
        `no files to count in ${inputs.join(' ')}`,
        ignored || excluded
          ? `${ignored} ignored by .gitignore, ${excluded} left out by --include/--exclude`
          : 'check the paths and globs (quote globs so the shell does not expand them)',
      );
    }
    return found;
  }
  const stdinBuffer = await readAll(ctx.stdin);
  if (!stdinBuffer.length && !found.files.length)
    throw new UsageError(
      'nothing to count: standard input was empty',
      'give files, folders or globs, or pipe text in',
    );
  return { ...found, stdinBuffer };
}
