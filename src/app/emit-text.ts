/**
 * `--emit` rows as JSON lines or CSV, written from the counted request itself. The text is exactly what the
 * generic encoder (files/text-rows.ts) makes of emitRow's row (a test holds them equal), in a third of
 * its time: no row array a request and no type test a cell; the cells that repeat are ready bytes
 * (emit-pieces.ts), the count and cost cells runs of them around the non-zero values (emit-shapes.ts),
 * numbers and times written digit by digit, the costs priced into one reused array.
 */
import type { Location } from '../core/aggregate.js';
import { BUCKETS } from '../core/buckets.js';
import { PricedCounts } from '../core/rate-plan.js';
import type { PriceKey } from '../core/pricing-keys.js';
import type { UsageRecord } from '../core/usage-record.js';
import type { ByteOut } from '../files/byte-out.js';
import { numberText } from '../files/text-rows.js';
import { EmitPieces } from './emit-pieces.js';
import { REASONING, zeroMask, type Run } from './emit-shapes.js';

/** `r`'s counts into `n` in the registry's order, read by name (a loop over key names was a slow keyed load a cell). */
function readCounts(r: UsageRecord, n: (number | undefined)[]): (number | undefined)[] {
  n[0] = r.input;
  n[1] = r.cacheRead;
  n[2] = r.cacheWrite5m;
  n[3] = r.cacheWrite1h;
  n[4] = r.output;
  n[5] = r.audioInput;
  n[6] = r.audioCacheRead;
  n[7] = r.imageInput;
  n[8] = r.audioOutput;
  n[9] = r.imageOutput;
  n[10] = r.webSearches;
  n[11] = r.requests;
  return n;
}
// A record whose every count is its bucket's position proves the reads above follow the registry.
const probe = Object.fromEntries(BUCKETS.map((b, i) => [b.key, i])) as unknown as UsageRecord;
const read = readCounts(probe, []);
if (read.length !== BUCKETS.length || read.some((v, i) => v !== i))
  throw new Error('emit-text.ts reads the buckets in an order the registry no longer has');

export type EmitEncode = (
  r: UsageRecord,
  at: Location,
  price: PriceKey | undefined,
  useLog: boolean,
) => void;

/**
 * An encoder of emit rows into `out` (one `room(0)` a row covers its fixed part, as in text-rows.ts;
 * pieces of any length ask for room). `lineOffset`: lines before a worker's byte range.
 */
export function emitTextEncoder(format: 'jsonl' | 'csv', out: ByteOut, lineOffset = 0): EmitEncode {
  const p = new EmitPieces(format);
  const { NULL } = p;
  const counts = new Array<number | undefined>(BUCKETS.length).fill(0);
  const priced = new PricedCounts();
  const piece = (b: Uint8Array) => {
    out.room(b.length);
    out.bytes(b);
  };
  let lastDouble = NaN;
  let lastDoubleText = '';
  const number = (v: number) => {
    if ((v | 0) === v) out.number(v);
    else if (p.jsonl && !Number.isFinite(v)) out.bytes(NULL);
    else {
      // A logged cost stands twice in a row (logged_cost, then cost): its digits are found once.
      if (v !== lastDouble) lastDoubleText = numberText((lastDouble = v));
      out.ascii(lastDoubleText);
    }
  };
  /** A cost priced exactly is written from its decimal, not found again from its double. */
  const cost = (units: number, places: number, v: number) => {
    if (units === units) out.decimal(units, places);
    else number(v);
  };

  /** A run's ready bytes and values (emit-shapes.ts); `cost`: the values are the priced counts' costs. */
  const writeRun = (run: Run, r: UsageRecord, costs: PricedCounts | undefined) => {
    const { segments, values } = run;
    for (let k = 0; k < values.length; k++) {
      const s = segments[k]!;
      if (s.length) out.bytes(s);
      const i = values[k]!;
      if (costs) cost(costs.units[i]!, costs.places[i]!, costs.cost[i]!);
      else number(i === REASONING ? r.reasoning : (counts[i] ?? 0));
    }
    const last = segments[values.length]!;
    if (last.length) out.bytes(last);
  };
  /** calculated_cost's and cost's values, of the counts read (the cost cells follow in the shape's run). */
  const writeTotals = (
    c: PricedCounts | undefined,
    useLog: boolean,
    logged: number | undefined,
  ) => {
    if (c) cost(c.totalUnits, c.totalPlaces, c.total);
    else out.bytes(NULL);
    out.bytes(p.costName);
    if (useLog && logged !== undefined) number(logged);
    else if (c && !useLog) cost(c.totalUnits, c.totalPlaces, c.total);
    else out.bytes(NULL);
  };

  return (r, at, price, useLog) => {
    out.room(0);
    out.bytes(p.start);
    const ms = r.timestamp;
    // Digits written in place; a time past the years 0-9999, or none, from the cached cells.
    if (ms === undefined || !out.isoTime(ms, p.jsonl)) piece(p.time(ms));
    piece(p.file(at.file));
    out.number(at.line + lineOffset);
    const { entry, cells } = p.known(r, price);
    piece(cells);
    const shape = p.shape(entry, zeroMask(readCounts(r, counts), r.reasoning));
    writeRun(shape.counts, r, undefined);
    piece(entry.tails[r.batch ? 1 : 0]!);
    const logged = r.loggedCost;
    if (logged === undefined) out.bytes(NULL);
    else number(logged);
    out.bytes(p.calculatedName);
    const c = entry.plan && priced.price(entry.plan, counts);
    writeTotals(c, useLog, logged);
    writeRun(shape.costs, r, c);
    out.bytes(p.tagsName);
    piece(p.tags(r.tags));
    out.bytes(p.end);
  };
}
