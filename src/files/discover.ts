import { readText } from './read-text.js';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { displayPath, emptyPath, posixRelative } from './paths.js';
import { UsageError } from '../errors.js';
import { IgnoreRules } from './gitignore.js';
import { FolderVisits } from './folder-visits.js';
import { compileGlob, globBase, isGlob, type GlobMatcher } from './glob.js';

export interface Discovery {
  /** Absolute paths, in a stable order. */
  files: string[];
  stdin: boolean;
  skipped: { ignored: number; excluded: number };
  /** Symbolic links not followed (loops, links to nothing), one line each, for stderr. */
  notes: string[];
}

export interface DiscoverOptions {
  cwd: string;
  include?: string[];
  exclude?: string[];
}

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules']);

/** Matches a user glob: with a "/" against the path relative to cwd, without one against the file name. */
function matcher(globs: string[] | undefined): ((rel: string) => boolean) | undefined {
  if (!globs?.length) return undefined;
  const tests = globs.map((g) => ({
    re: compileGlob(g.replace(/^\.\//, '')),
    base: !g.includes('/'),
  }));
  return (rel) => tests.some((t) => t.re.test(t.base ? rel.slice(rel.lastIndexOf('/') + 1) : rel));
}

interface IgnoreScope {
  dir: string;
  rules: IgnoreRules;
}

function readIgnore(dir: string): IgnoreScope | undefined {
  const file = join(dir, '.gitignore');
  return existsSync(file) ? { dir, rules: new IgnoreRules(readText(file, file)) } : undefined;
}

/** .gitignore files from the repository root (the nearest folder holding .git) down to `dir`. */
function ancestorScopes(dir: string): IgnoreScope[] {
  const chain: string[] = [];
  let d = dir;
  for (;;) {
    chain.unshift(d);
    if (existsSync(join(d, '.git'))) break;
    const up = dirname(d);
    if (up === d) return readIgnore(dir) ? [readIgnore(dir)!] : [];
    d = up;
  }
  return chain.map(readIgnore).filter((s): s is IgnoreScope => !!s);
}

function ignored(scopes: IgnoreScope[], abs: string, isDir: boolean): boolean {
  let verdict = false;
  for (const s of scopes) {
    const v = s.rules.match(posixRelative(s.dir, abs), isDir);
    if (v !== undefined) verdict = v;
  }
  return verdict;
}

export function discover(inputs: string[], o: DiscoverOptions): Discovery {
  const include = matcher(o.include);
  const exclude = matcher(o.exclude);
  const found = new Set<string>();
  const skipped = { ignored: 0, excluded: 0 };
  const notes: string[] = [];
  let stdin = false;
  const add = (abs: string) => {
    if (found.has(abs)) return; // named twice (a file and its folder, overlapping globs): counted once
    found.add(abs);
  };
  const accept = (abs: string) => {
    const rel = include || exclude ? posixRelative(o.cwd, abs) : '';
    if ((include && !include(rel)) || exclude?.(rel)) skipped.excluded++;
    else add(abs);
  };
  // Per named input: two globs over one folder walk it twice, each folder once per walk.
  let folders = new FolderVisits(o.cwd, notes);
  const walk = (dir: string, scopes: IgnoreScope[], want?: GlobMatcher) => {
    const entries = folders.enter(dir);
    if (!entries) return;
    const own = readIgnore(dir);
    const here = own && !scopes.some((s) => s.dir === dir) ? [...scopes, own] : scopes;
    const prefix = dir.endsWith(sep) ? dir : dir + sep; // dir is normalized: no join() per entry
    for (const e of entries) {
      const abs = prefix + e.name;
      // Symbolic links are followed: to a folder (walked once, see FolderVisits) or to a file.
      const target = e.isSymbolicLink() ? statSync(abs, { throwIfNoEntry: false }) : e;
      // A link to nothing (its target moved or deleted) holds no text: said once, not a failed run.
      if (!target) {
        notes.push(`llmcost: ${displayPath(o.cwd, abs)} is a symbolic link to nothing: left out`);
        continue;
      }
      const isDir = target.isDirectory();
      if (isDir && ALWAYS_SKIPPED.has(e.name)) continue;
      if (ignored(here, abs, isDir)) {
        skipped.ignored++;
        continue;
      }
      if (isDir) walk(abs, here, want);
      else if (!target.isFile())
        skipped.excluded++; // a FIFO or socket in a folder is not a prompt
      else if (!want || want.test(posixRelative(o.cwd, abs))) accept(abs);
    }
    folders.leave(dir);
  };
  for (const input of inputs) {
    if (input === '-') {
      stdin = true;
      continue;
    }
    if (input === '') throw emptyPath();
    const abs = resolve(o.cwd, input);
    const st = statSync(abs, { throwIfNoEntry: false });
    folders = new FolderVisits(o.cwd, notes);
    if (st?.isDirectory()) walk(abs, ancestorScopes(abs));
    else if (st)
      add(abs); // a file, or a FIFO, /dev/stdin or <(…) named on purpose: read as a stream
    else if (isGlob(input)) {
      const base = resolve(o.cwd, globBase(input));
      if (statSync(base, { throwIfNoEntry: false })?.isDirectory()) {
        walk(base, ancestorScopes(base), compileGlob(posixRelative(o.cwd, abs)));
      }
    } else throw new UsageError(`no such file or folder: ${input}`);
  }
  return { files: [...found], stdin, skipped, notes };
}
