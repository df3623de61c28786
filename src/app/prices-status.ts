import type { Context } from '../context.js';
import { CATALOG_DATE, CATALOG_SIZE, CATALOG_SOURCES } from '../pricing/catalog-meta.js';
import { catalogFile, readUserCatalog } from '../pricing/user-catalog.js';
import { int } from '../reporters/format-values.js';
import type { Report } from '../reporters/report.js';
import type { Prepared } from './prepared.js';
import { ok, type AppResult } from './result.js';

const daysSince = (date: string, now: Date) =>
  Math.floor((now.getTime() - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);

/** Which catalog prices this machine's runs, its date, sources and age; the updated one if any. */
export function runPricesStatus(ctx: Context, p: Prepared, dir: string): AppResult {
  const now = ctx.now();
  const found = readUserCatalog(dir);
  const updated = found && !('unusable' in found) ? found : undefined;
  const lines = [
    `in use: the ${p.catalog.source} catalog of ${p.catalog.date} (${daysSince(p.catalog.date, now)} days old)`,
    `bundled: ${CATALOG_DATE}, ${int(CATALOG_SIZE)} models; ${CATALOG_SOURCES.join('; ')}`,
    updated
      ? `updated: ${updated.catalogDate}, ${int(updated.records.length)} models, fetched ${updated.fetchedAt} from ${updated.sources.map((s) => s.from).join(', ')} (${catalogFile(dir)})`
      : found && 'unusable' in found
        ? `updated: ${catalogFile(dir)} is unusable (${found.unusable}); llmcost prices update writes a new one`
        : `updated: none (llmcost prices update fetches the current maps into ${dir})`,
    'Only `llmcost prices update` goes to the network; every other command reads these files.',
  ];
  const report: Report = {
    json: {
      inUse: p.catalog.source,
      date: p.catalog.date,
      ageDays: daysSince(p.catalog.date, now),
      bundled: { date: CATALOG_DATE, models: CATALOG_SIZE, sources: CATALOG_SOURCES },
      updated: updated
        ? {
            date: updated.catalogDate,
            models: updated.records.length,
            fetchedAt: updated.fetchedAt,
            sources: updated.sources,
            file: catalogFile(dir),
          }
        : null,
    },
    sections: [{ kind: 'text', lines }],
    primary: {
      columns: [{ key: 'line', header: 'status' }],
      rows: lines.map((line) => ({ line })),
    },
  };
  return ok(p.render(report));
}
