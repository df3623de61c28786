import { constants } from 'node:buffer';
import type { Context } from '../context.js';
import { priceRequest } from '../core/price-request.js';
import { ZERO_BUCKETS, type ModelRecord } from '../core/types.js';
import { perDay } from '../core/workload.js';
import { codeText, UsageError } from '../errors.js';
import { displayPath } from '../files/paths.js';
import { counterFor } from '../tokenize/count.js';
import { countText, decodeText, type FileCount, type FileResult } from '../tokenize/count-file.js';
import { framingFor, reframed } from '../tokenize/chat.js';
import type { EncodingName } from '../tokenize/encoding.js';
import { countingFor, type Counting } from '../tokenize/families.js';
import { countFiles } from '../tokenize/pool.js';
import { countInputs } from './count-inputs.js';
import type { CountRow } from './count-report.js';
import type { CountOptions } from './count-options.js';

/** UTF-8 of at most this many bytes always fits in one string (V8's limit is in UTF-16 code units). */
const MAX_STRING_BYTES = constants.MAX_STRING_LENGTH;

/** Standard input as text; a clear error when it is too large for one string (rather than V8's). */
export function decodeStdin(buf: Buffer, maxBytes = MAX_STRING_BYTES): string {
  if (buf.length > maxBytes)
    throw new UsageError(
      `standard input is ${Math.round(buf.length / 2 ** 20)} MB, more than can be counted as one text`,
      'split it into files and count the folder',
    );
  return decodeText(buf);
}

/** A file as messages name it; `-` is standard input. */
const shown = (cwd: string, path: string) =>
  path === '-' ? 'standard input' : displayPath(cwd, path);

/** The files' counts in every encoding asked for; an unreadable file is a usage error. */
export async function countAll(
  ctx: Context,
  o: CountOptions,
  encodings: EncodingName[],
): Promise<{
  counted: FileCount[];
  binary: number;
  skipped: { ignored: number; excluded: number };
}> {
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
  if (found.stdinBuffer) {
    const counters = await Promise.all(encodings.map(counterFor));
    results.push(countText('-', decodeStdin(found.stdinBuffer), counters, !!o.raw));
  }
  const unreadable = results.find(
    (r): r is Extract<FileResult, { skipped: string }> =>
      'skipped' in r && r.skipped === 'unreadable',
  );
  if (unreadable)
    throw new UsageError(
      `cannot read ${displayPath(ctx.cwd, unreadable.path)}: ${codeText(unreadable.reason ?? 'unreadable')}`,
    );
  const counted = results.filter((r): r is FileCount => !('skipped' in r));
  const binary = results.filter((r) => 'skipped' in r && r.skipped === 'binary');
  // As for a glob that matches nothing: a gate over files that were all binary must not pass on zero.
  if (!counted.length && binary.length)
    throw new UsageError(
      `nothing to count: ${binary.length === 1 ? `${shown(ctx.cwd, binary[0]!.path)} is binary` : `all ${binary.length} inputs are binary`}`,
      'name the text files (a binary file holds a NUL byte in its first 8 KB)',
    );
  return { counted, binary: binary.length, skipped: found.skipped };
}

/**
 * What sending a file once costs on `record`: its own tokenizer's count, a chat file framed as that model
 * frames messages (gpt-3.5-turbo-0301's differ).
 */
export function inputCost(
  record: ModelRecord,
  f: Pick<FileCount, 'tokens' | 'chat'>,
  day: string,
): number {
  const counted = f.tokens[countingFor(record.tokenizer).encoding] ?? 0;
  const tokens = f.chat ? reframed(counted, f.chat, framingFor(record)) : counted;
  return priceRequest(record, { ...ZERO_BUCKETS, input: tokens }, { day }).cost.total;
}

/** Requests a month, when --requests was given. */
export function requestsPerMonth(o: CountOptions): number | undefined {
  return o.requests === undefined
    ? undefined
    : perDay(o.requests, o.per, o.daysPerMonth) * o.daysPerMonth;
}

/** A table row per counted file: tokens in the primary encoding, and input cost per model. */
export function countRows(
  ctx: Context,
  counted: FileCount[],
  models: ModelRecord[],
  primary: Counting,
  o: CountOptions,
): CountRow[] {
  const perMonth = requestsPerMonth(o);
  return counted.map((f) => {
    const tokens = f.tokens[primary.encoding] ?? 0;
    const costs = Object.fromEntries(models.map((m) => [m.id, inputCost(m, f, o.date)]));
    return {
      path: f.path === '-' ? '(stdin)' : displayPath(ctx.cwd, f.path),
      kind: f.kind,
      tokens,
      chars: f.chars,
      charsPerToken: tokens ? f.chars / tokens : null,
      costs,
      ...(perMonth !== undefined
        ? {
            monthly: Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, v * perMonth])),
          }
        : {}),
    };
  });
}
