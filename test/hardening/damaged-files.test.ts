import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { damage, junk, pathsOf } from '../helpers/damage.js';
import { tempDir } from '../helpers/temp.js';

describe('files llmcost wrote, damaged at random, read back', () => {
  it('a count baseline: exit 0, 1 or 2, never an internal error', async () => {
    const dir = tempDir('llmcost-baseline-fuzz');
    const file = join(dir, 'base.json');
    const args = ['count', 'fixtures/count-repo/prompts', '--models', 'gpt-4o'];
    await runCli([...args, '--save-baseline', file]);
    const original = readFileSync(file, 'utf8');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pathsOf(JSON.parse(original))),
        junk,
        fc.boolean(),
        async (path, value, remove) => {
          writeFileSync(file, JSON.stringify(damage(JSON.parse(original), path, value, remove)));
          const r = await runCli([...args, '--baseline', file, '--max-growth', '10%']);
          expect(r.stderr).not.toMatch(/internal error/);
          expect([0, 1, 2]).toContain(r.code);
        },
      ),
      { numRuns: 200 },
    );
  });

  // Scenarios and price files are YAML, and JSON is YAML: each damaged as JSON.
  it.each([
    ['a scenario', 'fixtures/scenarios/routing-70-20-10.yaml', (f: string) => ['estimate', f]],
    [
      'a price file',
      'fixtures/pricing/negotiated.yaml',
      (f: string) => ['compare', '-i', '1000', '-o', '100', '--pricing', f],
    ],
  ])('%s: exit 0, 1 or 2, never an internal error', async (_, fixture, args) => {
    const file = join(tempDir('llmcost-yaml-fuzz'), 'f.yaml');
    const original = JSON.stringify(parse(readFileSync(fixture, 'utf8')));
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pathsOf(JSON.parse(original))),
        junk,
        fc.boolean(),
        async (path, value, remove) => {
          writeFileSync(file, JSON.stringify(damage(JSON.parse(original), path, value, remove)));
          const r = await runCli(args(file));
          expect(r.stderr).not.toMatch(/internal error/);
          expect([0, 1, 2]).toContain(r.code);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('a partial of analyze, merged: exit 0 or 2, never an internal error', async () => {
    const file = join(tempDir('llmcost-merge-fuzz'), 'p.json');
    const log = 'fixtures/logs/openai-chat.jsonl';
    await runCli(['analyze', log, '--by', 'day,model', '--top', '3', '--partial', file]);
    const original = readFileSync(file, 'utf8');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...pathsOf(JSON.parse(original))),
        junk,
        fc.boolean(),
        async (path, value, remove) => {
          writeFileSync(file, JSON.stringify(damage(JSON.parse(original), path, value, remove)));
          const r = await runCli(['analyze', '--merge', file, '--json']);
          expect(r.stderr).not.toMatch(/internal error/);
          expect([0, 2]).toContain(r.code);
        },
      ),
      { numRuns: 200 },
    );
  });
});
