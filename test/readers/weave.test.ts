// W&B Weave call exports: a root call holds its trace's usage per model (Weave sums each call into its
// parent), so roots are read and inner calls skipped: every model call counted once.
import { describe, expect, it } from 'vitest';
import { analyzeJson, groupRows } from '../helpers/analyze-json.js';

describe('Weave calls', () => {
  it("reads each root's usage per model by its provider's rule, and skips the calls inside the trace", async () => {
    const doc = await analyzeJson(['fixtures/logs/weave-calls.jsonl', '--tz', 'UTC']);
    expect(doc.skipped).toEqual({
      'Weave call inside a trace (its root holds its usage)': 3,
      'Weave call without usage': 1,
    });
    expect(
      groupRows(doc, ['model', 'requests', 'input', 'cacheRead', 'cacheWrite', 'output']),
    ).toEqual([
      // the root's sums equal its three model calls' (3000 + 4000 prompt, 2048 + 2048 cached, ...)
      ['claude-sonnet-4-5', 1, 150, 3000, 1200, 400],
      ['gpt-4.1-mini', 2, 7000 - 4096, 4096, 0, 600],
    ]);
    // Weave's own price of the gpt-4.1-mini calls (prompt + completion totals) is the logged cost
    expect(doc.groups[1].loggedCost).toBeCloseTo(0.0028 + 0.00096, 12);
    // claude-sonnet-4-5: $3 input, $0.30 read, $3.75 write, $15 output (per 1M)
    expect(doc.groups[0].calculatedCost).toBeCloseTo(
      (150 * 3 + 3000 * 0.3 + 1200 * 3.75 + 400 * 15) / 1e6,
      12,
    );
  });
});
