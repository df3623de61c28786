import type { Aggregator, Location } from '../core/aggregate.js';
import { ClaimTable } from '../core/claim-table.js';
import {
  countedFirst,
  KeepLargest,
  RecentIds,
  type Claims,
  type Held,
  type IdSet,
} from '../core/dedup.js';
import { UNKNOWN_MODEL, type UsageRecord } from '../core/usage-record.js';
import { displayPath } from '../files/paths.js';
import type { Dialect } from '../readers/dialects/types.js';
import { readRecords } from '../readers/read-records.js';
import { Tally } from './analyze-tally.js';

export interface Admit {
  /** false when --since/--until/--model leave the record out. */
  (r: UsageRecord): boolean;
}

export interface RunInput {
  sources: string[];
  cwd: string;
  stdin?: NodeJS.ReadableStream;
  /** Read only this byte range of the (single) source: one thread's share of a large log. */
  range?: { start: number; end: number };
  /** Response ids seen so far; shared between threads reading byte ranges of one log. */
  ids?: IdSet;
  /** Keep streaming snapshots for the caller to merge across threads, instead of adding them. */
  deferSnapshots?: boolean;
  /** The responses counted in earlier files; shared by the threads reading a tree (analyze-tree.ts). */
  claims?: ClaimTable;
  /** Hand each file's de-duplication over to be settled later, in file order (analyze-tree.ts). */
  deferFiles?: (unit: Unsettled) => void;
  /** Add to this tally instead of a new one (a thread reading many files). */
  tally?: Tally;
  dialect?: Dialect;
  /** `--by` field paths, resolved into tags as records are read. */
  fields: string[];
  admit: Admit;
  aggregator: Aggregator;
  /** Called after every batch of lines, for a progress line (and, on a tree, to settle files). */
  progress?: (lines: number) => void | Promise<void>;
  /** Name each record's dialect on it (for --emit). */
  nameDialect?: boolean;
}

export type Snapshot = Held<Location>;

/** One file's records that wait on de-duplication against the files before it. */
export interface Unsettled {
  snapshots: KeepLargest<Location>;
  /** Records logged whole under a response id ("keep first"), in the order read. */
  firsts: Snapshot[];
}

export interface RunResult {
  tally: Tally;
  /** Newlines read (line numbers of the next range start after them). */
  lines: number;
  /** With deferSnapshots: the snapshots kept so far and how many were collapsed. */
  held: Snapshot[];
  collapsed: number;
}

const AGAIN = 'same response id logged again';
/** A snapshot of a response counted already: in an earlier file, or logged whole (its final message). */
export const COPY = 'response already counted (an earlier file or its final message)';

/**
 * Counts a file's waiting records against the responses of the files before it (see ClaimTable): the
 * same outcome whether the file is settled as soon as it is read or by another thread, later, in order.
 */
export function settleFile(u: Unsettled, claims: Claims, tally: Tally, agg: Aggregator): void {
  for (const h of u.firsts) {
    if (claims.claim(h.record.dedup!.key, undefined, false)) agg.add(h.record, h.extra);
    else tally.bump(tally.duplicates, AGAIN);
  }
  const { kept, replays, copies } = u.snapshots.settle(claims);
  if (u.snapshots.collapsed)
    tally.bump(tally.duplicates, 'streaming snapshot of the same response', u.snapshots.collapsed);
  if (replays) tally.bump(tally.duplicates, 'sidechain replay of a parent message', replays);
  if (copies) tally.bump(tally.duplicates, COPY, copies);
  for (const h of kept) agg.add(h.record, h.extra);
}

/**
 * Reads every source (readers/) and admits, de-duplicates and sums what it yields. A response logged
 * more than once counts once: within a file its largest snapshot (or its first copy), across files the
 * copy in the earliest file (settleFile), so memory follows the largest file, not the whole tree.
 */
export async function runAnalysis(i: RunInput): Promise<RunResult> {
  const tally = i.tally ?? new Tally();
  const claims = i.claims ?? new ClaimTable();
  // A stream of unknown length remembers recent ids only (bounded memory); files count against claims.
  const recent =
    i.ids ?? (i.sources.length === 1 && i.sources[0] === '-' ? new RecentIds() : undefined);
  let unit: Unsettled = { snapshots: new KeepLargest<Location>(), firsts: [] };
  const take = (r: UsageRecord, at: Location) => {
    tally.records++;
    if (r.model === UNKNOWN_MODEL) tally.withoutModel++;
    if (!i.admit(r)) {
      tally.filtered++;
      return;
    }
    if (r.dedup?.keep === 'first') {
      if (i.deferFiles && !recent) return void unit.firsts.push({ record: r, extra: at });
      if (!(recent ? recent.add(r.dedup.key) : claims.claim(r.dedup.key, undefined, false)))
        return tally.bump(tally.duplicates, AGAIN);
    } else if (r.dedup?.keep === 'largest') {
      return unit.snapshots.offer(r, at);
    }
    i.aggregator.add(r, at);
  };
  let lines = 0;
  for (const source of i.sources) {
    const file = source === '-' ? '(stdin)' : displayPath(i.cwd, source);
    let newlines = 0;
    for await (const batch of readRecords(source, {
      file,
      ...(i.stdin ? { stdin: i.stdin as AsyncIterable<Buffer> } : {}),
      ...(i.range ? { range: i.range } : {}),
      ...(i.dialect ? { dialect: i.dialect } : {}),
      fields: i.fields,
      sink: tally,
      onRecord: take,
      ...(i.nameDialect ? { nameDialect: true } : {}),
    })) {
      newlines = batch.newlines;
      await i.progress?.(tally.lines);
    }
    lines += newlines;
    if (i.deferSnapshots) continue;
    if (i.deferFiles) i.deferFiles(unit);
    else settleFile(unit, recent ? countedFirst(recent, claims) : claims, tally, i.aggregator);
    unit = { snapshots: new KeepLargest<Location>(), firsts: [] };
  }
  if (!i.deferSnapshots) return { tally, lines, held: [], collapsed: 0 };
  return {
    tally,
    lines,
    held: unit.snapshots.held(),
    collapsed: unit.snapshots.collapsed,
  };
}
