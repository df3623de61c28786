import { Option, type Command } from 'commander';
import type { Context } from '../context.js';
import type { Dim } from '../core/aggregate.js';
import { isValidTimeZone } from '../core/time-buckets.js';
import { UsageError } from '../errors.js';
import { addCommonOptions, prepare } from './common.js';
import type { Agent } from '../app/analyze-sources.js';
import type { Exit } from '../app/result.js';
import {
  budget,
  failOn,
  isoDate,
  list,
  MAX_TOP,
  positiveInt,
  topCount,
  warnShare,
} from './parse-args.js';

const TIME_AND_MODEL = new Set(['day', 'week', 'month', 'block', 'model', 'provider']);

export function registerAnalyze(program: Command, ctx: Context, exit: Exit): void {
  const cmd = program
    .command('analyze')
    .description(
      'where did the money go? stream usage logs (JSONL, CSV, Parquet, gzip) and report spend',
    )
    .argument('[inputs...]', 'log files, folders or globs; - for stdin (default: stdin when piped)')
    .option('--claude', 'read Claude Code transcripts ($CLAUDE_CONFIG_DIR or ~/.claude/projects)')
    .option('--codex', 'read Codex CLI rollouts ($CODEX_HOME/sessions, default ~/.codex)')
    .option(
      '--gemini-cli',
      'read Gemini CLI chats ($GEMINI_CLI_HOME/tmp/*/chats, default ~/.gemini)',
    )
    .option(
      '--qwen-code',
      'read Qwen Code chats ($QWEN_RUNTIME_DIR/projects/*/chats, default ~/.qwen)',
    )
    .option('--pi', 'read pi sessions ($PI_CODING_AGENT_DIR/sessions, default ~/.pi/agent)')
    .option(
      '--openclaw',
      'read OpenClaw sessions ($OPENCLAW_STATE_DIR/agents/*/sessions, default ~/.openclaw)',
    )
    .option(
      '--copilot',
      'read GitHub Copilot CLI OpenTelemetry files ($COPILOT_OTEL_FILE_EXPORTER_PATH, ~/.copilot/otel)',
    )
    .option('--amp', 'read Amp threads ($AMP_DATA_DIR/threads, default ~/.local/share/amp)')
    .option(
      '--opencode',
      'read OpenCode messages: opencode.db and older message files ($OPENCODE_DATA_DIR, default ~/.local/share/opencode)',
    )
    .option(
      '--kilo',
      'read Kilo CLI messages: kilo.db ($KILO_DATA_DIR, default ~/.local/share/kilo)',
    )
    .option(
      '--cline',
      "read Cline, Roo Code and Kilo Code tasks (the editor's globalStorage, ~/.cline)",
    )
    .option('--agents', 'read every coding agent whose logs are on this machine')
    .option('--dialect <name>', 'force one log dialect instead of detecting it per record')
    .option('--map <fields>', 'map any JSON/CSV shape: model=PATH,inputTotal=PATH,output=PATH,...')
    .option(
      '--by <dims>',
      'group by day|week|month|model|provider or a field path (comma-separated)',
      list,
    )
    .option('--tz <zone>', "time zone for day boundaries (IANA name; default: this machine's)")
    .option('--since <YYYY-MM-DD>', 'only records on or after this day', isoDate)
    .option('--until <YYYY-MM-DD>', 'only records on or before this day', isoDate)
    .option('-m, --model <names>', 'only these models (comma-separated)', list)
    .addOption(
      new Option(
        '--cost-source <source>',
        'auto: a cost the log carries, else calculated; log; calculate',
      )
        .choices(['auto', 'log', 'calculate'])
        .default('auto'),
    )
    .option('--ratio-band <low:high>', 'healthy input:output ratio band', '2:5')
    .option('--top <n>', `list the N most expensive requests (at most ${MAX_TOP})`, topCount)
    .option('--reprice-as <models>', 'what the same tokens would cost on these models', list)
    .option(
      '--budget <amount/period>',
      'exit 1 and list the days, weeks or months over it, e.g. 50/day, 300/week',
      budget,
    )
    .option(
      '--warn-at <share>',
      'warn (exit 0) when the latest period passes this share of the budget',
      warnShare,
      0.8,
    )
    .option('--forecast', "project this month's spend from the month-to-date run rate")
    .option(
      '--fail-on <what>',
      'what exits 1: budget (a period over it), forecast (month end over it), or both',
      failOn,
    )
    .option('--no-exit-code', 'report budget breaches without failing')
    .option('--strict', 'exit 2 when any line is malformed')
    .option(
      '--emit <file>',
      'also write every counted request as a row (.jsonl, .csv, .parquet; - for stdout)',
    )
    .addOption(
      new Option('--emit-format <format>', 'format of --emit, when its name does not say').choices([
        'jsonl',
        'csv',
        'parquet',
      ]),
    )
    .option('--partial <file>', 'write the sums of these logs (one shard) instead of a report')
    .option('--merge', 'the inputs are partials: add them up into one report')
    .option(
      '--threads <n>',
      'threads for a large JSONL file or a folder of logs (default: one per core)',
      positiveInt,
    );
  addCommonOptions(cmd).addHelpText(
    'after',
    `
Examples:
  cat usage.jsonl | llmcost analyze
  llmcost analyze logs/ --by day,model --since 2026-10-01 --tz Europe/Berlin
  llmcost analyze --claude --by day --budget 20/day
  llmcost analyze --agents --by session      (every coding agent found: Claude Code, Codex, Cline, …)
  llmcost analyze usage.jsonl --budget 500/week --warn-at 90% --fail-on budget,forecast
  llmcost analyze spend.csv.gz --by metadata.feature --top 10 --reprice-as gpt-5-mini
  llmcost analyze app.log.jsonl --map model=resp.model,inputTotal=resp.usage.in,output=resp.usage.out
  llmcost analyze logs/ --emit usage.parquet          (priced rows for DuckDB, ClickHouse, …)
  llmcost analyze shard-07/ --by day,model --partial parts/07.json
  llmcost analyze --merge parts/*.json`,
  );
  cmd.action(async (inputs: string[]) => {
    const p = await prepare(ctx, cmd, 'analyze');
    const o = cmd.opts();
    o.tz ??= ctx.timeZone;
    if (o.tz !== 'UTC' && !isValidTimeZone(o.tz))
      throw new UsageError(
        `--tz: unknown time zone "${o.tz}"`,
        'use an IANA name such as UTC, Europe/Berlin or America/New_York',
      );
    if (o.since && o.until && o.since > o.until)
      throw new UsageError(`--since ${o.since} is after --until ${o.until}`);
    const band = /^\s*(\d+(?:\.\d+)?)\s*[:-]\s*(\d+(?:\.\d+)?)\s*$/.exec(String(o.ratioBand));
    if (!band || Number(band[1]) >= Number(band[2]))
      throw new UsageError(`--ratio-band: expected LOW:HIGH such as 2:5, got "${o.ratioBand}"`);
    const { resolveSources, forcedDialect } = await import('../app/analyze-sources.js');
    const flags = {
      claude: 'claude',
      codex: 'codex',
      'gemini-cli': 'geminiCli',
      'qwen-code': 'qwenCode',
      pi: 'pi',
      openclaw: 'openclaw',
      copilot: 'copilot',
      amp: 'amp',
      opencode: 'opencode',
      kilo: 'kilo',
      cline: 'cline',
      // Every agent has its flag: one added to the list without a flag does not compile.
    } as const satisfies Record<Agent, string>;
    const agents = (Object.keys(flags) as (keyof typeof flags)[]).filter(
      (a) => o.agents || o[flags[a]],
    );
    if (o.merge && (agents.length || o.partial || o.emit))
      throw new UsageError(
        '--merge reads partials, which hold sums, not records',
        'drop --claude/--agents/--partial/--emit, or --emit when the shards are read',
      );
    if (o.partial === '-' && o.emit === '-')
      throw new UsageError(
        '--partial - and --emit - both want stdout',
        'send one of them to a file: --partial part.json or --emit rows.jsonl',
      );
    const sources = resolveSources(ctx, inputs, [...agents], !!o.agents);
    forcedDialect(o.dialect, o.map); // validates --dialect and --map before any reading
    const by: Dim[] = (o.by ?? ['model']).map((d: string) =>
      TIME_AND_MODEL.has(d) ? d : { field: d },
    );
    if (by.length > 1 && by.includes('block'))
      throw new UsageError('--by block stands alone', 'use --by block, or --by day,model');
    const emit = emitTarget(o.emit, o.emitFormat);
    const { runAnalyze } = await import('../app/analyze.js');
    exit.write(
      await runAnalyze(ctx, p, {
        sources,
        ...(o.dialect ? { dialectName: o.dialect } : {}),
        ...(o.map ? { map: o.map } : {}),
        by,
        tz: o.tz,
        since: o.since,
        until: o.until,
        models: o.model,
        costSource: o.costSource,
        band: { low: Number(band[1]), high: Number(band[2]) },
        top: o.top,
        repriceAs: o.repriceAs,
        budget: o.budget,
        warnAt: o.warnAt,
        forecast: !!o.forecast,
        failOn: o.failOn ?? ['budget'],
        exitOnBudget: o.exitCode !== false,
        strict: !!o.strict,
        // More threads than cores only adds memory (128 on a 70 MB log took 2.2 GB).
        threads: Math.min(o.threads ?? ctx.cpus, ctx.cpus),
        now: ctx.now().getTime(),
        ...(emit ? { emit } : {}),
        ...(o.partial ? { partial: o.partial } : {}),
        ...(o.merge ? { merge: { explicit: explicitOptions(cmd) } } : {}),
        // A partial keeps them whatever its format: the merge may be an HTML report.
        dayModels: p.format === 'html' || !!o.partial,
        ...(ctx.env.LLMCOST_PARALLEL_MIN_BYTES
          ? { parallelMinBytes: Number(ctx.env.LLMCOST_PARALLEL_MIN_BYTES) }
          : {}),
        ...(ctx.env.LLMCOST_TREE_MAX_PENDING
          ? { treeMaxPending: Number(ctx.env.LLMCOST_TREE_MAX_PENDING) }
          : {}),
      }),
    );
  });
}

const EMIT_EXTENSIONS: Record<string, 'jsonl' | 'csv' | 'parquet'> = {
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  parquet: 'parquet',
};

/** --emit's file and format: the format named, else the file's extension (stdout: JSON lines). */
function emitTarget(
  path: string | undefined,
  format: 'jsonl' | 'csv' | 'parquet' | undefined,
): { path: string; format: 'jsonl' | 'csv' | 'parquet' } | undefined {
  if (path === undefined) {
    if (format) throw new UsageError('--emit-format needs --emit FILE');
    return undefined;
  }
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  const chosen = format ?? (path === '-' ? 'jsonl' : ext ? EMIT_EXTENSIONS[ext] : undefined);
  if (!chosen)
    throw new UsageError(
      `--emit: cannot tell the format of "${path}"`,
      'name it .jsonl, .csv or .parquet, or add --emit-format jsonl|csv|parquet',
    );
  return { path, format: chosen };
}

/** The options a partial records that were given on this command line (analyze-merge.ts checks them). */
function explicitOptions(cmd: Command): Set<string> {
  const names: Record<string, string> = {
    by: 'by',
    tz: 'tz',
    since: 'since',
    until: 'until',
    model: 'models',
    costSource: 'costSource',
    top: 'top',
    repriceAs: 'repriceAs',
    dialect: 'dialect',
    map: 'map',
  };
  return new Set(
    Object.entries(names)
      .filter(([flag]) => cmd.getOptionValueSource(flag) === 'cli')
      .map(([, key]) => key),
  );
}
