import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { discover, type Discovery } from '../files/discover.js';

export interface CountInputs extends Discovery {
  stdinText?: string;
}

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
  include?: string[],
  exclude?: string[],
): Promise<CountInputs & { stdinBuffer?: Buffer }> {
  if (inputs.length === 0) {
    if (ctx.stdin.isTTY) {
      throw new UsageError(
        'nothing to count',
        'give files, folders or globs (llmcost count prompts/), or pipe text in: cat prompt.txt | llmcost count',
      );
    }
    inputs = ['-'];
  }
  const found = discover(inputs, {
    cwd: ctx.cwd,
    ...(include ? { include } : {}),
    ...(exclude ? { exclude } : {}),
  });
  if (!found.stdin) return found;
  return { ...found, stdinBuffer: await readAll(ctx.stdin) };
}
