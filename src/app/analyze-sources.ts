import { printable } from '../reporters/printable.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { dialectByName, DIALECTS } from '../readers/dialects/index.js';
import { mappedDialect, parseFieldMap } from '../readers/dialects/mapped.js';
import type { Dialect } from '../readers/dialects/types.js';
import { AGENT_HOMES, agentLogDirs, type Agent } from '../readers/agent-logs.js';
import { discoverLogs } from '../readers/discover-logs.js';

export type { Agent };

const AGENT_FOLDERS: Record<Agent, string> = {
  claude: 'Claude Code projects folder',
  codex: 'Codex CLI sessions folder',
  'gemini-cli': 'Gemini CLI chats folder',
  'qwen-code': 'Qwen Code chats folder',
  pi: 'pi sessions folder',
  openclaw: 'OpenClaw sessions folder',
  copilot: 'GitHub Copilot CLI OpenTelemetry file',
  amp: 'Amp threads folder',
  kilo: 'Kilo CLI database (kilo.db)',
  cline: 'Cline, Roo Code or Kilo Code task',
  opencode: 'OpenCode database (opencode.db) or messages folder',
};

/** Inputs to read: the arguments, the coding agents' log folders asked for, else piped stdin. */
export function resolveSources(
  ctx: Context,
  inputs: string[],
  agents: Agent[],
  anyAgent = false,
): string[] {
  const all = [...inputs];
  for (const agent of agents) {
    const dirs = agentLogDirs(agent, ctx.env);
    if (!dirs.length && !anyAgent)
      throw new UsageError(`no ${AGENT_FOLDERS[agent]} found`, `set ${AGENT_HOMES[agent]}`);
    all.push(...dirs);
  }
  if (anyAgent && all.length === inputs.length)
    throw new UsageError(
      'no coding-agent logs found (Claude Code, Codex CLI, Gemini CLI, Qwen Code, pi, OpenClaw, Copilot CLI, Amp, OpenCode, Kilo, Cline)',
      Object.values(AGENT_HOMES).join('; '),
    );
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
      `no log files (.jsonl, .ndjson, .json, .csv, .gz of them, or .parquet) in ${all.join(', ')}`,
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
