import { constants } from 'node:buffer';
import { resolve } from 'node:path';
import { displayPath } from '../files/paths.js';
import type { Prepared } from './prepared.js';
import type { Context } from '../context.js';
import { checkBudgets, diffBaseline, type Breach } from '../core/prompt-budget.js';
import { priceRequest } from '../core/price-request.js';
import { ZERO_BUCKETS, type ModelRecord } from '../core/types.js';
import { perDay } from '../core/workload.js';
import { UsageError } from '../errors.js';
import { counterFor } from '../tokenize/count.js';
import { countText, type FileCount, type FileResult } from '../tokenize/count-file.js';
import type { EncodingName } from '../tokenize/encoding.js';
import { countingFor } from '../tokenize/families.js';
import { countFiles } from '../tokenize/pool.js';
import { readBaseline, writeBaseline } from './baseline-file.js';
import { breachLine, budgetRules } from './count-gate.js';
import { countInputs } from './count-inputs.js';
import { buildCountReport, type CountRow } from './count-report.js';
import { annotations, appendStepSummary } from './github.js';
import { ok, type AppResult } from './result.js';
import { resolveModel } from './scenario.js';

/** UTF-8 of at most this many bytes always fits in one string (V8's limit is in UTF-16 code units). */
const MAX_STRING_BYTES = constants.MAX_STRING_LENGTH;

export interface CountOptions {
  inputs: string[];
  include?: string[];
  exclude?: string[];
  raw?: boolean;
  models?: string[];
  encoding?: EncodingName;
  requests?: number;
  per: 'day' | 'month';
  daysPerMonth: number;
  sort: 'tokens' | 'path';
  top?: number;
  maxTokens?: number;
  maxTotal?: number;
  saveBaseline?: string;
  baseline?: string;
  maxGrowth?: number;
  exitOnBreach: boolean;
  date: string;
  budgets?: { path: string; maxTokens: number }[];
  threads?: number;
}

export async function runCount(ctx: Context, p: Prepared, o: CountOptions): Promise<AppResult> {
  const models: ModelRecord[] = (o.models?.length ? o.models : ['gpt-4o']).map((m) =>
    resolveModel(p.book, m, '--models'),
  );
  const primary = o.encoding
    ? { encoding: o.encoding, exact: true }
    : countingFor(models[0]!.tokenizer);
  const encodings = [
    ...new Set<EncodingName>([
      primary.encoding,
      ...models.map((m) => countingFor(m.tokenizer).encoding),
    ]),
  ];
  const found = await countInputs(ctx, o.inputs, {
    ...(o.include ? { include: o.include } : {}),
    ...(o.exclude ? { exclude: o.exclude } : {}),
  });
  const results: FileResult[] = await countFiles(found.files, {
    encodings,
    raw: !!o.raw,
    threads: Math.min(o.threads ?? ctx.cpus, ctx.cpus),
    auto: o.threads === undefined,
  });
  if (found.stdinBuffer)
    results.push(
      countText(
        '-',
        decodeStdin(found.stdinBuffer),
        await Promise.all(encodings.map(counterFor)),
        !!o.raw,
      ),
    );
  const counted = results.filter((r): r is FileCount => !('skipped' in r));
  const binary = results.filter((r) => 'skipped' in r && r.skipped === 'binary').length;
  const unreadable = results.filter(
    (r): r is Extract<FileResult, { skipped: string }> =>
      'skipped' in r && r.skipped === 'unreadable',
  );
  if (unreadable.length)
    throw new UsageError(
      `cannot read ${displayPath(ctx.cwd, unreadable[0]!.path)}: ${unreadable[0]!.reason}`,
    );

  const requestsPerMonth =
    o.requests === undefined
      ? undefined
      : perDay(o.requests, o.per, o.daysPerMonth) * o.daysPerMonth;
  const costOf = (record: ModelRecord, f: FileCount) => {
    const tokens = f.tokens[countingFor(record.tokenizer).encoding] ?? 0;
    return priceRequest(record, { ...ZERO_BUCKETS, input: tokens }, { day: o.date }).cost.total;
  };
  const rows: CountRow[] = counted.map((f) => {
    const tokens = f.tokens[primary.encoding] ?? 0;
    const costs = Object.fromEntries(models.map((m) => [m.id, costOf(m, f)]));
    return {
      path: f.path === '-' ? '(stdin)' : displayPath(ctx.cwd, f.path),
      kind: f.kind,
      tokens,
      chars: f.chars,
      charsPerToken: tokens ? f.chars / tokens : null,
      costs,
      ...(requestsPerMonth !== undefined
        ? {
            monthly: Object.fromEntries(
              Object.entries(costs).map(([k, v]) => [k, v * requestsPerMonth]),
            ),
          }
        : {}),
    };
  });

  const files = rows.map((r) => ({ path: r.path, tokens: r.tokens }));
  const rules = budgetRules(ctx, p, o);
  const breaches: Breach[] = checkBudgets(files, rules, o.maxTotal);
  let baselineInfo;
  if (o.baseline) {
    const doc = readBaseline(resolve(ctx.cwd, o.baseline), o.baseline);
    if (doc.encoding !== primary.encoding) {
      throw new UsageError(
        `baseline ${o.baseline} was counted with ${doc.encoding}, this run with ${primary.encoding}`,
        `count with --encoding ${doc.encoding}, or save a new baseline`,
      );
    }
    baselineInfo = diffBaseline(files, doc.files, o.maxGrowth);
    breaches.push(...baselineInfo.breaches);
  }
  if (o.saveBaseline)
    writeBaseline(
      resolve(ctx.cwd, o.saveBaseline),
      o.saveBaseline,
      primary.encoding,
      Object.fromEntries(files.map((f) => [f.path, f.tokens])),
    );

  const pricePerToken =
    requestsPerMonth === undefined
      ? undefined
      : costOf(models[0]!, {
          path: '',
          kind: 'text',
          chars: 0,
          tokens: { [countingFor(models[0]!.tokenizer).encoding]: 1_000_000 },
        }) / 1_000_000;
  const messages = breaches.map((b) => ({
    path: b.path,
    message: breachLine(b, pricePerToken, requestsPerMonth),
  }));
  const exitCode = breaches.length && o.exitOnBreach ? 1 : 0;
  const report = buildCountReport({
    rows,
    models,
    primary,
    sort: o.sort,
    ...(o.top ? { top: o.top } : {}),
    requestsPerMonth,
    skipped: { ...found.skipped, binary },
    breaches,
    messages: messages.map((m) => m.message),
    baseline: baselineInfo,
    savedBaseline: o.saveBaseline,
  });
  const diagnostics: string[] = [];
  if (p.format !== 'table' && p.format !== 'markdown')
    diagnostics.push(...messages.map((m) => m.message));
  if (ctx.env.GITHUB_ACTIONS === 'true') {
    diagnostics.push(...annotations(messages));
    const summary = ctx.env.GITHUB_STEP_SUMMARY;
    if (summary) {
      const { renderMarkdown } = await import('../reporters/markdown.js');
      const failed = appendStepSummary(summary, renderMarkdown(report));
      if (failed) diagnostics.push(failed);
    }
  }
  return ok(p.render(report), diagnostics, exitCode);
}

/** Standard input as text; a clear error when it is too large for one string (rather than V8's). */
export function decodeStdin(buf: Buffer, maxBytes = MAX_STRING_BYTES): string {
  if (buf.length > maxBytes)
    throw new UsageError(
      `standard input is ${Math.round(buf.length / 2 ** 20)} MB, more than can be counted as one text`,
      'split it into files and count the folder',
    );
  return buf.toString('utf8');
}
