import type { UsageRecord } from '../core/usage-record.js';
import { badReason, checkRecord } from '../readers/check-record.js';
import { DialectDetector } from '../readers/dialects/index.js';
import type { Obj } from '../readers/values.js';
import { InvalidUsageError } from './errors.js';
import { foldStream } from './fold-stream.js';

export type { UsageRecord };

/** A usage record as the library hands it out: without the reader's de-duplication key. */
function publicRecord(r: UsageRecord): UsageRecord {
  const { dedup: _d, ...rest } = r;
  return rest;
}

export interface NormalizeOptions {
  /**
   * The model, for responses that do not name it (Bedrock Converse responses carry no model id) or to
   * name the deployment it ran on.
   */
  model?: string;
}

/** Puts the caller's model name where each shape looks for it, when the object has none. */
function withModel(o: Obj, model: string | undefined): Obj {
  if (!model || o.model !== undefined || o.modelId !== undefined || o.modelVersion !== undefined)
    return o;
  return { ...o, model, modelId: model, modelVersion: model };
}

/**
 * Every usage record a response, a log line or a finished stream (an array of its chunks or events) holds,
 * normalized with the same dialect code `llmcost analyze` uses: OpenAI Chat Completions and Responses,
 * Anthropic Messages, Gemini, Bedrock Converse and InvokeModel, LiteLLM, Langfuse, OpenRouter, the flat
 * llmcost record and the rest of the formats `analyze` reads. Throws INVALID_USAGE when nothing in it is usage.
 */
export function normalizeUsageAll(value: unknown, opts: NormalizeOptions = {}): UsageRecord[] {
  return normalizeRecords(value, opts).map(publicRecord);
}

/** The records with their de-duplication keys (the tracker logs the response id from them). */
export function normalizeRecords(value: unknown, opts: NormalizeOptions = {}): UsageRecord[] {
  let o: unknown = value;
  if (typeof o === 'string') {
    try {
      o = JSON.parse(o);
    } catch {
      throw new InvalidUsageError('not JSON');
    }
  }
  if (Array.isArray(o)) o = foldStream(o);
  if (o === null || typeof o !== 'object' || Array.isArray(o))
    throw new InvalidUsageError(
      'no usage in this value (expected a response object or its stream)',
    );
  const obj = withModel(o as Obj, opts.model);
  let found: ReturnType<DialectDetector['normalize']>;
  try {
    found = new DialectDetector().normalize(obj);
  } catch (err) {
    throw new InvalidUsageError(badReason(err));
  }
  if (!found) throw new InvalidUsageError('no known usage shape in this object');
  const out = found.outcome;
  if (!Array.isArray(out) && 'skip' in out)
    throw new InvalidUsageError(`${found.dialect}: ${out.skip}`);
  if (!Array.isArray(out) && 'invalid' in out)
    throw new InvalidUsageError(`${found.dialect}: ${out.invalid}`);
  const records = Array.isArray(out) ? out : [out];
  try {
    for (const r of records) checkRecord(r);
  } catch (err) {
    throw new InvalidUsageError(`${found.dialect}: ${badReason(err)}`);
  }
  return records;
}

/**
 * The usage record of one response (or one finished stream): exclusive token buckets, the model as the
 * response names it, a timestamp when it carries one. Throws INVALID_USAGE when the value holds no usage
 * or several records (use {@link normalizeUsageAll} for a usage report with many rows).
 */
export function normalizeUsage(value: unknown, opts: NormalizeOptions = {}): UsageRecord {
  return publicRecord(normalizeOne(value, opts));
}

/** The one record of a response, with its de-duplication key. */
export function normalizeOne(value: unknown, opts: NormalizeOptions = {}): UsageRecord {
  const all = normalizeRecords(value, opts);
  if (all.length !== 1)
    throw new InvalidUsageError(
      `this value holds ${all.length} usage records; use normalizeUsageAll()`,
    );
  return all[0]!;
}
