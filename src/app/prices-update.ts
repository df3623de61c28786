import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { failure, UsageError } from '../errors.js';
import { writeFileAtomic } from '../files/write-atomic.js';
import { loadModels } from '../pricing/catalog-data.js';
import { buildCatalog, type BuiltCatalog } from '../pricing/generator/build-catalog.js';
import type { GProvider } from '../pricing/generator/genai.js';
import type { LEntry } from '../pricing/generator/litellm.js';
import {
  catalogFile,
  readUserCatalog,
  type SourceStamp,
  type UserCatalog,
} from '../pricing/user-catalog.js';
import { int } from '../reporters/format-values.js';
import type { Prepared } from './prepared.js';
import { catalogChanges, tenfold } from './prices-changes.js';
import { changesReport } from './prices-report.js';
import { fetchSource, kindOf, type Fetched } from './prices-fetch.js';
import { ok, type AppResult } from './result.js';

export interface PricesUpdateOptions {
  from: string[];
  force: boolean;
  timeoutMs: number;
  /** The user's cache folder. */
  dir: string;
  cwd: string;
  /** The time now: the updated catalog is dated its UTC day. */
  now: Date;
  /** Progress lines, on a terminal only. */
  progress: (line: string) => void;
}

type Kind = SourceStamp['kind'];
type Maps = Partial<Record<Kind, { body: unknown; stamp: SourceStamp }>>;

const rawFile = (dir: string, kind: Kind) => join(dir, `${kind}.json`);

/** The body kept from the last update, for a source that answered 304. */
function keptBody(dir: string, kind: Kind): unknown {
  try {
    return JSON.parse(readFileSync(rawFile(dir, kind), 'utf8'));
  } catch {
    throw new UsageError(
      `the ${kind} map kept from the last update (${rawFile(dir, kind)}) is missing or damaged`,
      'remove the cache folder and run llmcost prices update again',
    );
  }
}

/** Each source's body by the map it is; a 304 reuses the body kept from the last update. */
function mapsOf(results: Fetched[], prev: UserCatalog | undefined, dir: string): Maps {
  const maps: Maps = {};
  for (const r of results) {
    let kind: Kind | undefined;
    let entry: { body: unknown; stamp: SourceStamp };
    if (r.notModified) {
      // A 304 comes only for a source of the last update (fetchSource sent its stamp).
      const stamp = prev!.sources.find((s) => s.from === r.from)!;
      kind = stamp.kind;
      entry = { body: keptBody(dir, kind), stamp };
    } else {
      kind = kindOf(r.body);
      if (!kind)
        throw new UsageError(
          `${r.from}: neither genai-prices' provider list nor LiteLLM's model table`,
        );
      entry = {
        body: r.body,
        stamp: {
          kind,
          from: r.from,
          ...(r.etag ? { etag: r.etag } : {}),
          ...(r.lastModified ? { lastModified: r.lastModified } : {}),
        },
      };
    }
    const twice = maps[kind];
    if (twice) throw new UsageError(`two ${kind} maps given (${twice.stamp.from}, ${r.from})`);
    maps[kind] = entry;
  }
  return maps;
}

function build(maps: Maps, today: string): BuiltCatalog {
  const { 'genai-prices': g, litellm: l } = maps;
  if (!g || !l)
    throw new UsageError(
      `the catalog needs both maps; got only ${g ? 'genai-prices' : 'LiteLLM'}`,
      'give --from twice: the genai-prices data and the LiteLLM model table',
    );
  let built: BuiltCatalog;
  try {
    built = buildCatalog({
      genai: g.body as GProvider[],
      litellm: l.body as Record<string, LEntry>,
      genaiDate: today,
      litellmDate: today,
      genaiLabel: `genai-prices (fetched ${today})`,
      checked: {},
      fallback: new Map(loadModels().map((r) => [r.id, r])),
    });
  } catch (err) {
    throw new UsageError(`the price maps have an unexpected shape: ${(err as Error).message}`);
  }
  const bad = built.records.find(
    (r) => !r.prices.length || r.prices.some((p) => !(p.input >= 0 && p.output >= 0)),
  );
  if (bad) throw new UsageError(`the maps give ${bad.id} no usable price: nothing was written`);
  return built;
}

function save(dir: string, maps: Maps, catalog: UserCatalog): void {
  try {
    mkdirSync(dir, { recursive: true });
    for (const [kind, m] of Object.entries(maps) as [Kind, { body: unknown }][])
      writeFileAtomic(rawFile(dir, kind), JSON.stringify(m.body));
    writeFileAtomic(catalogFile(dir), JSON.stringify(catalog));
  } catch (err) {
    throw new UsageError(
      `cannot write the catalog to ${dir}: ${failure(err)}`,
      'the catalog in use is unchanged; free space or set LLMCOST_CACHE_DIR',
    );
  }
}

/** fetch -> build with the generator -> check -> write atomically to the cache folder. */
export async function runPricesUpdate(p: Prepared, o: PricesUpdateOptions): Promise<AppResult> {
  const found = readUserCatalog(o.dir);
  const prev = found && !('unusable' in found) ? found : undefined;
  const results: Fetched[] = [];
  for (const from of o.from) {
    o.progress(`llmcost: reading ${from}`);
    const stamp = prev?.sources.find((s) => s.from === from);
    results.push(await fetchSource(from, o.cwd, o.timeoutMs, stamp));
  }
  if (prev && results.every((r) => r.notModified))
    return ok(
      `already current: the catalog updated ${prev.catalogDate} (${int(prev.records.length)} models)\n`,
    );
  const maps = mapsOf(results, prev, o.dir);
  const today = o.now.toISOString().slice(0, 10);
  const built = build(maps, today);
  const changes = catalogChanges(p.book.records, built.records);
  const moved = tenfold(changes);
  if (moved.length && !o.force) {
    const report = changesReport(
      { ...changes, repriced: moved, added: [], removed: [] },
      'refused',
    );
    return ok(
      p.render(report),
      [
        `llmcost: ${moved.length} model(s) moved more than 10x in price: nothing was written; check the maps, or --force accepts them`,
      ],
      1,
    );
  }
  save(o.dir, maps, {
    schemaVersion: 1,
    catalogDate: today,
    fetchedAt: o.now.toISOString(),
    sources: Object.values(maps).map((m) => m.stamp),
    records: built.records,
  });
  const kept = built.notes.filter((n) => n.endsWith('the bundled record is kept')).length;
  return ok(
    p.render(changesReport(changes, 'updated', built.records.length, catalogFile(o.dir))),
    kept
      ? [`llmcost: ${kept} curated model(s) are not in the maps: their bundled records are kept`]
      : [],
  );
}
