import type {
  Aggregator,
  BilledLine,
  Bucket,
  GroupAcc,
  Location,
  TopRequest,
} from './aggregate.js';
import { addModalities, addUsage, type TokenBuckets } from './types.js';

/** An Aggregator's sums as plain data, to send between threads. */
export interface AggregateState {
  groups: [string, GroupAcc][];
  days: [string, GroupAcc][];
  total: GroupAcc;
  reprice: [string, Bucket][][];
  top: TopRequest[];
  billed: [string, BilledLine][];
  dayModels: [string, GroupAcc][];
  batchFallbacks: number;
}

export function stateOf(a: Aggregator): AggregateState {
  return {
    groups: [...a.groups],
    days: [...a.days],
    total: a.total,
    reprice: a.reprice.map((m) => [...m]),
    top: a.top,
    billed: [...a.billed],
    dayModels: [...a.dayModels],
    batchFallbacks: a.batchFallbacks,
  };
}

function mergeBuckets<B extends TokenBuckets>(
  into: Map<string, B>,
  from: Iterable<[string, B]>,
): void {
  for (const [k, b] of from) {
    const mine = into.get(k);
    if (!mine) {
      into.set(k, { ...b });
      continue;
    }
    mine.input += b.input;
    mine.cacheRead += b.cacheRead;
    mine.cacheWrite5m += b.cacheWrite5m;
    mine.cacheWrite1h += b.cacheWrite1h;
    mine.output += b.output;
    addModalities(mine, b);
    if (b.requests) mine.requests = (mine.requests ?? 0) + b.requests;
  }
}

export function mergeGroup(into: GroupAcc, from: GroupAcc): void {
  addUsage(into.usage, from.usage);
  into.records += from.records;
  into.loggedCost += from.loggedCost;
  into.loggedRecords += from.loggedRecords;
  mergeBuckets(into.buckets, from.buckets);
  addUsage(into.unpriced, from.unpriced);
  for (const m of from.unpricedModels) into.unpricedModels.add(m);
  if (from.first !== undefined && (into.first === undefined || from.first < into.first))
    into.first = from.first;
  if (from.last !== undefined && (into.last === undefined || from.last > into.last))
    into.last = from.last;
}

const byCostThenPlace = (x: TopRequest, y: TopRequest) =>
  y.cost - x.cost || x.location.line - y.location.line;

/** Adds another thread's sums into `a`; its line numbers are shifted by `lineOffset` first. */
export function mergeState(
  a: Aggregator,
  s: AggregateState,
  lineOffset: number,
  top: number,
): void {
  for (const [map, entries] of [
    [a.groups, s.groups],
    [a.days, s.days],
    [a.dayModels, s.dayModels],
  ] as const) {
    for (const [k, g] of entries) {
      const mine = map.get(k);
      if (mine) mergeGroup(mine, g);
      else map.set(k, g);
    }
  }
  mergeGroup(a.total, s.total);
  s.reprice.forEach((entries, i) => mergeBuckets(a.reprice[i]!, entries));
  a.batchFallbacks += s.batchFallbacks;
  for (const [k, line] of s.billed) {
    const mine = a.billed.get(k);
    if (!mine) a.billed.set(k, { ...line });
    else {
      mine.cost += line.cost;
      mine.records += line.records;
    }
  }
  const shifted = s.top.map((t) => ({ ...t, location: shift(t.location, lineOffset) }));
  const merged = [...a.top, ...shifted].sort(byCostThenPlace).slice(0, top);
  a.top.splice(0, a.top.length, ...merged);
}

export function shift(at: Location, by: number): Location {
  return by ? { file: at.file, line: at.line + by } : at;
}
