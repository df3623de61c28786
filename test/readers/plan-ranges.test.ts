import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planRanges } from '../../src/readers/plan-ranges.js';
import { tempDir } from '../helpers/temp.js';

describe('planRanges', () => {
  it('cuts at line starts and estimates the lines from samples of the file', () => {
    const file = join(tempDir('llmcost-plan'), 'log.jsonl');
    const lines = Array.from({ length: 20_000 }, (_, i) => `{"id":"r-${i}","n":${i % 997}}`);
    const text = lines.join('\n') + '\n';
    writeFileSync(file, text);
    const plan = planRanges([file], 3, 1)!;
    expect(plan.ranges).toHaveLength(3);
    expect(plan.ranges[0]!.start).toBe(0);
    expect(plan.ranges[2]!.end).toBe(text.length);
    for (const r of plan.ranges.slice(1)) expect(text[r.start - 1]).toBe('\n');
    expect(plan.lines).toBeGreaterThan(20_000 * 0.9);
    expect(plan.lines).toBeLessThan(20_000 * 1.1);
  });

  it('leaves small, gzip and stdin sources to one thread', () => {
    const dir = tempDir('llmcost-plan-small');
    const file = join(dir, 'log.jsonl');
    writeFileSync(file, '{"a":1}\n');
    expect(planRanges([file], 2, 1024)).toBeUndefined();
    writeFileSync(file, Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]));
    expect(planRanges([file], 2, 1)).toBeUndefined();
    expect(planRanges(['-'], 2, 1)).toBeUndefined();
  });
});
