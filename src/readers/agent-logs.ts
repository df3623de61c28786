/**
 * Where each coding agent keeps its usage logs on this machine, and the variables that move them: the
 * folders and files `--claude`, `--codex`, … and `--agents` read (discover-logs.ts walks the folders).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The user's home folder: `HOME`, else Windows' `USERPROFILE` (where HOME is usually not set, and where the
 * agents keep `.claude`, `.codex`, `.gemini`, … all the same).
 */
const homeOf = (env: Record<string, string | undefined>): string | undefined =>
  env.HOME || env.USERPROFILE || undefined;

/** A comma-separated list of folders, as the agents' home variables may hold. */
const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Claude Code project folders: $CLAUDE_CONFIG_DIR (comma-separated) or ~/.config/claude and ~/.claude. */
export function claudeProjectDirs(env: Record<string, string | undefined>): string[] {
  const home = homeOf(env);
  const roots = env.CLAUDE_CONFIG_DIR
    ? list(env.CLAUDE_CONFIG_DIR)
    : home
      ? [join(home, '.config/claude'), join(home, '.claude')]
      : [];
  return roots.map((r) => join(r, 'projects')).filter((p) => existsSync(p));
}

/** The coding agents whose own logs are found where they live (`--agents` reads them all). */
export const AGENTS = [
  'claude',
  'codex',
  'gemini-cli',
  'qwen-code',
  'pi',
  'openclaw',
  'copilot',
  'amp',
  'opencode',
  'kilo',
  'cline',
] as const;
export type Agent = (typeof AGENTS)[number];

/** Where each coding agent keeps its logs, and the variable that moves it. */
export const AGENT_HOMES: Record<Agent, string> = {
  claude: 'CLAUDE_CONFIG_DIR (default ~/.config/claude and ~/.claude)',
  codex: 'CODEX_HOME (default ~/.codex)',
  'gemini-cli': 'GEMINI_CLI_HOME (default ~/.gemini)',
  'qwen-code': 'QWEN_RUNTIME_DIR (default ~/.qwen)',
  pi: 'PI_CODING_AGENT_SESSION_DIR or PI_CODING_AGENT_DIR (default ~/.pi/agent)',
  openclaw: 'OPENCLAW_STATE_DIR (default ~/.openclaw, or the older ~/.clawdbot and ~/.moltbot)',
  copilot:
    'COPILOT_OTEL_FILE_EXPORTER_PATH (default ~/.copilot/otel; written only with its OpenTelemetry file export on)',
  amp: 'AMP_DATA_DIR (default ~/.local/share/amp)',
  cline:
    "the editor's globalStorage (VS Code, Cursor, Windsurf, VSCodium; XDG_CONFIG_HOME or APPDATA) and ~/.cline",
  kilo: 'KILO_DATA_DIR (default $XDG_DATA_HOME/kilo or ~/.local/share/kilo)',
  opencode: 'OPENCODE_DATA_DIR (default $XDG_DATA_HOME/opencode or ~/.local/share/opencode)',
};

const subdirs = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => join(dir, e.name))
    : [];

/** The `chats` folders of each project folder under `root/projects` (absent ones left out). */
const chatDirs = (root: string | undefined, projects: string): string[] =>
  root
    ? subdirs(join(root, projects))
        .map((d) => join(d, 'chats'))
        .filter((p) => existsSync(p))
    : [];

/** Where an agent's usage logs are on this machine: folders, and OpenCode's database file (none when not installed). */
export function agentLogDirs(agent: Agent, env: Record<string, string | undefined>): string[] {
  const home = homeOf(env);
  if (agent === 'claude') return claudeProjectDirs(env);
  if (agent === 'codex') {
    const root = env.CODEX_HOME ?? (home ? join(home, '.codex') : undefined);
    return root ? [join(root, 'sessions')].filter((p) => existsSync(p)) : [];
  }
  // Gemini CLI's chat recordings only: tmp/<project hash>/chats/session-*.json (checkpoints hold no usage).
  if (agent === 'gemini-cli')
    return chatDirs(env.GEMINI_CLI_HOME ?? (home ? join(home, '.gemini') : undefined), 'tmp');
  // Qwen Code's: projects/<sanitized cwd>/chats/<session>.jsonl.
  if (agent === 'qwen-code')
    return chatDirs(env.QWEN_RUNTIME_DIR ?? (home ? join(home, '.qwen') : undefined), 'projects');
  // pi's sessions: sessions/--<cwd>--/<time>_<uuid>.jsonl under its agent folder, or where it was told.
  if (agent === 'pi') {
    const agentDir = env.PI_CODING_AGENT_DIR ?? (home ? join(home, '.pi/agent') : undefined);
    const dir =
      env.PI_CODING_AGENT_SESSION_DIR ?? (agentDir ? join(agentDir, 'sessions') : undefined);
    return dir && existsSync(dir) ? [dir] : [];
  }
  if (agent === 'openclaw') return openclawSessions(env);
  if (agent === 'cline') return clineTasks(env);
  // Amp's threads: threads/<thread>.json under each folder of $AMP_DATA_DIR.
  if (agent === 'amp')
    return (
      env.AMP_DATA_DIR ? list(env.AMP_DATA_DIR) : home ? [join(home, '.local/share/amp')] : []
    )
      .map((r) => join(r, 'threads'))
      .filter((p) => existsSync(p));
  // GitHub Copilot CLI keeps no usage of its own on disk: its OpenTelemetry file export, where enabled
  // (COPILOT_OTEL_FILE_EXPORTER_PATH names the file), and ~/.copilot/otel.
  if (agent === 'copilot')
    return [env.COPILOT_OTEL_FILE_EXPORTER_PATH, home && join(home, '.copilot/otel')].filter(
      (p): p is string => !!p && existsSync(p),
    );
  const data = env.XDG_DATA_HOME ?? (home ? join(home, '.local/share') : undefined);
  // Kilo's CLI is OpenCode's, under its own name: kilo.db in $KILO_DATA_DIR (default ~/.local/share/kilo).
  if (agent === 'kilo')
    return opencodeStores(
      env.KILO_DATA_DIR ? list(env.KILO_DATA_DIR) : data ? [join(data, 'kilo')] : [],
      'kilo',
    );
  return opencodeStores(
    env.OPENCODE_DATA_DIR ? list(env.OPENCODE_DATA_DIR) : data ? [join(data, 'opencode')] : [],
    'opencode',
  );
}

/**
 * Where OpenCode (and its forks, by their own `name`) keeps messages under each data folder: 1.2+ in
 * `<name>.db` (a release channel's in `<name>-<channel>.db`), earlier versions in message files,
 * storage/message/<session>/ (and the older per-project layout), not parts. A message in both is counted
 * once (its id).
 */
function opencodeStores(roots: string[], name: string): string[] {
  const channel = new RegExp(`^${name}-[\\w-]+\\.db$`);
  return roots.flatMap((root) =>
    [
      join(root, `${name}.db`),
      ...(existsSync(root)
        ? readdirSync(root)
            .filter((n) => channel.test(n))
            .sort()
            .map((n) => join(root, n))
        : []),
      join(root, 'storage/message'),
      ...subdirs(join(root, 'project')).map((d) => join(d, 'storage/session/message')),
    ].filter((p) => existsSync(p)),
  );
}

/** A session OpenClaw archived when it was deleted or reset (`<id>.jsonl.deleted.<time>`): usage all the same. */
const ARCHIVED = /\.jsonl\.(deleted|reset)\./;

/**
 * OpenClaw's session folders, agents/<agent>/sessions under its state folder (the names it had before,
 * ~/.clawdbot and ~/.moltbot, too), with the archived sessions in them named one by one (the folder walk
 * takes log extensions only).
 */
function openclawSessions(env: Record<string, string | undefined>): string[] {
  const home = homeOf(env);
  const roots = env.OPENCLAW_STATE_DIR
    ? [env.OPENCLAW_STATE_DIR]
    : home
      ? ['.openclaw', '.clawdbot', '.moltbot'].map((d) => join(home, d))
      : [];
  const out: string[] = [];
  for (const root of roots)
    for (const agent of subdirs(join(root, 'agents'))) {
      const dir = join(agent, 'sessions');
      if (!existsSync(dir)) continue;
      out.push(dir);
      for (const e of readdirSync(dir, { withFileTypes: true }))
        if (e.isFile() && ARCHIVED.test(e.name)) out.push(join(dir, e.name));
    }
  return out;
}

/** The editors whose globalStorage may hold the extensions' tasks, and the extensions (Cline and its forks). */
const EDITORS = ['Code', 'Code - Insiders', 'Cursor', 'Windsurf', 'VSCodium'];
const CLINE_EXTENSIONS = [
  'saoudrizwan.claude-dev',
  'rooveterinaryinc.roo-cline',
  'kilocode.kilo-code',
];

/**
 * The `ui_messages.json` of every Cline (Roo Code, Kilo Code) task on the machine: tasks/<id>/ under each
 * extension's globalStorage in each editor's user folder (Linux $XDG_CONFIG_HOME or ~/.config, macOS
 * ~/Library/Application Support, Windows %APPDATA%), and Cline's own ~/.cline/data. Named one by one: a task
 * folder's other files (the whole conversation) are not usage.
 */
function clineTasks(env: Record<string, string | undefined>): string[] {
  const home = homeOf(env);
  const userDirs = [
    env.XDG_CONFIG_HOME ?? (home ? join(home, '.config') : undefined),
    home && join(home, 'Library/Application Support'),
    env.APPDATA,
  ].filter((d): d is string => !!d);
  const roots = [
    ...userDirs.flatMap((d) =>
      EDITORS.flatMap((e) =>
        CLINE_EXTENSIONS.map((x) => join(d, e, 'User/globalStorage', x, 'tasks')),
      ),
    ),
    ...(home ? [join(home, '.cline/data/tasks')] : []),
  ];
  return roots
    .flatMap((r) => subdirs(r).map((t) => join(t, 'ui_messages.json')))
    .filter((p) => existsSync(p));
}
