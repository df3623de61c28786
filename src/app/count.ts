import type { Context } from '../context.js';
import type { ModelRecord } from '../core/types.js';
import type { EncodingName } from '../tokenize/encoding.js';
import { countingFor } from '../tokenize/families.js';
import { budgetOutcome } from './budget-outcome.js';
import { countAll, countRows, decodeStdin, requestsPerMonth } from './count-compute.js';
import { gate } from './count-gated.js';
import type { CountOptions } from './count-options.js';
import { buildCountReport } from './count-report.js';
import { annotations, appendStepSummary } from './github.js';
import type { Prepared } from './prepared.js';
import { resolveModel } from './resolve-model.js';
import { ok, type AppResult } from './result.js';

export type { CountOptions };
export { decodeStdin };

/** Models to price (the first picks the tokenizer) and the encodings to count in. */
function tokenizers(p: Prepared, o: CountOptions) {
  const models: ModelRecord[] = (o.models?.length ? o.models : ['gpt-4o']).map((m) =>
    resolveModel(p.book, m, '--models'),
  );
  const primary = o.encoding
    ? { encoding: o.encoding, exact: true }
    : countingFor(models[0]!.tokenizer);
  const encodings = [
    ...new Set<EncodingName>([
      primary.encoding,
      ...models.map((m) => countingFor(m.tokenizer).encoding),
    ]),
  ];
  return { models, primary, encodings };
}

/** count -> gate -> report; on GitHub Actions, annotations and a step summary too. */
export async function runCount(ctx: Context, p: Prepared, o: CountOptions): Promise<AppResult> {
  const { models, primary, encodings } = tokenizers(p, o);
  const { counted, binary, skipped } = await countAll(ctx, o, encodings);
  const rows = countRows(ctx, counted, models, primary, o);
  const files = rows.map((r) => ({ path: r.path, tokens: r.tokens }));
  const g = gate(ctx, p, o, files, primary, models[0]!);
  const lines = g.messages.map((m) => m.message);
  const outcome = budgetOutcome(p.format, lines, o.exitOnBreach);
  const report = buildCountReport({
    rows,
    models,
    primary,
    sort: o.sort,
    ...(o.top ? { top: o.top } : {}),
    requestsPerMonth: requestsPerMonth(o),
    skipped: { ...skipped, binary },
    breaches: g.breaches,
    messages: lines,
    baseline: g.baseline,
    savedBaseline: o.saveBaseline,
    budget: outcome.section,
    ...(o.maxTokens !== undefined ? { maxTokens: o.maxTokens } : {}),
  });
  const diagnostics = [...outcome.diagnostics];
  if (ctx.env.GITHUB_ACTIONS === 'true') {
    diagnostics.push(...annotations(g.messages));
    const summary = ctx.env.GITHUB_STEP_SUMMARY;
    if (summary) {
      const { renderMarkdown } = await import('../reporters/markdown.js');
      const failed = appendStepSummary(summary, renderMarkdown(report));
      if (failed) diagnostics.push(failed);
    }
  }
  return ok(p.render(report), diagnostics, outcome.exitCode);
}
