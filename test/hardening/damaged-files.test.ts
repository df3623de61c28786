// Files llmcost wrote or reads as settings, damaged at one place (a value replaced with junk or a key
// removed) and read back: a clear outcome every time (an exit code the command documents), never an
// internal error. Scenarios and price files are YAML, and JSON is YAML: each is damaged as JSON.
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { damage, fuzzRuns, fuzzTimeout, junk, pathsOf } from '../helpers/damage.js';
import { tempDir } from '../helpers/temp.js';

interface Case {
  /** The undamaged file's text (JSON), written by llmcost into `file` or read from a fixture. */
  original: (file: string) => Promise<string>;
  /** The command that reads `file` back. */
  read: (file: string) => string[];
  codes: number[];
}

const fixture = (path: string) => async () => JSON.stringify(parse(readFileSync(path, 'utf8')));
const written = (args: string[]) => async (file: string) => {
  await runCli([...args, file]);
  return readFileSync(file, 'utf8');
};
const COUNT = ['count', 'fixtures/count-repo/prompts', '--models', 'gpt-4o'];
/** A config with a section for each command the cases run, and a price override. */
const CONFIG = JSON.stringify({
  compare: { provider: ['anthropic', 'openai'], top: 3, daysPerMonth: 31 },
  count: { models: ['gpt-4o'], budgets: [{ path: 'prompts/**/*.md', maxTokens: 2000 }] },
  analyze: { tz: 'Europe/Berlin', ratioBand: '2:6', by: ['day', 'model'], top: 3 },
  pricing: {
    models: [
      { id: 'gpt-4o', discount: 0.2 },
      { id: 'my-model', input: 1, output: 2 },
    ],
  },
});
const LOG = 'fixtures/logs/openai-chat.jsonl';

const CASES: [string, Case][] = [
  [
    'a count baseline',
    {
      original: written([...COUNT, '--save-baseline']),
      read: (f) => [...COUNT, '--baseline', f, '--max-growth', '10%'],
      codes: [0, 1, 2],
    },
  ],
  [
    'a scenario',
    {
      original: fixture('fixtures/scenarios/routing-70-20-10.yaml'),
      read: (f) => ['estimate', f],
      codes: [0, 1, 2],
    },
  ],
  [
    'a price file',
    {
      original: fixture('fixtures/pricing/negotiated.yaml'),
      read: (f) => ['compare', '-i', '1000', '-o', '100', '--pricing', f],
      codes: [0, 1, 2],
    },
  ],
  ...(
    [
      'compare -i 1000 -o 100',
      'count fixtures/count-repo/prompts',
      `analyze ${'fixtures/logs/openai-chat.jsonl'}`,
    ] as const
  ).map((command): [string, Case] => [
    `a config, read by ${command.split(' ')[0]}`,
    {
      original: async () => CONFIG,
      read: (f) => [...command.split(' '), '--config', f],
      codes: [0, 1, 2],
    },
  ]),
  [
    'a partial of analyze, merged',
    {
      original: written(['analyze', LOG, '--by', 'day,model', '--top', '3', '--partial']),
      read: (f) => ['analyze', '--merge', f, '--json'],
      codes: [0, 2],
    },
  ],
];

describe('files llmcost wrote, damaged at random, read back', () => {
  it.each(CASES)(
    '%s: never an internal error',
    async (_, c) => {
      const file = join(tempDir('llmcost-damaged-file'), 'f.json');
      const original = await c.original(file);
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...pathsOf(JSON.parse(original))),
          junk,
          fc.boolean(),
          async (path, value, remove) => {
            writeFileSync(file, JSON.stringify(damage(JSON.parse(original), path, value, remove)));
            const r = await runCli(c.read(file));
            expect(r.stderr).not.toMatch(/internal error/);
            expect(c.codes).toContain(r.code);
          },
        ),
        fuzzRuns(100),
      );
    },
    fuzzTimeout,
  );
});
