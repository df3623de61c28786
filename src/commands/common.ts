import type { Prepared } from '../app/prepared.js';
import { Option, type Command } from 'commander';
import type { LoadedConfig } from '../config/load.js';
import { findConfig } from '../config/find.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { list } from './parse-args.js';
import { CATALOG_DATE, loadPriceBook } from '../pricing/catalog.js';
import { cacheDir, chooseCatalog } from '../pricing/user-catalog.js';
import { FORMATS, render, type Format } from '../reporters/index.js';
import { chalkPainter } from '../reporters/paint.js';

export function addCommonOptions(cmd: Command): Command {
  cmd
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'),
    )
    .option('--json', 'shorthand for --format json')
    .option('--color', 'color the output even when it is not a terminal (CI logs, less -R)')
    .option('--no-color', 'never color the output')
    .option('--wide', 'tables at full width, however narrow the terminal');
  return addCatalogOptions(cmd);
}

/** Where prices come from: the config file, the catalog, overrides (every command that prices). */
export function addCatalogOptions(cmd: Command): Command {
  return cmd
    .option('--config <file>', 'config file (default: nearest llmcost.config.yaml)')
    .addOption(
      new Option('--catalog <which>', 'auto: the newer of the bundled and the updated; bundled')
        .choices(['auto', 'bundled'])
        .default('auto'),
    )
    .option(
      '--pricing <file>',
      'pricing overrides (YAML); repeatable',
      (v: string, prev: string[] = []) => [...prev, v],
    );
}

/** Loads config (its section fills flags the user did not give), overrides and the price book. */
export async function prepare(ctx: Context, cmd: Command, section: string): Promise<Prepared> {
  const opts = cmd.opts<{ config?: string; pricing?: string[] }>();
  // YAML and schema validation cost ~70 ms to load: only pay for them when there is a file to read.
  const needsFiles =
    opts.config !== undefined ||
    (opts.pricing?.length ?? 0) > 0 ||
    findConfig(ctx.cwd) !== undefined;
  const files = needsFiles ? await import('./load-files.js') : undefined;
  const config: LoadedConfig = files ? files.loadConfig(ctx.cwd, opts.config) : { config: {} };
  applyConfigDefaults(cmd, section, config);
  const all = cmd.opts<{ format: Format; json?: boolean }>();
  const format: Format = all.json ? 'json' : all.format;
  const color = format === 'table' && wantsColor(ctx, cmd);
  const paint = color ? await chalkPainter() : undefined;
  const overrides = files
    ? files.overrideSets(ctx.cwd, config.config, config.file, opts.pricing ?? [])
    : [];
  const picked = chooseCatalog(
    cmd.opts<{ catalog: 'auto' | 'bundled' }>().catalog,
    userCacheDir(ctx),
  );
  if (picked.warning) ctx.stderr.write(`${picked.warning}\n`);
  staleNotice(ctx, picked.choice.date);
  const book = loadPriceBook(overrides, picked.user?.records ?? []);
  // Tables fit the terminal; pipes and files get full rows.
  const wide = cmd.opts<{ wide?: boolean }>().wide === true;
  const width =
    ctx.stdout.isTTY && !wide ? ctx.stdout.columns || Number(ctx.env.COLUMNS) || 80 : undefined;
  return {
    format,
    color,
    config,
    book,
    overrides,
    catalog: picked.choice,
    render: (report) =>
      render(format, report, {
        catalogDate: picked.choice.date,
        catalogSource: picked.choice.source,
        ...(paint ? { paint } : {}),
        ...(width ? { width } : {}),
      }),
  };
}

/**
 * The user's cache folder, where `llmcost prices update` keeps the catalog it fetched: under `HOME`, else
 * Windows' `USERPROFILE` (where HOME is usually not set: the folder was made in the working directory).
 */
export function userCacheDir(ctx: Context): string {
  return cacheDir(ctx.env, ctx.env.HOME || ctx.env.USERPROFILE || ctx.cwd);
}

/** One line (on a terminal only) when the catalog in use is more than 90 days old. */
function staleNotice(ctx: Context, date: string): void {
  const days = (ctx.now().getTime() - Date.parse(`${date}T00:00:00Z`)) / 86_400_000;
  if (days > 90 && ctx.stderr.isTTY)
    ctx.stderr.write(
      `llmcost: the price catalog is ${Math.floor(days)} days old (${date}); llmcost prices update fetches the current one\n`,
    );
}

/** The UTC date prices are taken at: --date, else today. */
export function priceDate(ctx: Context, date: string | undefined): string {
  return date ?? ctx.now().toISOString().slice(0, 10);
}

/** Precedence: --color/--no-color, then FORCE_COLOR, then NO_COLOR (non-empty), then whether stdout is a TTY. */
export function wantsColor(ctx: Context, cmd: Command): boolean {
  if (cmd.getOptionValueSource('color') === 'cli') return cmd.opts().color === true;
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined) return ['', '1', '2', '3', 'true'].includes(force);
  if (ctx.env.NO_COLOR) return false;
  return ctx.stdout.isTTY;
}

function applyConfigDefaults(cmd: Command, section: string, loaded: LoadedConfig): void {
  const values = (loaded.config as Record<string, Record<string, unknown> | undefined>)[section];
  if (!values || !loaded.file) return;
  for (const [key, value] of Object.entries(values)) {
    if (key === 'budgets') continue;
    const option = cmd.options.find((o) => o.attributeName() === key);
    const where = `${loaded.file}: ${section}.${key}`;
    if (!option) throw new UsageError(`${where}: not an option of llmcost ${cmd.name()}`);
    if (cmd.getOptionValueSource(key) === 'cli') continue;
    const wrongType = configTypeError(option, value);
    if (wrongType) throw new UsageError(`${where}: ${wrongType}`);
    let parsed: unknown = value;
    if (option.parseArg && typeof value !== 'boolean') {
      const text = Array.isArray(value) ? value.join(',') : String(value);
      try {
        parsed = option.parseArg(text, undefined as never);
      } catch (err) {
        throw new UsageError(`${where}: ${(err as Error).message}`);
      }
    }
    if (option.argChoices && !option.argChoices.includes(String(parsed))) {
      throw new UsageError(`${where}: expected one of ${option.argChoices.join(', ')}`);
    }
    cmd.setOptionValueWithSource(key, parsed, 'config');
  }
}

/**
 * Why a config value cannot stand for this option, or undefined: a flag takes true/false, a value option a
 * string or number, and only a list option (parsed by `list`) an array of them. Nothing is coerced:
 * `by: {a: 1}` would otherwise read as the text "[object Object]".
 */
function configTypeError(option: Option, value: unknown): string | undefined {
  const takesValue = option.required || option.optional;
  if (!takesValue) return typeof value === 'boolean' ? undefined : 'expected true or false';
  const scalar = (v: unknown) =>
    typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
  if (Array.isArray(value))
    return option.parseArg === list && value.length > 0 && value.every(scalar)
      ? undefined
      : option.parseArg === list
        ? 'expected a list of names'
        : 'expected one value, not a list';
  return scalar(value)
    ? undefined
    : `expected a value, got ${value === null ? 'null' : typeof value}`;
}

export { CATALOG_DATE };
export type { Prepared };
