import { isDefaultView } from './default-view.js';
import { joinKey } from './join-key.js';
import { byCodeUnit } from './order.js';
import { own } from './own.js';
import { nameKeys } from './resolve-name.js';
import { nearest } from './similarity.js';
import type { ModelRecord } from './types.js';

export type Resolution =
  | { ok: true; record: ModelRecord; reason: string }
  /** `candidates` (nearest catalog names) is computed on first read: most misses are never shown. */
  | { ok: false; name: string; readonly candidates: string[] };

const PLATFORM_LABEL: Record<string, string> = {
  bedrock: 'Bedrock',
  'bedrock-global': 'Bedrock global',
  vertex: 'Vertex AI',
  azure: 'Azure',
  together: 'Together',
  groq: 'Groq',
};

/** The catalog with its name index. Resolution is deterministic; a name that matches nothing is unpriced. */
export class PriceBook {
  private indexed: Map<string, ModelRecord[]> | undefined;
  private readonly cache = new Map<string, Resolution>();
  private readonly servedCache = new Map<string, Resolution>();
  private loaded: readonly ModelRecord[] | undefined;

  /**
   * `records`, or a function that reads them when first needed; `view`, where the default view
   * (default-view.ts) was precompiled, reads just those records and says how many the catalog has: a
   * `compare` of the default view then never parses the whole catalog.
   */
  constructor(
    records: readonly ModelRecord[] | (() => readonly ModelRecord[]),
    private readonly view?: () => { records: readonly ModelRecord[]; total: number },
  ) {
    if (typeof records === 'function') this.load = records;
    else this.loaded = records;
  }

  private readonly load: (() => readonly ModelRecord[]) | undefined;

  get records(): readonly ModelRecord[] {
    return (this.loaded ??= this.load!());
  }

  /** The default view's records and the catalog's size. */
  defaultView(): { records: readonly ModelRecord[]; total: number } {
    if (this.view && !this.loaded) return this.view();
    const records = this.records;
    return { records: records.filter(isDefaultView), total: records.length };
  }

  /** Names to records, built on the first lookup: a `compare` of the whole catalog never needs it. */
  private get index(): Map<string, ModelRecord[]> {
    if (this.indexed) return this.indexed;
    const index = new Map<string, ModelRecord[]>();
    for (const r of this.records) {
      for (const key of new Set([r.id.toLowerCase(), ...r.aliases])) {
        const list = index.get(key);
        if (list) list.push(r);
        else index.set(key, [r]);
      }
    }
    return (this.indexed = index);
  }

  byId(id: string): ModelRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  /**
   * The record a name means; `servedBy`, the provider a log says served the call, picks that provider's
   * record of the model where the catalog has one, as a platform prefix in the name would.
   */
  resolve(name: string, servedBy?: string): Resolution {
    // A cache of its own for served names: a name holding \u0000 must not pass for a name served by someone.
    const cache = servedBy ? this.servedCache : this.cache;
    const key = servedBy ? joinKey([name, servedBy]) : name;
    const hit = cache.get(key);
    if (hit) return hit;
    const res = this.lookup(name, servedBy);
    // Bounded: a log with millions of distinct model names must not hold them all.
    if (cache.size >= 100_000) cache.clear();
    cache.set(key, res);
    return res;
  }

  /**
   * A bare family name (`llama-3.3`, `gemini-2.0`, `llama-3.1-70b`) completed to the one model it can mean:
   * every catalog name that continues it with one more part continues it with the same part (`gemini-2.0`
   * -> `gemini-2.0-flash`) or with one model size only (`llama-3.3` -> `llama-3.3-70b`), or an instruct or
   * chat release exists (`llama-3.1-70b` -> `llama-3.1-70b-instruct`). Anything more open (`llama-3.1`,
   * three sizes) stays unpriced, and so does a continuation that names another product of the family (a
   * TTS, image, audio or embedding model): `gemini-2.5-pro-preview` is not `gemini-2.5-pro-preview-tts`.
   */
  private familyOf(key: string): string | undefined {
    if (key.includes('/') || key.length < 4) return undefined;
    for (let depth = 0, at = key; depth < 2; depth++) {
      for (const s of FAMILY_SUFFIXES) if (this.index.has(`${at}-${s}`)) return `${at}-${s}`;
      const next = new Set<string>();
      for (const k of this.keysStartingWith(`${at}-`))
        next.add(k.slice(at.length + 1).split('-')[0]!);
      // One continuation, or of several exactly one model size (`llama-3.3` -> 70b beside its fine-tunes).
      const sizes = [...next].filter((p) => /^\d+(\.\d+)?[bm]$/.test(p));
      const part = next.size === 1 ? [...next][0] : sizes.length === 1 ? sizes[0] : undefined;
      if (part === undefined || OTHER_PRODUCT.test(part)) return undefined;
      at = `${at}-${part}`;
      if (this.index.has(at)) return at;
    }
    return undefined;
  }

  private sortedKeys: string[] | undefined;

  /** Index names that start with `prefix`, by binary search in the sorted names: a miss must stay cheap. */
  private *keysStartingWith(prefix: string): Generator<string> {
    const keys = (this.sortedKeys ??= [...this.index.keys()].sort(byCodeUnit));
    let lo = 0;
    let hi = keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < keys.length && keys[i]!.startsWith(prefix); i++) yield keys[i]!;
  }

  /** Of several records under one name: the serving provider's, the creator's own, else the first. */
  private preferred(found: ModelRecord[], servedBy?: string): ModelRecord {
    return (
      (servedBy ? found.find((r) => r.provider === servedBy) : undefined) ??
      found.find((r) => r.provider === r.creator) ??
      found[0]!
    );
  }

  private lookup(name: string, servedBy?: string): Resolution {
    const keys = nameKeys(name);
    for (const nk of keys) {
      // A platform's record is found by its id (`bedrock/mistral.mistral-large-2407-v1:0`,
      // `vertex/mistral-small-2503`) before the bare name: without this, the base name found another
      // version's list price (mistral-large-2411's), or the maker's where the platform charges more.
      const found =
        (nk.platform ? this.index.get(`${nk.platform}/${nk.key}`) : undefined) ??
        this.index.get(nk.key);
      if (!found?.length) continue;
      const how = nk.step === 'exact name' ? '' : ` after ${nk.step}`;
      if (servedBy && !nk.platform) {
        const served = found.find((r) => r.provider === servedBy);
        if (served)
          return {
            ok: true,
            record: served,
            reason: `"${nk.key}"${how}, served by ${label(servedBy)}`,
          };
      }
      if (nk.platform) {
        const own =
          found.find((r) => r.provider === nk.platform) ??
          (nk.platform === 'bedrock-global'
            ? found.find((r) => r.provider === 'bedrock')
            : undefined);
        if (own)
          return { ok: true, record: own, reason: `"${nk.key}" on ${label(own.provider)}${how}` };
        const first = found.find((r) => r.provider === r.creator) ?? found[0]!;
        return {
          ok: true,
          record: first,
          reason: `"${nk.key}"${how}; no ${label(nk.platform)} price in the catalog, so ${first.provider}'s list price`,
        };
      }
      // A name the maker's own record lists means the maker's price, even where it is also a reseller's
      // record id (genai-prices keeps Google's copy of Claude Sonnet 4 as `claude-4-sonnet`, which
      // Anthropic's record lists and Cursor logs: priced there it lost the long-context tier).
      const exactId = found.find((r) => r.id.toLowerCase() === nk.key);
      const own = found.find((r) => r.provider === r.creator);
      const chosen =
        (exactId && exactId.provider === exactId.creator ? exactId : own) ?? exactId ?? found[0]!;
      const kind = chosen === exactId ? 'catalog id' : 'alias';
      const on = Object.hasOwn(PLATFORM_LABEL, chosen.provider)
        ? ` on ${label(chosen.provider)}`
        : '';
      return { ok: true, record: chosen, reason: `${kind} "${nk.key}"${how}${on}` };
    }
    const last = keys.filter((k) => !k.fallback).at(-1)?.key ?? name;
    const family = this.familyOf(last);
    if (family) {
      const record = this.preferred(this.index.get(family)!, servedBy);
      return {
        ok: true,
        record,
        reason: `family name "${last}": "${family}" is the one model of that name in the catalog`,
      };
    }
    const pool = this.index;
    let candidates: string[] | undefined;
    return {
      ok: false,
      name,
      get candidates() {
        // Bounded by name length too: edit distance is quadratic in it.
        return (candidates ??= nearest(last.slice(0, 80), [...pool.keys()], 3));
      },
    };
  }
}

const FAMILY_SUFFIXES = ['instruct', 'chat'];
/** Continuations that name another product of a family, priced otherwise: never a family's completion. */
const OTHER_PRODUCT =
  /^(tts|audio|image|images|img|embed|embedding|embeddings|live|realtime|transcribe|speech|search|vision|video|native)$/;

function label(provider: string): string {
  return own(PLATFORM_LABEL, provider) ?? provider;
}
