import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ModelRecord } from '../core/types.js';
import { CATALOG_DATE } from './catalog-meta.js';

/** Where a source of an updated catalog came from, and what it said for the next conditional request. */
export interface SourceStamp {
  kind: 'genai-prices' | 'litellm';
  from: string;
  etag?: string;
  lastModified?: string;
}

/** A catalog `llmcost prices update` wrote to the user's cache folder. */
export interface UserCatalog {
  schemaVersion: 1;
  /** The day it was fetched and built (YYYY-MM-DD, UTC). */
  catalogDate: string;
  fetchedAt: string;
  sources: SourceStamp[];
  records: ModelRecord[];
}

/** Which catalog a run prices with. */
export interface CatalogChoice {
  date: string;
  source: 'bundled' | 'updated';
  /** The updated catalog's file, for threads that load their own. */
  file?: string;
}

export const BUNDLED: CatalogChoice = { date: CATALOG_DATE, source: 'bundled' };

/** `$LLMCOST_CACHE_DIR`, else `$XDG_CACHE_HOME/llmcost`, else `~/.cache/llmcost`. */
export function cacheDir(env: Record<string, string | undefined>, home: string): string {
  if (env.LLMCOST_CACHE_DIR) return env.LLMCOST_CACHE_DIR;
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'llmcost');
}

export const catalogFile = (dir: string) => join(dir, 'catalog.json');

/**
 * The updated catalog in `dir`, or why it cannot be used (absent: undefined; unreadable or of another
 * shape: a reason, and the bundled catalog is used).
 */
export function readUserCatalog(dir: string): UserCatalog | { unusable: string } | undefined {
  let text: string;
  try {
    text = readFileSync(catalogFile(dir), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // No file there, or no folder that could hold one: no updated catalog.
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? undefined
      : { unusable: `cannot read it (${code ?? 'error'})` };
  }
  try {
    const doc = JSON.parse(text) as Partial<UserCatalog>;
    if (
      doc.schemaVersion !== 1 ||
      typeof doc.catalogDate !== 'string' ||
      !Array.isArray(doc.records) ||
      !Array.isArray(doc.sources)
    )
      return { unusable: 'not a catalog llmcost wrote' };
    // Every record as pricing reads it: a hand-edited or damaged file must not crash a run mid-way.
    const bad = doc.records.findIndex((r) => !usableRecord(r));
    if (bad >= 0) return { unusable: `record ${bad + 1} is not a usable model record` };
    return doc as UserCatalog;
  } catch {
    return { unusable: 'not JSON' };
  }
}

const price = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function usableRecord(r: unknown): boolean {
  if (!r || typeof r !== 'object') return false;
  const m = r as Partial<ModelRecord>;
  return (
    typeof m.id === 'string' &&
    typeof m.provider === 'string' &&
    typeof m.creator === 'string' &&
    Array.isArray(m.aliases) &&
    m.aliases.every((a) => typeof a === 'string') &&
    Array.isArray(m.prices) &&
    m.prices.length > 0 &&
    m.prices.every((p) => p && price(p.input) && price(p.output))
  );
}

/** The newer of the bundled and the updated catalog, unless the bundled one is asked for. */
export function chooseCatalog(
  mode: 'auto' | 'bundled',
  dir: string,
): { choice: CatalogChoice; user?: UserCatalog; warning?: string } {
  if (mode === 'bundled') return { choice: BUNDLED };
  const user = readUserCatalog(dir);
  if (!user) return { choice: BUNDLED };
  if ('unusable' in user)
    return {
      choice: BUNDLED,
      warning: `llmcost: the updated catalog ${catalogFile(dir)} is unusable (${user.unusable}); using the bundled one. Run llmcost prices update.`,
    };
  if (user.catalogDate <= CATALOG_DATE) return { choice: BUNDLED };
  return {
    choice: { date: user.catalogDate, source: 'updated', file: catalogFile(dir) },
    user,
  };
}
