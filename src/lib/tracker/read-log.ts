import { closeSync, openSync, readSync, statSync } from 'node:fs';

const CHUNK = 1024 * 1024;
const MAX_LINE = 64 * CHUNK;

/**
 * Calls `onLine` for each line of a file, read synchronously a megabyte at a time (a tracker rebuilds its
 * spend before its first call, and a log of months must not be read into memory whole). No file, no lines.
 */
export function readLinesSync(path: string, onLine: (line: string) => void): void {
  // Only a regular file holds a log to rebuild from (not /dev/full, a FIFO, a terminal).
  if (!statSync(path, { throwIfNoEntry: false })?.isFile()) return;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    // The unfinished line's bytes, copied: a chunk may end inside a multi-byte character.
    let rest: Buffer[] = [];
    let restBytes = 0;
    let n: number;
    let skipping = false;
    while ((n = readSync(fd, buf, 0, CHUNK, null)) > 0) {
      let start = 0;
      let nl: number;
      while ((nl = buf.indexOf(10, start)) !== -1 && nl < n) {
        if (skipping) {
          skipping = false;
          start = nl + 1;
          continue;
        }
        onLine(
          rest.length
            ? Buffer.concat([...rest, buf.subarray(start, nl)]).toString('utf8')
            : buf.toString('utf8', start, nl),
        );
        rest = [];
        restBytes = 0;
        start = nl + 1;
      }
      if (skipping) continue;
      rest.push(Buffer.from(buf.subarray(start, n)));
      restBytes += n - start;
      // A line this long is no usage record (analyze counts it malformed): skipped to its end.
      if (restBytes > MAX_LINE) {
        rest = [];
        restBytes = 0;
        skipping = true;
      }
    }
    if (restBytes) onLine(Buffer.concat(rest).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
