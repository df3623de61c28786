import type { ReadSink } from '../readers/read-records.js';
import type { Location } from '../core/aggregate.js';
import { int } from '../reporters/format-values.js';

/** How many malformed lines a report names. */
export const SAMPLES = 5;

/**
 * A reason can carry a value from the log (`OpenCode <role> message`), and a hostile log of a million
 * distinct ones made a report of megabytes. A report names the REPORTED_REASONS most frequent of each kind
 * (skipped, duplicates, malformed, dialects; ties by name, so any thread count names the same ones) and
 * counts the rest together under OTHER_REASONS. Counting keeps up to KEPT_REASONS per kind exactly, a bound
 * on memory only a hostile log reaches.
 */
export const REPORTED_REASONS = 1000;
export const OTHER_REASONS = 'other reasons (past 1,000 kinds)';
const KEPT_REASONS = 100_000;

/** How many reasons a line of the text report names, the most frequent first. */
const SHOWN_REASONS = 6;

/** The reasons a report names, most frequent first, the rest folded into OTHER_REASONS. */
export function reported(m: Map<string, number>): [string, number][] {
  const sorted = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const named = sorted.filter(([r]) => r !== OTHER_REASONS);
  if (named.length <= REPORTED_REASONS) return sorted;
  let other = m.get(OTHER_REASONS) ?? 0;
  for (const [, n] of named.slice(REPORTED_REASONS)) other += n;
  return [...named.slice(0, REPORTED_REASONS), [OTHER_REASONS, other] as [string, number]].sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
}

/** `n reason, n reason, … and k more kinds` for a text report (JSON lists every reported reason). */
export function reasonList(m: Map<string, number>, shown = SHOWN_REASONS): string {
  const all = reported(m);
  const named = all.slice(0, shown).map(([r, n]) => `${int(n)} ${r}`);
  const rest = all.length - shown;
  return rest > 0
    ? `${named.join(', ')} and ${rest} more kinds (--json lists them)`
    : named.join(', ');
}

/** What happened to every line and record that did not become usage, by reason (the readers' sink). */
export class Tally implements ReadSink {
  lines = 0;
  records = 0;
  filtered = 0;
  /** Records with usage but no model name: kept, unpriced, under UNKNOWN_MODEL. */
  withoutModel = 0;
  readonly skipped = new Map<string, number>();
  readonly duplicates = new Map<string, number>();
  readonly malformed = new Map<string, number>();
  readonly samples: (Location & { reason: string })[] = [];
  readonly dialects = new Map<string, number>();
  /** Response ids a parallel read could not remember (its shared id set was full): see analyze-parallel.ts. */
  forgottenIds = 0;
  /** Tag names and top-level fields of records that lacked a --by field: suggestions for a typo. */
  readonly fieldsSeen = new Set<string>();

  notUsage(reason: string): void {
    this.bump(this.skipped, reason);
  }

  dialect(name: string): void {
    this.bump(this.dialects, name);
  }

  bump(map: Map<string, number>, reason: string, n = 1): void {
    const had = map.get(reason);
    if (had !== undefined) map.set(reason, had + n);
    else if (map.size < KEPT_REASONS || reason === OTHER_REASONS) map.set(reason, n);
    else map.set(OTHER_REASONS, (map.get(OTHER_REASONS) ?? 0) + n);
  }

  bad(reason: string, at: Location): void {
    this.bump(this.malformed, reason);
    if (this.samples.length < SAMPLES) this.samples.push({ ...at, reason });
  }

  count(map: Map<string, number>): number {
    let n = 0;
    for (const v of map.values()) n += v;
    return n;
  }

  toJSON() {
    // Ties by name: the order must not depend on which thread met a reason first.
    const obj = (m: Map<string, number>) => Object.fromEntries(reported(m));
    return {
      lines: this.lines,
      records: this.records,
      filtered: this.filtered,
      withoutModel: this.withoutModel,
      skipped: obj(this.skipped),
      duplicates: obj(this.duplicates),
      malformed: obj(this.malformed),
      malformedSamples: this.samples,
      dialects: obj(this.dialects),
    };
  }
}

/** Adds another thread's tally (a structured clone of a Tally) into `into`; its lines shift by `lineOffset`. */
export function mergeTally(into: Tally, from: Tally, lineOffset: number): void {
  into.lines += from.lines;
  into.records += from.records;
  into.filtered += from.filtered;
  into.withoutModel += from.withoutModel;
  for (const key of ['skipped', 'duplicates', 'malformed', 'dialects'] as const) {
    for (const [reason, n] of from[key]) into.bump(into[key], reason, n);
  }
  for (const f of from.fieldsSeen) into.fieldsSeen.add(f);
  for (const s of from.samples) {
    if (into.samples.length >= SAMPLES) break;
    into.samples.push({ ...s, line: s.line + lineOffset });
  }
}
