import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { DIALECTS } from './dialects/index.js';

/** Below this a log is read on one thread: starting a second costs more than it saves. */
export const PARALLEL_MIN_BYTES = 64 * 1024 * 1024;

export interface Plan {
  file: string;
  ranges: { start: number; end: number }[];
  /** Lines the file holds, estimated from three samples (what the shared id table is sized by). */
  lines: number;
}

const SAMPLE = 1 << 16;

/** Lines in a file of `size` bytes, from the newlines of 64 KB at its start, middle and end. */
function estimateLines(fd: number, size: number, buf: Buffer): number {
  let bytes = 0;
  let newlines = 0;
  for (const at of [0, Math.floor(size / 2), Math.max(0, size - SAMPLE)]) {
    const n = readSync(fd, buf, 0, Math.min(SAMPLE, buf.length), at);
    bytes += n;
    for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) newlines++;
  }
  return Math.ceil((size * Math.max(1, newlines)) / Math.max(1, bytes));
}

/** The first line is read up to this many bytes to tell a log that must be read in order. */
const FIRST_LINE = 1 << 20;

/**
 * Whether the log's lines depend on the lines before them, by its first line: a dialect that keeps state
 * per source (`perSource`: a Realtime session's model, an Anthropic stream's message, a Codex or Gemini
 * CLI session) reads wrong from the middle of the file, so such a log is not split. A first line that is
 * not a JSON object (a captured event stream, a very long line) is not split either: splitting is only a
 * speed-up.
 */
function readInOrder(fd: number): boolean {
  const buf = Buffer.alloc(FIRST_LINE);
  const n = readSync(fd, buf, 0, FIRST_LINE, 0);
  let end = buf.subarray(0, n).indexOf(10);
  if (end < 0) end = n;
  const line = buf
    .subarray(0, end)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  let o: unknown;
  try {
    o = JSON.parse(line);
  } catch {
    return true;
  }
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return true;
  const d = DIALECTS.find((x) => x.detect(o as Record<string, unknown>));
  return d?.perSource !== undefined;
}

/** One large, plain (not gzip) JSONL file is split at line boundaries into a range per thread. */
export function planRanges(sources: string[], threads: number, minBytes: number): Plan | undefined {
  const file = sources[0];
  if (
    threads < 2 ||
    sources.length !== 1 ||
    !file ||
    file === '-' ||
    !/\.(jsonl|ndjson)$/i.test(file) ||
    // A Codex rollout is read in order: its usage lines depend on the lines before them.
    /(^|[\\/])rollout-[^\\/]*\.jsonl$/i.test(file)
  )
    return undefined;
  const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
  if (size < minBytes) return undefined;
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    if (head[0] === 0x1f && head[1] === 0x8b) return undefined;
    if (readInOrder(fd)) return undefined;
    const cuts = [0];
    const buf = Buffer.alloc(1 << 16);
    for (let j = 1; j < threads; j++) {
      let pos = Math.max(Math.floor((size * j) / threads), cuts[cuts.length - 1]!);
      for (;;) {
        const n = readSync(fd, buf, 0, buf.length, pos);
        if (n <= 0) {
          pos = size;
          break;
        }
        const nl = buf.subarray(0, n).indexOf(10);
        if (nl >= 0) {
          pos += nl + 1;
          break;
        }
        pos += n;
      }
      if (pos < size && pos > cuts[cuts.length - 1]!) cuts.push(pos);
    }
    cuts.push(size);
    const ranges = cuts.slice(1).map((end, i) => ({ start: cuts[i]!, end }));
    return ranges.length > 1 ? { file, ranges, lines: estimateLines(fd, size, buf) } : undefined;
  } finally {
    closeSync(fd);
  }
}

/** Newlines in [start, end) of a file, read in 1 MB chunks (memchr speed: ~0.3 s a GB here). */
export function countNewlines(file: string, start: number, end: number): number {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1 << 20);
    let n = 0;
    for (let pos = start; pos < end;) {
      const got = readSync(fd, buf, 0, Math.min(buf.length, end - pos), pos);
      if (got <= 0) break;
      for (let i = buf.indexOf(10, 0); i >= 0 && i < got; i = buf.indexOf(10, i + 1)) n++;
      pos += got;
    }
    return n;
  } finally {
    closeSync(fd);
  }
}
