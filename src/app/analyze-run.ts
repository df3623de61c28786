import type { Aggregator, Location } from '../core/aggregate.js';
import { KeepLargest, RecentIds, type Held, type IdSet } from '../core/dedup.js';
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
  /** Response ids seen so far; shared between threads reading one log. */
  ids?: IdSet;
  /** Keep streaming snapshots for the caller to merge across threads, instead of adding them. */
  deferSnapshots?: boolean;
  dialect?: Dialect;
  /** `--by` field paths, resolved into tags as records are read. */
  fields: string[];
  admit: Admit;
  aggregator: Aggregator;
  /** Called after every batch of lines, for a progress line. */
  progress?: (lines: number) => void;
}

export type Snapshot = Held<Location>;

export interface RunResult {
  tally: Tally;
  /** Newlines read (line numbers of the next range start after them). */
  lines: number;
  /** With deferSnapshots: the snapshots kept so far and how many were collapsed. */
  held: Snapshot[];
  collapsed: number;
}

/** Reads every source (readers/) and admits, de-duplicates and sums what it yields. */
export async function runAnalysis(i: RunInput): Promise<RunResult> {
  const tally = new Tally();
  const seen = i.ids ?? new RecentIds();
  const largest = new KeepLargest<Location>();
  const take = (r: UsageRecord, at: Location) => {
    tally.records++;
    if (r.model === UNKNOWN_MODEL) tally.withoutModel++;
    if (!i.admit(r)) {
      tally.filtered++;
      return;
    }
    if (r.dedup?.keep === 'first') {
      if (!seen.add(r.dedup.key))
        return tally.bump(tally.duplicates, 'same response id logged again');
    } else if (r.dedup?.keep === 'largest') {
      return largest.offer(r, at);
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
    })) {
      newlines = batch.newlines;
      i.progress?.(tally.lines);
    }
    lines += newlines;
  }
  if (i.deferSnapshots) return { tally, lines, held: largest.held(), collapsed: largest.collapsed };
  const { kept, replays } = largest.drain();
  if (largest.collapsed)
    tally.bump(tally.duplicates, 'streaming snapshot of the same response', largest.collapsed);
  if (replays) tally.bump(tally.duplicates, 'sidechain replay of a parent message', replays);
  for (const h of kept) i.aggregator.add(h.record, h.extra);
  return { tally, lines, held: [], collapsed: 0 };
}
