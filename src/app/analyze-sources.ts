import { printable } from '../reporters/printable.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { dialectByName, DIALECTS } from '../readers/dialects/index.js';
import { mappedDialect, parseFieldMap } from '../readers/dialects/mapped.js';
import type { Dialect } from '../readers/dialects/types.js';
import { claudeProjectDirs, discoverLogs } from '../readers/discover-logs.js';

/** Inputs to read: the arguments, Claude Code folders with --claude, else piped stdin. */
export function resolveSources(ctx: Context, inputs: string[], claude: boolean): string[] {
  const all = [...inputs];
  if (claude) {
    const dirs = claudeProjectDirs(ctx.env);
    if (!dirs.length)
      throw new UsageError(
        'no Claude Code projects folder found',
        'set CLAUDE_CONFIG_DIR, or check ~/.claude/projects exists',
      );
    all.push(...dirs);
  }
  if (!all.length) {
    if (ctx.stdin.isTTY)
      throw new UsageError(
        'no usage logs given',
        'pass files or folders (llmcost analyze logs/), pipe a log in (cat usage.jsonl | llmcost analyze), or use --claude',
      );
    return ['-'];
  }
  const { files: sources, notes } = discoverLogs(all, ctx.cwd);
  for (const note of notes) ctx.stderr.write(`${printable(note)}\n`);
  if (!sources.length)
    throw new UsageError(
      `no log files (.jsonl, .ndjson, .json, .csv, or .gz of them) in ${all.join(', ')}`,
    );
  return sources;
}

export function forcedDialect(
  name: string | undefined,
  map: string | undefined,
): Dialect | undefined {
  if (map) return mappedDialect(parseFieldMap(map));
  if (!name) return undefined;
  const d = dialectByName(name);
  if (!d)
    throw new UsageError(
      `--dialect: unknown dialect "${name}"`,
      `one of: ${DIALECTS.map((x) => x.name).join(', ')}`,
    );
  return d;
}
