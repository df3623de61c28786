import { joinKey } from './join-key.js';
import { own } from './own.js';
import { costOf } from './cost.js';
import type { PriceBook } from './price-book.js';
import { PriceKeys, type PriceKey } from './pricing-keys.js';
import type { Calendar } from './time-buckets.js';
import {
  addModalities,
  addUsage,
  emptyUsage,
  ZERO_BUCKETS,
  type ModelRecord,
  type TokenBuckets,
  type Usage,
} from './types.js';
import type { UsageRecord } from './usage-record.js';
import { promptTokens } from './buckets.js';

/** `block` groups by UTC hour here; app/analyze-blocks.ts joins the hours into 5-hour blocks. */
export type Dim = 'day' | 'week' | 'month' | 'block' | 'model' | 'provider' | { field: string };
export type CostSource = 'auto' | 'log' | 'calculate';

export interface Location {
  file: string;
  line: number;
}

export interface Bucket extends TokenBuckets {
  price: PriceKey;
  logged: boolean;
}

export interface GroupAcc {
  keys: string[];
  usage: Usage;
  records: number;
  loggedCost: number;
  /** Records whose logged cost is in `loggedCost` (those of unknown models too). */
  loggedRecords: number;
  buckets: Map<string, Bucket>;
  unpriced: Usage;
  unpricedModels: Set<string>;
  /** The earliest and latest record time (ms), for sessions' and blocks' first and last activity. */
  first?: number;
  last?: number;
}

/** Billed amounts of cost reports for one day and line item. */
export interface BilledLine {
  day: string;
  lineItem: string;
  cost: number;
  records: number;
}

export interface TopRequest {
  cost: number;
  model: string;
  location: Location;
  tokens: number;
}

export interface AggregateOptions {
  dims: Dim[];
  calendar: Calendar;
  costSource: CostSource;
  reprice: ModelRecord[];
  top: number;
  /** Also sum per day, model and provider (the HTML report's stacked and share charts). */
  dayModels?: boolean;
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return a.length === b.length;
}

/** The name a group of these key values is kept under (a partial's groups are checked against it). */
export function groupName(keys: readonly string[]): string {
  return keys.length === 1 ? keys[0]! : joinKey(keys);
}

export function newGroup(keys: string[]): GroupAcc {
  return {
    keys,
    usage: emptyUsage(),
    records: 0,
    loggedCost: 0,
    loggedRecords: 0,
    buckets: new Map(),
    unpriced: emptyUsage(),
    unpricedModels: new Set(),
  };
}

/** The bucket under `key`, created empty on first use. */
function bucketIn(map: Map<string, Bucket>, key: string, price: PriceKey, logged: boolean): Bucket {
  let b = map.get(key);
  if (!b) map.set(key, (b = { ...ZERO_BUCKETS, price, logged }));
  return b;
}

function addTokens(b: TokenBuckets, r: UsageRecord): void {
  b.input += r.input;
  b.cacheRead += r.cacheRead;
  b.cacheWrite5m += r.cacheWrite5m;
  b.cacheWrite1h += r.cacheWrite1h;
  b.output += r.output;
  addModalities(b, r);
  // For a per-request fee (Perplexity's Sonar): the requests these tokens are the sum of.
  b.requests = (b.requests ?? 0) + r.requests;
}

/** Sums usage per group and per pricing key as records stream in; nothing is priced until the end. */
export class Aggregator {
  readonly groups = new Map<string, GroupAcc>();
  readonly days = new Map<string, GroupAcc>();
  readonly total = newGroup([]);
  readonly reprice: Map<string, Bucket>[];
  readonly top: TopRequest[] = [];
  /** With `dayModels`: sums per day, model and provider, keyed day NUL model NUL provider. */
  readonly dayModels = new Map<string, GroupAcc>();
  /** Cost-report lines by day and line item, kept out of the token-based groups. */
  readonly billed = new Map<string, BilledLine>();
  batchFallbacks = 0;
  /**
   * Told of every request as it is counted, with the catalog record and the price key it got (absent:
   * unpriced) and whether the log's own cost is the one counted: `analyze --emit` writes it out.
   */
  onCounted?: (r: UsageRecord, at: Location, price: PriceKey | undefined, useLog: boolean) => void;
  private readonly keys = new PriceKeys();

  constructor(
    private readonly book: PriceBook,
    private readonly o: AggregateOptions,
  ) {
    this.reprice = o.reprice.map(() => new Map());
  }

  add(r: UsageRecord, at: Location): void {
    if (r.lineItem !== undefined) return this.addBilled(r);
    const res = this.book.resolve(r.model, r.servedBy);
    const record = res.ok ? res.record : undefined;
    const useLog = this.o.costSource !== 'calculate' && r.loggedCost !== undefined;
    const priceable = record && (this.o.costSource !== 'log' || r.loggedCost !== undefined);
    const prompt = r.promptSize ?? promptTokens(r) / (r.requests || 1);
    const price = priceable ? this.keys.keyFor(record, r.timestamp, prompt, !!r.batch) : undefined;
    if (price?.batchFallback) this.batchFallbacks++;
    const day = this.o.calendar.day(r.timestamp);
    const dims = this.o.dims;
    let g: GroupAcc | undefined;
    if (dims.length === 1) {
      const gk = this.dimValue(dims[0]!, r, record, day);
      g = this.groups.get(gk);
      if (!g) this.groups.set(gk, (g = newGroup([gk])));
    } else {
      const values = dims.map((d) => this.dimValue(d, r, record, day));
      // Joined plainly first, the escaping (joinKey) looked at only when that finds no group of these very
      // values: nearly every value is plain, and a plain join may equal another group's escaped name.
      g = this.groups.get(values.join('\u0000'));
      if (!g || !sameValues(g.keys, values)) {
        const gk = joinKey(values);
        g = this.groups.get(gk);
        if (!g) this.groups.set(gk, (g = newGroup(values)));
      }
    }
    let d = this.days.get(day);
    if (!d) this.days.set(day, (d = newGroup([day])));
    this.addTo(g, r, price, useLog);
    this.addTo(d, r, price, useLog);
    this.addTo(this.total, r, price, useLog);
    if (this.o.dayModels) {
      const model = record?.id ?? r.model;
      const provider = record?.provider ?? '(unpriced)';
      const k = groupName([day, model, provider]);
      let dm = this.dayModels.get(k);
      if (!dm) this.dayModels.set(k, (dm = newGroup([day, model, provider])));
      this.addTo(dm, r, price, useLog);
    }
    if (this.o.top > 0 && price) this.offerTop(r, price, useLog, at);
    this.onCounted?.(r, at, price, useLog);
    for (let i = 0; i < this.o.reprice.length; i++) {
      const target = this.o.reprice[i]!;
      const pk = this.keys.keyFor(target, r.timestamp, prompt, !!r.batch);
      addTokens(bucketIn(this.reprice[i]!, pk.key, pk, false), r);
    }
  }

  private addBilled(r: UsageRecord): void {
    const day = this.o.calendar.day(r.timestamp);
    const key = `${day}\u0000${r.lineItem}`;
    let line = this.billed.get(key);
    if (!line) this.billed.set(key, (line = { day, lineItem: r.lineItem!, cost: 0, records: 0 }));
    line.cost += r.loggedCost ?? 0;
    line.records++;
  }

  private addTo(acc: GroupAcc, r: UsageRecord, price: PriceKey | undefined, useLog: boolean): void {
    addUsage(acc.usage, r);
    acc.records++;
    const t = r.timestamp;
    if (t !== undefined) {
      if (acc.first === undefined || t < acc.first) acc.first = t;
      if (acc.last === undefined || t > acc.last) acc.last = t;
    }
    // A cost the log carries counts even where the catalog has no price: only the calculated cost of
    // an unknown model is unpriced.
    if (useLog) {
      acc.loggedCost += r.loggedCost!;
      acc.loggedRecords++;
    }
    if (!price) {
      addUsage(acc.unpriced, r);
      acc.unpricedModels.add(r.model);
      return;
    }
    const b = bucketIn(acc.buckets, useLog ? `${price.key}|L` : price.key, price, useLog);
    addTokens(b, r);
  }

  private dimValue(d: Dim, r: UsageRecord, record: ModelRecord | undefined, day: string): string {
    switch (d) {
      case 'day':
        return day;
      case 'week':
        return this.o.calendar.week(r.timestamp);
      case 'month':
        return this.o.calendar.month(r.timestamp);
      case 'block':
        return this.o.calendar.hour(r.timestamp);
      case 'model':
        return record?.id ?? r.model;
      case 'provider':
        return record?.provider ?? r.tags?.provider ?? '(unpriced)';
      default:
        // `--by` field paths were resolved into tags as the record was read (readers/read-records.ts).
        return own(r.tags, d.field) ?? '(none)';
    }
  }

  /**
   * Keeps the `top` most expensive requests, most expensive first, an earlier one first among equals. Placed
   * by binary search: sorting the list for every record made a large `top` quadratic (20k records with
   * --top 1e6: 8 s against 0.5 s).
   */
  private offerTop(r: UsageRecord, price: PriceKey, useLog: boolean, at: Location): void {
    const cost = useLog ? r.loggedCost! : costOf(r, price.rates).total;
    const top = this.top;
    if (top.length >= this.o.top && cost <= top[top.length - 1]!.cost) return;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (top[mid]!.cost >= cost) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, { cost, model: r.model, location: at, tokens: promptTokens(r) + r.output });
    if (top.length > this.o.top) top.pop();
  }
}
