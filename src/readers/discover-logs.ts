import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { FolderVisits } from '../files/folder-visits.js';
import { emptyPath } from '../files/paths.js';
import { compileGlob, globBase, isGlob } from '../files/glob.js';

const LOG = /\.((jsonl|ndjson|json|csv)(\.gz)?|parquet)$/i;

export interface LogFiles {
  /** Paths to read in order; "-" is stdin. */
  files: string[];
  /** Symbolic-link loops that were not followed, one line each, for stderr. */
  notes: string[];
}

/** Log files in a folder, recursively; symbolic links to files and folders are followed (each folder once). */
function walk(
  dir: string,
  out: string[],
  visits: FolderVisits,
  want?: (p: string) => boolean,
): void {
  const entries = visits.enter(dir);
  if (!entries) return;
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = join(dir, e.name);
    const target = e.isSymbolicLink() ? statSync(p, { throwIfNoEntry: false }) : e;
    if (target?.isDirectory()) walk(p, out, visits, want);
    else if (target?.isFile() && LOG.test(e.name) && (!want || want(p))) out.push(p);
  }
  visits.leave(dir);
}

/**
 * Log files from files, folders (recursive: .jsonl .ndjson .json .csv and their .gz, .parquet) and globs; "-" is
 * stdin. A path named on purpose is read whatever it is: a FIFO, /dev/stdin, or `<(zcat a.gz)`.
 */
export function discoverLogs(inputs: string[], cwd: string): LogFiles {
  const out: string[] = [];
  const notes: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push('-');
      continue;
    }
    if (input === '') throw emptyPath();
    const abs = resolve(cwd, input);
    const st = statSync(abs, { throwIfNoEntry: false });
    const visits = new FolderVisits(cwd, notes);
    if (st?.isDirectory()) walk(abs, out, visits);
    else if (st) out.push(abs);
    else if (isGlob(input)) {
      const re = compileGlob(abs.split('\\').join('/'));
      const base = resolve(cwd, globBase(input));
      if (existsSync(base)) walk(base, out, visits, (p) => re.test(p.split('\\').join('/')));
    } else throw new UsageError(`no such file or folder: ${input}`);
  }
  return { files: [...new Set(out)], notes };
}
