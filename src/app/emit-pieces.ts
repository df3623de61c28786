/**
 * The pieces of an `--emit` row's text that repeat from row to row, as ready bytes (emit-text.ts writes
 * the rest): each column's name (JSONL) or comma (CSV), and the cells that follow from the time, the file,
 * the model with its price key, and the tags. Text as files/text-rows.ts writes it.
 */
import { ratePlan, type RatePlan } from '../core/rate-plan.js';
import type { PriceKey } from '../core/pricing-keys.js';
import type { UsageRecord } from '../core/usage-record.js';
import { csvQuoted } from '../files/text-rows.js';
import { COST_COLUMNS, COUNT_COLUMNS, EMIT_COLUMNS, EMIT_SCHEMA_VERSION } from './emit-schema.js';
import { makeShape, type Shape } from './emit-shapes.js';

const bytesOf = (text: string): Uint8Array => Buffer.from(text, 'utf8');
/** Distinct prices, or models of one price, kept encoded; past that the cache starts again. */
const CACHE_MAX = 512;
/**
 * Row shapes kept over all prices (a few dozen in real logs; 2^13 a price at most, and a hostile log could
 * pair hundreds of prices with thousands of shapes): past this many they are all made again as needed.
 */
const SHAPES_MAX = 4096;

/** What follows from a price key (absent: unpriced). */
interface PriceEntry {
  plan?: RatePlan;
  /** From `batch` to `logged_cost`'s name: unbatched, batch. */
  tails: Uint8Array[];
  /** The model cells by dialect and model as logged. */
  models: Map<string | undefined, Map<string, Uint8Array>>;
  size: number;
  /** Count and cost cells by which counts are not zero (emit-shapes.ts); at most 2^13. */
  shapes: Map<number, Shape>;
}

/** A row's model as logged, dialect and price key, with its cells: `dialect` up to the first count's name. */
export interface Known {
  model: string;
  dialect: string | undefined;
  price: PriceKey | undefined;
  entry: PriceEntry;
  cells: Uint8Array;
}

export class EmitPieces {
  readonly jsonl: boolean;
  readonly NULL: Uint8Array;
  /** Up to the time's value. */
  readonly start: Uint8Array;
  /** Each count column's name but the first (the model cells end with it). */
  readonly countNames: Uint8Array[];
  readonly calculatedName: Uint8Array;
  readonly costName: Uint8Array;
  readonly costNames: Uint8Array[];
  readonly tagsName: Uint8Array;
  readonly end: Uint8Array;
  private readonly index = new Map(EMIT_COLUMNS.map((c, i) => [c.name, i]));
  private readonly prices = new Map<PriceKey | undefined, PriceEntry>();
  private shapes = 0;
  private last: Known | undefined;
  private lastMs: number | undefined = NaN;
  private timeCells: Uint8Array;
  private lastFile: string | undefined;
  private fileCells: Uint8Array;
  private lastTags: object | undefined;
  private tagsCells: Uint8Array;

  constructor(format: 'jsonl' | 'csv') {
    this.jsonl = format === 'jsonl';
    this.NULL = bytesOf(this.jsonl ? 'null' : '');
    this.timeCells = this.fileCells = this.tagsCells = this.NULL;
    this.start = bytesOf(`${this.name('schema_version')}${EMIT_SCHEMA_VERSION}${this.name('ts')}`);
    this.countNames = COUNT_COLUMNS.slice(1).map((c) => bytesOf(this.name(c)));
    this.calculatedName = bytesOf(this.name('calculated_cost'));
    this.costName = bytesOf(this.name('cost'));
    this.costNames = COST_COLUMNS.map((c) => bytesOf(this.name(c)));
    this.tagsName = bytesOf(this.name('tags'));
    this.end = bytesOf(this.jsonl ? '}\n' : '\n');
  }

  /** What stands before column `col`'s value: its name in JSONL, a comma in CSV. */
  private name(col: string): string {
    const i = this.index.get(col)!;
    return this.jsonl ? `${i ? ',' : '{'}${JSON.stringify(col)}:` : i ? ',' : '';
  }

  private cell(v: string | number | object | null | undefined): string {
    if (v === null || v === undefined) return this.jsonl ? 'null' : '';
    if (typeof v === 'number') return this.jsonl && !Number.isFinite(v) ? 'null' : String(v);
    if (this.jsonl) return JSON.stringify(v);
    return csvQuoted(typeof v === 'string' ? v : JSON.stringify(v));
  }

  /** The time's cell (ISO 8601; none past a Date's range), kept for the rows of the same millisecond. */
  time(ms: number | undefined): Uint8Array {
    if (ms === this.lastMs) return this.timeCells;
    this.lastMs = ms;
    const iso = ms !== undefined && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : '';
    return (this.timeCells = iso ? bytesOf(this.jsonl ? `"${iso}"` : iso) : this.NULL);
  }

  /** From the file's name to the line's name. */
  file(file: string): Uint8Array {
    if (file === this.lastFile) return this.fileCells;
    this.lastFile = file;
    return (this.fileCells = bytesOf(`${this.name('file')}${this.cell(file)}${this.name('line')}`));
  }

  /** The tags' cell; one tags object is often shared by every row of a session. */
  tags(tags: object | undefined): Uint8Array {
    if (tags === this.lastTags) return this.tagsCells;
    this.lastTags = tags;
    return (this.tagsCells = tags && hasKeys(tags) ? bytesOf(this.cell(tags)) : this.NULL);
  }

  /** The row's model cells and price entry. */
  known(r: UsageRecord, price: PriceKey | undefined): Known {
    const last = this.last;
    // Many rows repeat the row before: three comparisons instead of three lookups.
    if (last && r.model === last.model && r.dialect === last.dialect && price === last.price)
      return last;
    const e = this.entry(price);
    let byModel = e.models.get(r.dialect);
    if (!byModel) e.models.set(r.dialect, (byModel = new Map()));
    let cells = byModel.get(r.model);
    if (!cells) {
      // Unpriced rows may name any number of models.
      if (e.size++ >= CACHE_MAX) {
        e.models.clear();
        e.size = 1;
        e.models.set(r.dialect, (byModel = new Map()));
      }
      const { name, cell } = this.bound();
      cells = bytesOf(
        `${name('dialect')}${cell(r.dialect)}${name('model')}${cell(r.model)}${name('model_id')}${cell(price?.record.id)}${name('provider')}${cell(price?.record.provider)}${name(COUNT_COLUMNS[0]!)}`,
      );
      byModel.set(r.model, cells);
    }
    return (this.last = { model: r.model, dialect: r.dialect, price, entry: e, cells });
  }

  /** The count and cost cells of `entry`'s rows whose non-zero counts are `mask`'s. */
  shape(entry: PriceEntry, mask: number): Shape {
    let shape = entry.shapes.get(mask);
    if (shape) return shape;
    if (this.shapes++ >= SHAPES_MAX) {
      for (const e of this.prices.values()) e.shapes.clear();
      this.shapes = 1;
    }
    entry.shapes.set(mask, (shape = makeShape(this, mask, entry.plan)));
    return shape;
  }

  private entry(price: PriceKey | undefined): PriceEntry {
    let e = this.prices.get(price);
    if (e) return e;
    if (this.prices.size >= CACHE_MAX) {
      this.prices.clear();
      this.shapes = 0;
    }
    const { name, cell } = this.bound();
    const rest = `${name('price_from')}${cell(price?.from)}${name('tier_threshold')}${cell(price?.rates.tierThreshold)}${name('time_window')}${cell(price?.rates.window)}${name('logged_cost')}`;
    e = {
      ...(price ? { plan: ratePlan(price.rates) } : {}),
      tails: [false, true].map((b) => bytesOf(`${name('batch')}${b}${rest}`)),
      models: new Map(),
      size: 0,
      shapes: new Map(),
    };
    this.prices.set(price, e);
    return e;
  }

  private bound() {
    return {
      name: (c: string) => this.name(c),
      cell: (v: string | number | undefined) => this.cell(v),
    };
  }
}

function hasKeys(o: object): boolean {
  for (const _ in o) return true;
  return false;
}
