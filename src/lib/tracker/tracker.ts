import type { Writable } from 'node:stream';
import { costOf } from '../../core/cost.js';
import { PriceKeys } from '../../core/pricing-keys.js';
import { promptTokens } from '../../core/buckets.js';
import { Calendar, isValidTimeZone } from '../../core/time-buckets.js';
import type { UsageRecord } from '../../core/usage-record.js';
import { defaultPricing, type Pricing } from '../catalog.js';
import { toMs } from '../dates.js';
import { InvalidArgumentError } from '../errors.js';
import { normalizeOne, normalizeRecords } from '../normalize.js';
import { parseBudgetSpec, type BudgetInput } from './budget-spec.js';
import { BudgetState } from './budget-state.js';
import type { BudgetStatus, CheckResult } from './budget-types.js';
import { checkNextCall, type CheckRequest } from './check.js';
import { logLine } from './log-line.js';
import { LogSink } from './log-sink.js';
import { readLinesSync } from './read-log.js';
import { SpendTable, type Summary, type SummaryDim } from './spend-table.js';

export interface TrackerOptions {
  /** Where each call is appended as a flat llmcost JSONL record: a file path or a stream you own. */
  log?: string | Writable;
  /** Budgets per day, week or month: `'100/week'` or `{ amount, per, warnAt }`. */
  budgets?: BudgetInput | readonly BudgetInput[];
  /** Tags on every call (a call's own tags win), e.g. `{ service: 'search' }`. */
  tags?: Record<string, string>;
  /** The time of a call. Default: `Date.now`. */
  clock?: () => number | Date;
  /** Days, weeks and months of budgets and summaries. Default: the system time zone (as `analyze`). */
  timeZone?: string;
  /** `'throw'`: `check()` throws BudgetExceededError instead of returning a deny. */
  guard?: 'throw' | 'report';
  pricing?: Pricing;
}

export interface RecordOptions {
  tags?: Record<string, string>;
  /** The model, for responses that do not name it (Bedrock Converse). */
  model?: string;
  /** The call went through a Batch API (priced at batch rates). */
  batch?: boolean;
}

export interface TrackedCall {
  /** The usage as normalized, in exclusive buckets. */
  usage: UsageRecord;
  /** The catalog id, or undefined for a model the catalog does not know. */
  catalogId: string | undefined;
  /** USD; null when the model is unpriced. */
  cost: number | null;
  /** ISO time the call was recorded at. */
  timestamp: string;
}

export interface Tracker {
  /** Normalizes, prices and logs one response (or a finished stream's chunks). Throws INVALID_USAGE. */
  record(response: unknown, opts?: RecordOptions): TrackedCall;
  /** Totals, grouped like `analyze --by` (model, day, week, month, provider, or a tag's name). */
  summary(opts?: { by?: SummaryDim | readonly SummaryDim[] }): Summary;
  /** allow / warn / deny for the worst case of the next call against the budgets' current periods. */
  check(req: CheckRequest): CheckResult;
  /** Each budget's current period: spent, remaining, level. */
  budgets(): BudgetStatus[];
  flush(): void;
  close(): Promise<void>;
}

/**
 * A usage tracker. With a log path, the spend already in that log is read first (summary and budgets go on
 * from it, so a restart resets nothing), and `llmcost analyze LOG` gives the totals `summary()` gives.
 */
export function createTracker(opts: TrackerOptions = {}): Tracker {
  const pricing = opts.pricing ?? defaultPricing();
  const tz = opts.timeZone ?? (Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
  if (!isValidTimeZone(tz)) throw new InvalidArgumentError(`unknown time zone "${tz}"`);
  const calendar = new Calendar(tz);
  const clock = opts.clock ?? Date.now;
  const now = () => toMs(clock());
  const budgetList = opts.budgets === undefined ? [] : [opts.budgets].flat();
  const state = new BudgetState(budgetList.map(parseBudgetSpec));
  const table = new SpendTable();
  const keys = new PriceKeys();

  /** Prices one record the way analyze prices a log line (`--cost-source auto`) and counts it. */
  const account = (r: UsageRecord, at: number, tags: Record<string, string> | undefined) => {
    const res = pricing.book.resolve(r.model);
    let cost = r.loggedCost;
    if (cost === undefined && res.ok) {
      const pk = keys.keyFor(res.record, at, promptTokens(r) / (r.requests || 1), !!r.batch);
      cost = costOf(r, pk.rates).total;
    }
    const day = calendar.day(at);
    table.add({
      day,
      model: res.ok ? res.record.id : r.model,
      provider: res.ok ? res.record.provider : undefined,
      tags,
      usage: r,
      cost,
    });
    if (cost !== undefined) state.add(day, cost);
    return { cost, catalogId: res.ok ? res.record.id : undefined };
  };

  if (typeof opts.log === 'string') {
    readLinesSync(opts.log, (line) => {
      if (!line.trim()) return;
      try {
        for (const r of normalizeRecords(line)) account(r, r.timestamp ?? now(), r.tags);
      } catch {
        // Not a usage record (a torn last line after a crash): analyze counts it as malformed too.
      }
    });
  }
  const sink =
    opts.log === undefined
      ? undefined
      : typeof opts.log === 'string'
        ? new LogSink(opts.log, undefined)
        : new LogSink(undefined, opts.log);

  return {
    record(response, ro = {}) {
      const r = normalizeOne(response, ro.model ? { model: ro.model } : {});
      if (ro.batch) r.batch = true;
      const at = now();
      const tags = { ...opts.tags, ...r.tags, ...ro.tags };
      const hasTags = Object.keys(tags).length > 0;
      const { cost, catalogId } = account(r, at, hasTags ? tags : undefined);
      const id = r.dedup?.key.replace(/^[^:]*:/, '');
      sink?.write(logLine(r, at, cost, hasTags ? tags : undefined, id));
      const { dedup: _d, ...usage } = r;
      return { usage, catalogId, cost: cost ?? null, timestamp: new Date(at).toISOString() };
    },
    summary(so = {}) {
      const by = so.by === undefined ? [] : typeof so.by === 'string' ? [so.by] : [...so.by];
      return table.summary(by);
    },
    check(req) {
      const at = now();
      return checkNextCall(req, {
        pricing,
        keys,
        state,
        day: calendar.day(at),
        at,
        guard: opts.guard,
      });
    },
    budgets: () => state.status(calendar.day(now())),
    flush: () => sink?.flush(),
    close: async () => sink?.close(),
  };
}
