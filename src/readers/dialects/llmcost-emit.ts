import { BUCKETS, columnName } from '../../core/buckets.js';
import type { Outcome, UsageRecord } from '../../core/usage-record.js';
import { BadRecord, num, obj, optNum, str, time, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * The version of the rows `analyze --emit` writes (app/emit-schema.ts writes it; this reads it). 2 added
 * `image_output` and `cost_image_output` (generated images priced apart); rows of 1, without them, are
 * read too.
 */
export const EMIT_SCHEMA_VERSION = 2;
const READS = new Set([1, 2]);

/** Every count column of a row but requests, by the bucket registry's names (input, cache_read, ...). */
const COUNTS = BUCKETS.filter((b) => b.key !== 'requests').map((b) => ({
  key: b.key,
  column: columnName(b.key),
}));

const REQUIRED = new Set<string>(['input', 'cacheRead', 'cacheWrite5m', 'cacheWrite1h', 'output']);

/**
 * Rows llmcost wrote with `analyze --emit` (JSONL, or CSV where every value is text), read back bucket for
 * bucket: a subset of them (`jq 'select(.tags.team == "search")'`) gives the report those rows gave. Each
 * row is one counted request, already de-duplicated. The model as logged, with the provider that priced it
 * as the serving provider, resolves to the catalog record that priced it. A row of another schema version
 * is malformed, never guessed.
 */
export const llmcostEmit: Dialect = {
  name: 'llmcost-emit',
  detect: (o) => 'schema_version' in o && 'calculated_cost' in o && 'model_id' in o,
  normalize(o): Outcome {
    const version = o.schema_version;
    if (!READS.has(typeof version === 'string' ? Number(version) : (version as number)))
      throw new BadRecord(`unsupported schema_version (this llmcost reads 1 and 2)`);
    const model = str(o.model);
    if (!model) return { invalid: 'model' };
    const r = { model } as UsageRecord;
    const ts = time(o.ts);
    if (ts !== undefined) r.timestamp = ts;
    for (const c of COUNTS) {
      const n = num(o[c.column], c.column);
      // The optional buckets (audio, image, web searches) are left out when 0, as the dialects leave them.
      if (n || REQUIRED.has(c.key)) r[c.key] = n;
    }
    r.reasoning = num(o.reasoning, 'reasoning');
    r.requests = num(o.requests, 'requests');
    // A row that sums requests it does not count (Anthropic's usage report) was tiered by what its log said,
    // not by its sum: the tier it was priced at stands (none: the base price).
    if (r.requests === 0 && str(o.model_id)) {
      const threshold = optNum(o.tier_threshold, 'tier_threshold');
      r.promptSize = threshold === undefined ? 0 : threshold + 1;
    }
    if (o.batch === true || o.batch === 'true') r.batch = true;
    const logged = optNum(o.logged_cost, 'logged_cost');
    if (logged !== undefined) r.loggedCost = logged;
    const provider = str(o.provider);
    if (provider) r.servedBy = provider;
    const tags = tagsOf(o.tags);
    if (tags) r.tags = tags;
    return r;
  },
};

/** The tags column: an object of strings (JSONL), its JSON text (CSV), or empty. */
function tagsOf(v: unknown): Record<string, string> | undefined {
  let t: unknown = v;
  if (typeof v === 'string' && v !== '') {
    try {
      t = JSON.parse(v);
    } catch {
      throw new BadRecord('invalid tags (not JSON)');
    }
  }
  const o: Obj | undefined = obj(t);
  if (t === null || t === undefined || t === '') return undefined;
  if (!o || Object.values(o).some((x) => typeof x !== 'string'))
    throw new BadRecord('invalid tags (expected an object of strings)');
  return Object.assign(Object.create(null) as Record<string, string>, o);
}
