import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeJson, groupRows } from '../helpers/analyze-json.js';
import { tempDir } from '../helpers/temp.js';

describe("Cursor's usage export (usage-events CSV)", () => {
  it('reads fresh input, cache writes (the two input columns apart), reads, output and the charged cost', async () => {
    const doc = await analyzeJson(['fixtures/logs/cursor-usage-events.csv', '--by', 'model']);
    expect(doc.malformed).toEqual({});
    expect(doc.skipped).toEqual({ 'Cursor request not charged (Errored, No Charge)': 1 });
    expect(
      groupRows(doc, ['model', 'requests', 'input', 'cacheRead', 'cacheWrite', 'output']),
    ).toEqual([
      // claude-4.5-sonnet-thinking: Claude Sonnet 4.5 run with thinking, at its prices
      ['claude-sonnet-4-5', 2, 1200 + 2000, 48000 + 60000, 2000, 900 + 1500],
      ['gpt-5', 1, 800, 12000, 0, 2500],
      // Cursor's router names no model: unpriced, never $0
      ['auto', 1, 1000, 5000, 0, 200],
    ]);
    const sonnet = doc.groups[0];
    // "Included" is priced from its tokens ($3 / $0.30 / $3.75 / $15 per 1M); "$0.06" is what Cursor charged.
    expect(sonnet.cost).toBeCloseTo(
      (1200 * 3 + 48000 * 0.3 + 2000 * 3.75 + 900 * 15) / 1e6 + 0.06,
      12,
    );
    expect(doc.groups[2].cost).toBeNull();
  });

  it('counts a row once when overlapping exports are read together', async () => {
    const dir = tempDir('cursor');
    const copy = join(dir, 'usage-events-again.csv');
    copyFileSync('fixtures/logs/cursor-usage-events.csv', copy);
    const one = await analyzeJson(['fixtures/logs/cursor-usage-events.csv']);
    const both = await analyzeJson(['fixtures/logs/cursor-usage-events.csv', copy]);
    expect(both.summary.usage).toEqual(one.summary.usage);
    expect(both.duplicates).toEqual({ 'same response id logged again': 4 });
  });

  it('tags the kind of charge and Max Mode, for --by kind or maxMode', async () => {
    const doc = await analyzeJson([
      'fixtures/logs/cursor-usage-events.csv',
      '--by',
      'kind,maxMode',
    ]);
    expect(groupRows(doc, ['kind', 'maxMode', 'requests'])).toEqual([
      ['Included', 'No', 3],
      ['Usage-based', 'Yes', 1],
    ]);
  });
});
