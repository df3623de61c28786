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
  if (!found.stdin) return found;
  return { ...found, stdinBuffer: await readAll(ctx.stdin) };
}
