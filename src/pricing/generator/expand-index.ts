import { GENERAL_RELEASE, nameKeys } from '../../core/resolve-name.js';
import type { ModelRecord, PricePeriod } from '../../core/types.js';
import { nameHosted } from './expand-names.js';
import { apart } from './expand-prices.js';
import { FIRST_PARTY } from './providers.js';

/**
 * The catalog as it grows: its records, their names per provider (to find the record a source model
 * already is), and the names of re-sellers' and platforms' records, which wait for the pass that sees
 * every record (expand-names.ts).
 */
export class CatalogIndex {
  readonly records: ModelRecord[];
  readonly curated: Set<ModelRecord>;
  private readonly byProvider = new Map<string, Map<string, ModelRecord>>();
  private readonly ids: Set<string>;
  private readonly hosted = new Map<ModelRecord, Set<string>>();
  private readonly prefixOf = new Map<ModelRecord, string[]>();

  constructor(curated: ModelRecord[]) {
    this.records = curated.map((r) => ({ ...r, aliases: [...r.aliases] }));
    this.curated = new Set(this.records);
    this.ids = new Set(this.records.map((r) => r.id));
    for (const r of this.records)
      this.claim(r, [
        r.id.toLowerCase(),
        r.id.replace(/^[a-z-]+\//, '').toLowerCase(),
        ...r.aliases,
      ]);
  }

  private indexOf(p: string): Map<string, ModelRecord> {
    let index = this.byProvider.get(p);
    if (!index) this.byProvider.set(p, (index = new Map()));
    return index;
  }

  /** Gives `r` the names no other record of its provider has taken. */
  claim(r: ModelRecord, names: string[]): void {
    const index = this.indexOf(r.provider);
    for (const n of names) {
      if (!index.has(n)) index.set(n, r);
      if (n === r.id.toLowerCase() || index.get(n) !== r) continue;
      const waiting = this.hosted.get(r);
      if (waiting) waiting.add(n);
      else if (!r.aliases.includes(n)) r.aliases.push(n);
    }
  }

  uniqueId(provider: string, name: string): string {
    const bare = FIRST_PARTY.has(provider) ? name : `${provider}/${name}`;
    return this.ids.has(bare) ? `${provider}/${name}` : bare;
  }

  /**
   * The record of this provider a model is, by one of its names, or by the keys analyze would derive from
   * them (a dated snapshot, a version suffix) when that record's current prices are the model's: a snapshot
   * with prices of its own stays a record of its own.
   */
  knownAs(
    provider: string,
    names: string[],
    prices: PricePeriod | undefined,
  ): ModelRecord | undefined {
    const index = this.indexOf(provider);
    const exact = names.map((n) => index.get(n)).find(Boolean);
    if (exact || !prices) return exact;
    for (const n of names)
      for (const k of nameKeys(n).slice(1)) {
        // A preview read as its general release is no sign that the two are one model.
        if (k.step === GENERAL_RELEASE) continue;
        const hit = index.get(k.key);
        const cur = hit?.prices[hit.prices.length - 1];
        if (hit && cur && !apart(cur.input, prices.input) && !apart(cur.output, prices.output))
          return hit;
      }
    return undefined;
  }

  add(r: ModelRecord, names: string[], prefixes: string[]): void {
    this.ids.add(r.id);
    this.records.push(r);
    if (r.provider !== r.creator) {
      this.hosted.set(r, new Set());
      this.prefixOf.set(r, [...prefixes, r.provider]);
    }
    this.claim(r, names);
  }

  /** The records, hosted names settled and aliases sorted. */
  finish(): ModelRecord[] {
    nameHosted(this.records, this.hosted, this.prefixOf);
    for (const r of this.records) r.aliases.sort();
    return this.records;
  }
}
