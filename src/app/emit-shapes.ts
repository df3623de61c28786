/**
 * The count and cost cells of an `--emit` row as runs of ready bytes around the values that vary. Which
 * cells are a constant "0" follows from which counts are zero and which buckets the price charges: a zero
 * count's cell, and the cost cell of a zero count or of a bucket the price does not charge. A typical row
 * has three or four non-zero counts of thirteen, so its 25 count and cost cells (with their names in
 * JSONL) are written as ~8 copies and 6-8 numbers instead of ~50 pieces. Text as emit-text.ts writes it.
 */
import { BUCKETS } from '../core/buckets.js';
import type { RatePlan } from '../core/rate-plan.js';

/** The reasoning count's place in a run's values (the buckets are 0 to BUCKETS.length - 1). */
export const REASONING = -1;
const REQUESTS = BUCKETS.findIndex((b) => b.key === 'requests');
/** The count columns' sources in the schema's order: the buckets but requests, reasoning, requests. */
const COUNT_SOURCES = [
  ...BUCKETS.map((_, i) => i).filter((i) => i !== REQUESTS),
  REASONING,
  REQUESTS,
];

/** Ready bytes before each value and after the last (`segments.length === values.length + 1`). */
export interface Run {
  segments: Uint8Array[];
  /** Each value's bucket (REASONING: the reasoning count). */
  values: Int8Array;
}

/** A row's shape: its count cells from input's value on, and its cost cells from the first cost's name on. */
export interface Shape {
  counts: Run;
  /** Unpriced: one segment, every cost cell null. */
  costs: Run;
}

/** What a shape is made of: the count names but the first (it ends the model cells), the cost names, null. */
export interface ShapeNames {
  countNames: Uint8Array[];
  costNames: Uint8Array[];
  NULL: Uint8Array;
}

/** Bit `i` set: bucket i's count is not zero; bit BUCKETS.length: reasoning's. NaN counts are values too. */
export function zeroMask(counts: readonly (number | undefined)[], reasoning: number): number {
  let mask = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (n !== 0 && n !== undefined) mask |= 1 << i;
  }
  return reasoning !== 0 ? mask | (1 << BUCKETS.length) : mask;
}

const ZERO = Uint8Array.of(48);
const bitOf = (source: number) => (source === REASONING ? BUCKETS.length : source);

class RunBuilder {
  private readonly segments: Uint8Array[] = [];
  private readonly values: number[] = [];
  private pending: Uint8Array[] = [];

  text(b: Uint8Array): void {
    this.pending.push(b);
  }

  value(source: number): void {
    this.segments.push(Buffer.concat(this.pending));
    this.pending = [];
    this.values.push(source);
  }

  done(): Run {
    return {
      segments: [...this.segments, Buffer.concat(this.pending)],
      values: Int8Array.from(this.values),
    };
  }
}

/** The shape of rows whose non-zero counts are `mask`'s, at `plan` (undefined: unpriced). */
export function makeShape(names: ShapeNames, mask: number, plan: RatePlan | undefined): Shape {
  const counts = new RunBuilder();
  COUNT_SOURCES.forEach((source, k) => {
    if (k) counts.text(names.countNames[k - 1]!);
    if (mask & (1 << bitOf(source))) counts.value(source);
    else counts.text(ZERO);
  });
  const costs = new RunBuilder();
  // A price that is not a finite number could make even a zero count's cost something else: a value.
  const charged = new Map(plan?.map((s) => [s.index, Number.isFinite(s.perUnit * s.scale)]));
  names.costNames.forEach((name, i) => {
    costs.text(name);
    if (!plan) costs.text(names.NULL);
    else if (!charged.has(i)) costs.text(ZERO);
    else if (mask & (1 << i) || !charged.get(i)) costs.value(i);
    else costs.text(ZERO);
  });
  return { counts: counts.done(), costs: costs.done() };
}
