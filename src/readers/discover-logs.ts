import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { compileGlob, globBase, isGlob } from '../files/glob.js';

const LOG = /\.(jsonl|ndjson|json|csv)(\.gz)?$/i;

function walk(dir: string, out: string[], want?: (p: string) => boolean): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    if (e.name === 'node_modules' || e.name === '.git') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out, want);
    else if (e.isFile() && LOG.test(e.name) && (!want || want(p))) out.push(p);
  }
}

/** Log files from files, folders (recursive: .jsonl .ndjson .json .csv and their .gz) and globs; "-" is stdin. */
export function discoverLogs(inputs: string[], cwd: string): string[] {
  const out: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      out.push('-');
      continue;
    }
    const abs = resolve(cwd, input);
    const st = statSync(abs, { throwIfNoEntry: false });
    if (st?.isFile()) out.push(abs);
    else if (st?.isDirectory()) walk(abs, out);
    else if (isGlob(input)) {
      const re = compileGlob(abs.split('\\').join('/'));
      const base = resolve(cwd, globBase(input));
      if (existsSync(base)) walk(base, out, (p) => re.test(p.split('\\').join('/')));
    } else throw new UsageError(`no such file or folder: ${input}`);
  }
  return [...new Set(out)];
}

/** Claude Code project folders: $CLAUDE_CONFIG_DIR (comma-separated) or ~/.config/claude and ~/.claude. */
export function claudeProjectDirs(env: Record<string, string | undefined>): string[] {
  const roots = env.CLAUDE_CONFIG_DIR
    ? env.CLAUDE_CONFIG_DIR.split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : env.HOME
      ? [join(env.HOME, '.config/claude'), join(env.HOME, '.claude')]
      : [];
  return roots.map((r) => join(r, 'projects')).filter((p) => existsSync(p));
}
