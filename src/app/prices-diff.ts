import type { ModelRecord } from '../core/types.js';
import { loadModels } from '../pricing/catalog-data.js';
import { readUserCatalog } from '../pricing/user-catalog.js';
import type { Prepared } from './prepared.js';
import { catalogChanges, type CatalogChanges, type Repriced } from './prices-changes.js';
import { changesReport } from './prices-report.js';
import { ok, type AppResult } from './result.js';

/** Dated price changes the records themselves carry, in force from `since` on: each period against the one before. */
function datedSince(records: readonly ModelRecord[], since: string): Repriced[] {
  const out: Repriced[] = [];
  for (const r of records)
    r.prices.forEach((p, i) => {
      const before = r.prices[i - 1];
      if (!before || !p.from || p.from < since) return;
      const f = Math.max(
        p.input / before.input,
        before.input / p.input,
        p.output / before.output,
        before.output / p.output,
      );
      out.push({
        id: r.id,
        provider: r.provider,
        old: {
          input: before.input,
          output: before.output,
          ...(before.from ? { from: before.from } : {}),
        },
        new: { input: p.input, output: p.output, from: p.from },
        factor: Number.isFinite(f) ? f : Infinity,
      });
    });
  return out;
}

/**
 * The bundled catalog against the updated one (models added, removed, repriced, old -> new); with
 * `since`, also the dated price changes in force from that day in the catalog in use.
 */
export function runPricesDiff(p: Prepared, dir: string, since: string | undefined): AppResult {
  const found = readUserCatalog(dir);
  const updated = found && !('unusable' in found) ? found : undefined;
  const empty: CatalogChanges = { added: [], removed: [], repriced: [] };
  const changes = updated ? catalogChanges(loadModels(), updated.records) : empty;
  const dated = since ? datedSince(p.book.records, since) : [];
  const heading = updated
    ? `bundled catalog (${loadModels().length} models) -> updated ${updated.catalogDate} (${updated.records.length} models)`
    : 'no updated catalog: llmcost prices update fetches one';
  const all = { ...changes, repriced: [...changes.repriced, ...dated] };
  const sinceLine = since ? [`${dated.length} dated price change(s) in force since ${since}`] : [];
  const report = changesReport(all, 'diff', undefined, undefined, heading);
  report.sections.splice(
    1,
    0,
    ...(sinceLine.length ? [{ kind: 'text' as const, lines: sinceLine }] : []),
  );
  return ok(
    p.render(report),
    updated || since ? [] : ['llmcost: no updated catalog to compare with'],
  );
}
