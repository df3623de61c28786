import { closeSync, openSync, writeSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { InvalidArgumentError } from '../errors.js';
import { failure } from '../../errors.js';
import { onExit } from './on-exit.js';

const FLUSH_BYTES = 64 * 1024;
const FLUSH_MS = 1000;

/**
 * Where the tracker's JSONL lines go: appended to a file (opened once, `O_APPEND`, so each flush lands
 * whole after whatever other writers appended), or written to a stream the caller owns (never ended here).
 * Lines are buffered and flushed at 64 KiB, a second after the first unflushed line, on `flush()`/`close()`
 * and, for files, synchronously when the process exits.
 */
export class LogSink {
  private buffer: string[] = [];
  private bytes = 0;
  private fd: number | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly removeHook: () => void;
  private streamError: Error | undefined;
  private warned = false;

  constructor(
    readonly path: string | undefined,
    private readonly stream: Writable | undefined,
  ) {
    if (path !== undefined) {
      try {
        this.fd = openSync(path, 'a');
      } catch (err) {
        throw new InvalidArgumentError(`cannot open the log ${path}: ${failure(err)}`);
      }
    }
    stream?.on('error', (err: Error) => (this.streamError = err));
    this.removeHook = onExit(() => this.flush());
  }

  write(line: string): void {
    this.buffer.push(line);
    this.bytes += line.length;
    if (this.bytes >= FLUSH_BYTES) this.flushInBackground();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flushInBackground(), FLUSH_MS);
      this.timer.unref?.();
    }
  }

  /** Writes what is buffered: synchronously to a file; handed to the stream otherwise. */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.buffer.length) return;
    const text = this.buffer.join('');
    this.buffer = [];
    this.bytes = 0;
    try {
      if (this.fd !== undefined) writeSync(this.fd, text);
      else this.stream?.write(text);
    } catch (err) {
      // Kept for the next flush (a full disk may clear); the caller of flush() or close() hears of it.
      this.buffer.unshift(text);
      this.bytes += text.length;
      throw err;
    }
  }

  /** A timer's flush: a failure must not crash the application, so it is said once and retried later. */
  private flushInBackground(): void {
    try {
      this.flush();
    } catch (err) {
      if (!this.warned) console.warn(`llmcost: cannot write the usage log: ${String(err)}`);
      this.warned = true;
    }
  }

  async close(): Promise<void> {
    this.flush();
    this.removeHook();
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
    const s = this.stream;
    if (s && s.writableNeedDrain) await new Promise((r) => s.once('drain', r));
    if (this.streamError) throw this.streamError;
  }
}
