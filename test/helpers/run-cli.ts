import { Readable } from 'node:stream';
import { run } from '../../src/cli.js';
import type { Context } from '../../src/context.js';

export interface CliRun {
  stdout: string;
  stderr: string;
  code: number;
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  stdin?: string | Buffer;
  stdinTTY?: boolean;
  tty?: boolean;
  stderrTTY?: boolean;
  /** The terminal's width when `tty` (120 unless given). */
  columns?: number;
  now?: Date;
  timeZone?: string;
  /** A slow reader of stdout: what `drained` returns (none: stdout is always drained). */
  stdoutDrained?: () => Promise<void>;
  /** Sees each write to stdout as it happens. */
  onStdout?: (text: string) => void;
}

/** Runs the real CLI in-process against a fake context. */
export async function runCli(args: string[], o: CliOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const stdin = Readable.from(
    o.stdin === undefined ? [] : [Buffer.from(o.stdin)],
  ) as Context['stdin'];
  if (o.stdinTTY) stdin.isTTY = true;
  const ctx: Context = {
    argv: args,
    env: o.env ?? {},
    cwd: o.cwd ?? process.cwd(),
    stdin,
    stdout: {
      write: (s) => {
        o.onStdout?.(s);
        stdout += s;
      },
      ...(o.stdoutDrained ? { drained: o.stdoutDrained } : {}),
      isTTY: o.tty ?? false,
      columns: o.columns ?? 120,
    },
    stderr: { write: (s) => void (stderr += s), isTTY: o.stderrTTY ?? false },
    now: () => o.now ?? new Date('2026-11-23T12:00:00Z'),
    cpus: 2,
    timeZone: o.timeZone ?? 'UTC',
  };
  const code = await run(ctx);
  return { stdout, stderr, code };
}
