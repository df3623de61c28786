import { Aggregator, type CostSource, type Dim } from '../core/aggregate.js';
import type { PriceBook } from '../core/price-book.js';
import { Calendar } from '../core/time-buckets.js';
import type { ModelRecord } from '../core/types.js';
import type { Dialect } from '../readers/dialects/types.js';
import { admitter } from './analyze-filters.js';
import { forcedDialect } from './analyze-sources.js';
import { resolveModel } from './resolve-model.js';

/** Everything that decides how records are read and summed, as plain data a worker thread can receive. */
export interface EngineSpec {
  by: Dim[];
  tz: string;
  since?: string;
  until?: string;
  models?: string[];
  costSource: CostSource;
  top?: number;
  repriceAs?: string[];
  dialectName?: string;
  map?: string;
  /** Sum per day, model and provider too (for the HTML report). */
  dayModels?: boolean;
}

export interface Engine {
  aggregator: Aggregator;
  admit: ReturnType<typeof admitter>;
  dialect: Dialect | undefined;
  /** `--by` field paths, resolved into tags as records are read. */
  fields: string[];
  reprice: ModelRecord[];
}

export function buildEngine(book: PriceBook, spec: EngineSpec): Engine {
  const calendar = new Calendar(spec.tz);
  const reprice = (spec.repriceAs ?? []).map((m) => resolveModel(book, m, '--reprice-as'));
  const aggregator = new Aggregator(book, {
    dims: spec.by,
    calendar,
    costSource: spec.costSource,
    reprice,
    top: spec.top ?? 0,
    dayModels: spec.dayModels === true,
  });
  return {
    aggregator,
    admit: admitter(book, spec, calendar),
    dialect: forcedDialect(spec.dialectName, spec.map),
    fields: spec.by.flatMap((d) => (typeof d === 'string' ? [] : [d.field])),
    reprice,
  };
}
