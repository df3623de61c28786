import { availableParallelism } from 'node:os';
/** The only adapter to `process`: everything else receives a Context, so tests can run the CLI in-process. */
export interface Context {
  argv: string[];
  env: Record<string, string | undefined>;
  cwd: string;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: Output;
  stderr: Output;
  now: () => Date;
  cpus: number;
  /** The machine's time zone (TZ, else the system's): personal logs' days end at local midnight. */
  timeZone: string;
}

export interface Output {
  write(text: string): void;
  /**
   * Bytes as they are (`--emit -`'s rows, already UTF-8: no string made of them and encoded again). The
   * caller may reuse its buffer once this returns.
   */
  writeBytes?(bytes: Uint8Array): void;
  /** Resolves once a slow reader has taken what was written (large outputs wait on it). */
  drained?(): Promise<void>;
  isTTY: boolean;
  columns?: number;
}

export function processContext(): Context {
  let timeZone: string | undefined;
  return {
    argv: process.argv.slice(2),
    env: process.env,
    cwd: process.cwd(),
    stdin: process.stdin,
    stdout: stream(process.stdout),
    stderr: stream(process.stderr),
    now: () => new Date(),
    cpus: availableParallelism(),
    // Asked only by the commands that need it: loading ICU's zone data costs ~20 ms of every start.
    get timeZone() {
      return (timeZone ??= systemTimeZone());
    },
  };
}

/**
 * TZ as written when it names a zone (Asia/Kolkata, not ICU's Asia/Calcutta), else the zone Node's ICU
 * settled on; a TZ it cannot name (":/etc/localtime" on some systems) reads as UTC.
 */
function systemTimeZone(): string {
  const valid = (tz: string | undefined): tz is string => {
    if (!tz) return false;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  };
  const env = process.env.TZ;
  if (valid(env)) return env;
  const icu = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return valid(icu) ? icu : 'UTC';
}

function stream(s: NodeJS.WriteStream): Output {
  return {
    write: (text) => void s.write(text),
    // Copied: a pipe may be written later (asynchronous off Linux), after the caller reused its buffer.
    writeBytes: (bytes) => void s.write(Buffer.from(bytes)),
    drained: () =>
      s.writableNeedDrain
        ? new Promise<void>((resolve) => {
            // Whichever comes first takes the other away: a listener left per wait leaked (Node warned
            // after ten: `--emit - | cat`).
            const done = () => {
              s.off('drain', done);
              s.off('close', done);
              resolve();
            };
            s.once('drain', done);
            s.once('close', done);
          })
        : Promise.resolve(),
    get isTTY() {
      return s.isTTY === true;
    },
    get columns() {
      return s.columns;
    },
  };
}

/**
 * `llmcost … | head` closes stdout early: end quietly with exit 0 instead of an EPIPE stack trace. Any
 * other failed write (a full disk, a closed descriptor) is one line on stderr and exit 2: the output is
 * incomplete and a script reading it must know.
 */
export function exitQuietlyOnEpipe(): void {
  process.stdout.on('error', outputFailed);
}

function outputFailed(err: NodeJS.ErrnoException): never {
  if (err.code === 'EPIPE') process.exit(0);
  try {
    process.stderr.write(`llmcost: cannot write the output: ${err.code ?? err.message}\n`);
  } catch {
    // stderr is gone too: the exit code is all that is left to say it
  }
  process.exit(2);
}

/**
 * Ends the process as soon as stdout and stderr have flushed. Letting Node wind down by itself also tears
 * down the heap, ~15 ms after counting a large folder, with nothing left to do.
 */
export function exitWhenFlushed(code: number): void {
  process.exitCode = code;
  let pending = 2;
  const flushed = (err?: Error | null) => {
    if (err) outputFailed(err as NodeJS.ErrnoException);
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write('', flushed);
  process.stderr.write('', (err) => (err ? process.exit(code || 2) : flushed()));
}
