import { closeSync, existsSync, openSync, readSync } from 'node:fs';

const CHUNK = 1024 * 1024;

/**
 * Calls `onLine` for each line of a file, read synchronously a megabyte at a time (a tracker rebuilds its
 * spend before its first call, and a log of months must not be read into memory whole). No file, no lines.
 */
export function readLinesSync(path: string, onLine: (line: string) => void): void {
  if (!existsSync(path)) return;
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    // The unfinished line's bytes, copied: a chunk may end inside a multi-byte character.
    let rest: Buffer[] = [];
    let restBytes = 0;
    let n: number;
    while ((n = readSync(fd, buf, 0, CHUNK, null)) > 0) {
      let start = 0;
      let nl: number;
      while ((nl = buf.indexOf(10, start)) !== -1 && nl < n) {
        onLine(
          rest.length
            ? Buffer.concat([...rest, buf.subarray(start, nl)]).toString('utf8')
            : buf.toString('utf8', start, nl),
        );
        rest = [];
        restBytes = 0;
        start = nl + 1;
      }
      rest.push(Buffer.from(buf.subarray(start, n)));
      restBytes += n - start;
      if (restBytes > 64 * CHUNK) throw new Error(`${path}: a line longer than 64 MiB`);
    }
    if (restBytes) onLine(Buffer.concat(rest).toString('utf8'));
  } finally {
    closeSync(fd);
  }
}
