// Braintrust logs: LLM spans only (a task span sums its children), prompt_tokens holding the cache.
import { describe, expect, it } from 'vitest';
import { analyzeJson, groupRows } from '../helpers/analyze-json.js';

describe('Braintrust spans', () => {
  it('counts LLM spans with the cache taken out of prompt_tokens, and skips the task span above them', async () => {
    const doc = await analyzeJson(['fixtures/logs/braintrust-logs.jsonl', '--tz', 'UTC']);
    expect(doc.skipped).toEqual({ 'Braintrust span that is not an LLM call': 1 });
    expect(
      groupRows(doc, ['model', 'requests', 'input', 'cacheRead', 'cacheWrite', 'output']),
    ).toEqual([
      // 5500 - 4000 - 1200, and a span logged the Anthropic way (150 below its 4000 cached): 150
      ['claude-sonnet-4-5', 2, 300 + 150, 8000, 1200, 390],
      ['gpt-4.1-mini', 1, 4200 - 3072, 3072, 0, 340],
    ]);
    // claude-sonnet-4-5: $3 input, $0.30 read, $3.75 write, $15 output (per 1M)
    expect(doc.groups[0].cost).toBeCloseTo(
      (450 * 3 + 8000 * 0.3 + 1200 * 3.75 + 390 * 15) / 1e6,
      12,
    );
    expect(doc.period).toMatchObject({ from: '2026-10-09', to: '2026-10-09' });
  });
});
