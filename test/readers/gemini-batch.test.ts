// Gemini batch output lines are billed at batch prices (half of standard for Gemini models).
import { describe, expect, it } from 'vitest';
import type { UsageRecord } from '../../src/core/usage-record.js';
import { dialectByName } from '../../src/readers/dialects/index.js';
import { runCli } from '../helpers/run-cli.js';

const gemini = dialectByName('gemini')!;
const response = {
  usageMetadata: { promptTokenCount: 1000, candidatesTokenCount: 200 },
  modelVersion: 'gemini-2.5-flash',
};

describe('Gemini batch output', () => {
  it.each([
    [
      'Vertex AI batch prediction',
      { request: {}, response, status: '', processed_time: '2025-10-01T10:00:00Z' },
      true,
    ],
    ['Gemini API Batch Mode results file', { key: 'req-1', response }, true],
    ['an application envelope around a response', { feature: 'qa', response }, false],
    ['a bare response', response, false],
  ])('%s: batch %s', (_shape, line, batch) => {
    const r = gemini.normalize(line) as UsageRecord;
    expect(r.input).toBe(1000);
    expect(!!r.batch).toBe(batch);
  });

  it('prices the fixture at batch rates, with the processed time', async () => {
    const r = await runCli([
      'analyze',
      'fixtures/logs/gemini-batch.jsonl',
      '--json',
      '--tz',
      'UTC',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    // gemini-2.5-flash: $0.30 / $2.50 per million, half in batch: 2 x (1000 x 0.15 + 200 x 1.25) / 1e6.
    expect(doc.summary.cost).toBeCloseTo(0.0008, 12);
    expect(doc.summary.usage).toMatchObject({ input: 2000, output: 400 });
  });
});
