import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compactNumber, fitTable, shortenMiddle } from '../../src/reporters/fit.js';
import { wrap } from '../../src/reporters/table.js';
import { runCli } from '../helpers/run-cli.js';

const usage =
  readFileSync('fixtures/logs/openai-chat.jsonl', 'utf8') +
  readFileSync('fixtures/logs/llmcost-flat.jsonl', 'utf8');
const COMMANDS: [string, string[], string?][] = [
  ['analyze', ['analyze', '-', '--top', '3'], usage],
  ['analyze by day and model', ['analyze', 'fixtures/logs', '--by', 'day,model']],
  ['compare', ['compare', '--input', '500', '--output', '300', '--requests', '10000']],
  [
    'count',
    [
      'count',
      'fixtures/count-repo/prompts',
      '--models',
      'gpt-4o,claude-sonnet-4-5',
      '--requests',
      '50000',
    ],
  ],
  ['estimate', ['estimate', 'fixtures/scenarios/support-bot.yaml']],
  ['models', ['models', '--provider', 'anthropic']],
];

describe('tables fit the terminal', () => {
  it.each(
    COMMANDS.flatMap(([name, args, stdin]) =>
      [80, 100, 120].map((w) => [name, w, args, stdin] as const),
    ),
  )('%s at %d columns: no line wider than the terminal', async (_name, columns, args, stdin) => {
    const r = await runCli(args, {
      tty: true,
      columns,
      env: { NO_COLOR: '1' },
      ...(stdin ? { stdin } : {}),
    });
    const wide = r.stdout.split('\n').filter((l) => [...l].length > columns);
    expect(wide).toEqual([]);
  });

  it('names what was hidden, and --wide, a pipe or a file give full rows', async () => {
    const args = ['analyze', 'fixtures/logs', '--by', 'day,model'];
    const narrow = await runCli(args, { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    // the note is wrapped to the terminal too
    expect(narrow.stdout.replace(/\n {2}/g, ' ')).toMatch(
      /\(hidden to fit 80 columns: .*reasoning.*; --wide shows all\)/,
    );
    const wide = await runCli([...args, '--wide'], {
      tty: true,
      columns: 80,
      env: { NO_COLOR: '1' },
    });
    const piped = await runCli(args);
    expect(wide.stdout).toContain('reasoning');
    expect(piped.stdout).toContain('reasoning');
    expect(piped.stdout).not.toContain('hidden to fit');
  });

  it('shortens long names in the middle and hides the least important columns first', () => {
    expect(shortenMiddle('claude-sonnet-4-5-20250929', 20)).toBe('claude-sonnet…250929');
    expect(shortenMiddle('short', 20)).toBe('short');
    const columns = [
      { key: 'a', header: 'a', priority: 0, shrink: true },
      { key: 'b', header: 'b', priority: 1 },
      { key: 'c', header: 'c', priority: 5 },
    ];
    // 48 wide for 40: the least important column goes first, then the name gives up 1 character.
    const f = fitTable(columns, ['a', 'b', 'c'], [['x'.repeat(30), 'yyyy', 'zzzz']], 40);
    expect(f.hidden).toEqual(['c']);
    expect(f.cells[0]).toEqual([`${'x'.repeat(19)}…${'x'.repeat(9)}`, 'yyyy']);
  });

  it('wraps long text lines at spaces', () => {
    expect(wrap('aaa bbb ccc', 7)).toEqual(['aaa bbb', '  ccc']);
    expect(wrap('short', 80)).toEqual(['short']);
  });

  it.each([
    ['19,093', '19.1k'],
    ['1,500,000', '1.5M'],
    ['$12,345.67', '$12.3k'],
    ['-$25,000', '-$25.0k'],
    ['2,500,000,000', '2.5B'],
    ['9,999', '9,999'],
    ['$0.000195', '$0.000195'],
    ['12:1 !', '12:1 !'],
  ])('compactNumber(%j) is %j', (cell, shown) => expect(compactNumber(cell)).toBe(shown));
});
