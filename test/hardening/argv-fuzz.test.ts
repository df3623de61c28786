// Every command run with random options and values, bad and good: never an internal error or a stack trace,
// always exit 0, 1 or 2. The options are read from the program itself, so a new option is fuzzed too.
import fc from 'fast-check';
import { resolve } from 'node:path';
import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli.js';
import type { Context } from '../../src/context.js';
import { fuzzRuns, fuzzTimeout } from '../helpers/damage.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const fx = (p: string) => resolve('fixtures', p);

/** Values any option may get: malformed, edge and valid ones. */
const VALUES = [
  ...['', ' ', '-', '0', '-1', '1', '3', '10k', '1e309', 'NaN', 'abc', '1.5', '-0', '0x10'],
  ...['50/day', '0/month', '1:4', '4:1', '0:0', '40%', '150%', '0.3', '2026-02-30', '2026-11-01'],
  ...['9999-12-31', '0000-01-01', 'UTC', 'Asia/Kolkata', 'Mars/Base', 'day', 'week,model', 'block'],
  ...['session,project', 'metadata.user', 'a..b', 'gpt-4o', 'gpt-4o,claude-sonnet-4-5', 'nope-9'],
  ...['json', 'csv', 'table', 'markdown', 'html', 'parquet', 'sql', 'duckdb', 'o200k_base'],
  ...['cached', 'bundled', 'tokens', 'cost', 'budget', '5m', '1h', 'auto', 'log', 'calculate'],
  ...['openai', 'claude-code', 'model=m,input=i', '\u0000', '\u202e', 'é😀', '*', '**/*.txt'],
  'x'.repeat(3000),
];
/** Files an option that reads one may get (never given to an option that writes). */
const READS = [
  ...['logs/openai-chat.jsonl', 'logs/bad.jsonl', 'logs/openai-costs.csv', 'prompts/short.txt'],
  ...['scenarios/support-bot.yaml', 'scenarios/bad-rate.yaml', 'pricing/negotiated.yaml'],
  ...['pricing/bad-input.yaml', 'config/bad/llmcost.config.yaml', 'logs/claude-code'],
].map(fx);
/** Options that write the file they name: given relative names only (the run's cwd is a temporary folder). */
const WRITES = new Set(['--output', '--emit', '--partial', '--save-baseline']);
const writes = (o: Option) => WRITES.has(o.long ?? '') && o.flags.includes('<file>');
const WRITE_VALUES = [
  'out.json',
  'out.csv',
  'out.parquet',
  'out.jsonl',
  'sub/none/x',
  '-',
  '.',
  '',
];

function commands(): { path: string[]; options: Option[] }[] {
  const ctx = { env: {}, cwd: process.cwd() } as unknown as Context;
  const out: { path: string[]; options: Option[] }[] = [];
  const walk = (c: Command, path: string[]) => {
    for (const sub of c.commands) {
      const p = [...path, sub.name()];
      // `prices update` fetches prices over the network, which this machine does not have.
      if (sub.commands.length === 0 && p.join(' ') !== 'prices update')
        out.push({ path: p, options: sub.options as Option[] });
      walk(sub, p);
    }
  };
  walk(buildProgram(ctx, { code: 0 }), []);
  return out;
}

const COMMANDS = commands();

/** A value for option `o`: its choices mostly, where it has them, else any value. */
function valueFor(o: Option): fc.Arbitrary<string> {
  if (writes(o)) return fc.constantFrom(...WRITE_VALUES);
  const any = fc.constantFrom(...VALUES, ...READS);
  return o.argChoices
    ? fc.oneof({ arbitrary: fc.constantFrom(...o.argChoices), weight: 4 }, any)
    : any;
}

/** Inputs of the commands that read some. */
const INPUTS: Record<string, string[][]> = {
  analyze: [
    [],
    ['-'],
    [fx('logs/openai-chat.jsonl')],
    [fx('logs/claude-code'), fx('logs/gemini.jsonl')],
  ],
  count: [['-'], [fx('prompts/short.txt')], [fx('prompts')]],
};

/** One command line: a command, its required options, up to four more with values, and its inputs. */
const argv = fc
  .constantFrom(...COMMANDS)
  .chain(({ path, options }) =>
    fc.tuple(
      fc.constant(path),
      fc.array(
        fc.constantFrom(...options).chain((o): fc.Arbitrary<string[]> => {
          const flag = o.long ?? o.short!;
          if (!o.required && !o.optional) return fc.constant([flag]);
          return valueFor(o).map((v) => [flag, v]);
        }),
        { maxLength: 4 },
      ),
      fc.constant(options.filter((o) => o.mandatory).flatMap((o): string[] => [o.long!, '1000'])),
      fc.constantFrom(...(INPUTS[path[0]!] ?? [[]])),
    ),
  )
  .map(([path, opts, required, inputs]) => [...path, ...required, ...opts.flat(), ...inputs]);

describe('the CLI under random command lines', () => {
  it(
    'never fails with an internal error or a stack trace, and exits 0, 1 or 2',
    async () => {
      const cwd = tempDir('llmcost-argv-fuzz');
      // Agent discovery looks in the home folder: an empty one here.
      const env = { HOME: cwd, CLAUDE_CONFIG_DIR: cwd, CODEX_HOME: cwd, XDG_DATA_HOME: cwd };
      await fc.assert(
        fc.asyncProperty(argv, async (args) => {
          const r = await runCli(args, {
            cwd,
            env,
            stdin: '{"model":"gpt-4o","input_tokens":5}\n',
          });
          expect(r.stderr, args.join(' ')).not.toMatch(/internal error|\n\s+at /);
          expect([0, 1, 2], args.join(' ')).toContain(r.code);
        }),
        fuzzRuns(300),
      );
    },
    fuzzTimeout ?? 60_000,
  );
});
