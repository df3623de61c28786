/** `analyze --merge`: partials read, checked, and their options taken for the report (analyze-partial.ts). */
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { displayPath } from '../files/paths.js';
import type { AnalyzeOptions } from './analyze-options.js';
import { partialOptions } from './analyze-partial.js';
import { checkSame, readPartial, type Partial } from './analyze-partial-read.js';

/** The command-line names of the options a partial records. */
const FLAGS: Record<string, string> = {
  by: '--by',
  tz: '--tz',
  since: '--since',
  until: '--until',
  models: '--model',
  costSource: '--cost-source',
  top: '--top',
  repriceAs: '--reprice-as',
  dialect: '--dialect',
  map: '--map',
};

/**
 * The partials, and the options to report them with: those they were made with. An option given on the
 * command line (`explicit`) must be the one they were made with: sums cannot be regrouped after the fact.
 */
export function openMerge(
  ctx: Context,
  o: AnalyzeOptions,
  explicit: Set<string>,
): { parts: Partial[]; options: AnalyzeOptions } {
  if (!o.sources.length || o.sources.includes('-'))
    throw new UsageError('--merge needs partial files', 'llmcost analyze --merge parts/*.json');
  const parts = o.sources.map((f) => readPartial(f, displayPath(ctx.cwd, f)));
  checkSame(parts);
  const theirs = parts[0]!.doc.options as Record<string, unknown>;
  const mine = partialOptions(o);
  for (const [k, flag] of Object.entries(FLAGS))
    if (explicit.has(k) && JSON.stringify(mine[k]) !== JSON.stringify(theirs[k]))
      throw new UsageError(
        `--merge: the partials were made with ${flag} ${JSON.stringify(theirs[k])}, not ${JSON.stringify(mine[k])}`,
        `leave ${flag} out, or make the partials with it`,
      );
  const opt = <T>(v: unknown): T | undefined => (v === null ? undefined : (v as T));
  const options: AnalyzeOptions = {
    ...o,
    by: theirs.by as AnalyzeOptions['by'],
    tz: theirs.tz as string,
    costSource: theirs.costSource as AnalyzeOptions['costSource'],
    top: theirs.top as number,
  };
  for (const [k, v] of [
    ['since', opt<string>(theirs.since)],
    ['until', opt<string>(theirs.until)],
    ['models', opt<string[]>(theirs.models)],
    ['repriceAs', opt<string[]>(theirs.repriceAs)],
    ['dialectName', opt<string>(theirs.dialect)],
    ['map', opt<string>(theirs.map)],
  ] as const) {
    if (v === undefined) delete (options as unknown as Record<string, unknown>)[k];
    else (options as unknown as Record<string, unknown>)[k] = v;
  }
  return { parts, options };
}
