// Opik spans: the provider's original counts decide (Opik's derived Anthropic completion_tokens hold the
// cache writes), only LLM spans count.
import { describe, expect, it } from 'vitest';
import { opik } from '../../src/readers/dialects/opik.js';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { analyzeJson, groupRows } from '../helpers/analyze-json.js';

describe('Opik spans', () => {
  it("reads each provider's original usage by its own rule; general and tool spans are skipped", async () => {
    const doc = await analyzeJson(['fixtures/logs/opik-spans.jsonl', '--tz', 'UTC']);
    expect(doc.skipped).toEqual({ 'Opik span that is not an LLM call': 2 });
    expect(
      groupRows(doc, ['model', 'input', 'cacheRead', 'cacheWrite', 'output', 'reasoning']),
    ).toEqual([
      // not Opik's prompt_tokens 20120 / completion_tokens 2300 (output + cache writes)
      ['claude-sonnet-4-5', 120, 20000, 1500, 800, 0],
      // Gemini's snake_case counts: the 600 thoughts are output beside the 200 candidates
      ['gemini-2.5-flash', 2000, 1000, 0, 800, 600],
      ['gpt-4.1-mini', 904, 4096, 0, 300, 0],
    ]);
    expect(doc.groups[0].loggedCost).toBe(0.023985);
  });

  it('falls back to the derived OpenAI-style counts, and keeps a hostile key a name', () => {
    const derived = opik.normalize({
      trace_id: 't',
      type: 'llm',
      model: 'gpt-4o',
      usage: { prompt_tokens: 10, completion_tokens: 5 },
      total_estimated_cost: 0.1,
    }) as UsageRecord;
    expect(derived).toMatchObject({ input: 10, output: 5, loggedCost: 0.1 });
    const hostile = JSON.parse(
      '{"type":"llm","model":"gpt-4o","usage":{"original_usage.__proto__.polluted":1,"original_usage.prompt_tokens":7}}',
    );
    expect(opik.normalize(hostile)).toMatchObject({ input: 7 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
