import { tempDir } from '../helpers/temp.js';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { decodeStdin } from '../../src/app/count.js';
import { UsageError } from '../../src/errors.js';

const repo = join(process.cwd(), 'fixtures/count-repo');
const inRepo = (args: string[], env: Record<string, string> = {}) =>
  runCli(['count', ...args], { cwd: repo, env });
const tmp = () => tempDir('llmcost');

describe('llmcost count', () => {
  it('counts piped stdin', async () => {
    const r = await runCli(['count', '--json'], { stdin: 'hello world' });
    const doc = JSON.parse(r.stdout);
    expect(doc.files[0]).toMatchObject({ path: '(stdin)', tokens: 2, chars: 11 });
    expect(doc.exact).toBe(true);
  });

  it.each([
    [['--model', 'gpt-4'], 'cl100k_base', true, ['gpt-4']],
    [
      ['--model', 'claude-sonnet-4-5', '--models', 'gpt-4o'],
      'o200k_base',
      false,
      ['claude-sonnet-4-5', 'gpt-4o'],
    ],
    [['--model', 'gpt-4o', '--models', 'gpt-4,gpt-4o'], 'o200k_base', true, ['gpt-4o', 'gpt-4']],
  ])('counts with the tokenizer of --model %j', async (flags, encoding, exact, models) => {
    const r = await runCli(['count', '--json', ...flags], { stdin: 'hello world' });
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ encoding, exact });
    expect(doc.models.map((m: { id: string }) => m.id)).toEqual(models);
  });

  it('refuses stdin too large for one string with a one-line reason', () => {
    expect(decodeStdin(Buffer.from('hello'), 5)).toBe('hello');
    expect(() => decodeStdin(Buffer.alloc(3 * 2 ** 20, 0x61), 2 ** 20)).toThrow(
      'standard input is 3 MB, more than can be counted as one text',
    );
    expect(() => decodeStdin(Buffer.alloc(10), 5)).toThrow(UsageError);
  });

  it('exits 2 when every file named is binary: a gate never passes on nothing', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'logo.png'), Buffer.from('\x89PNG\r\n\x1a\n\0\0\0\rIHDR', 'latin1'));
    const one = await runCli(['count', 'logo.png', '--max-tokens', '5'], { cwd: dir });
    expect(one.code).toBe(2);
    expect(one.stderr).toContain('nothing to count: logo.png is binary');
    writeFileSync(join(dir, 'icon.png'), Buffer.from('\0\0', 'latin1'));
    expect((await runCli(['count', '.'], { cwd: dir })).stderr).toContain(
      'nothing to count: all 2 inputs are binary',
    );
    writeFileSync(join(dir, 'p.txt'), 'hello world');
    const some = await runCli(['count', '.', '--json'], { cwd: dir });
    expect(some.code).toBe(0);
    expect(JSON.parse(some.stdout).skipped.binary).toBe(2);
  });

  it('reads UTF-16 on stdin by its byte order mark (a PowerShell 5 pipe), UTF-8 otherwise', () => {
    expect(decodeStdin(Buffer.from('\uFEFFhi é', 'utf16le'))).toBe('\uFEFFhi é');
    expect(decodeStdin(Buffer.from('\uFEFFhi é', 'utf16le').swap16())).toBe('\uFEFFhi é');
    expect(decodeStdin(Buffer.from('hi é'))).toBe('hi é');
  });

  it('sorts by path in code-unit order, and breaks token ties the same way', async () => {
    const dir = tmp();
    // Distinct names in any case, so the test also holds on case-insensitive file systems.
    for (const name of ['b.md', 'C.md', 'a.md']) writeFileSync(join(dir, name), 'same text');
    const paths = async (sort: string) =>
      JSON.parse(
        (await runCli(['count', dir, '--sort', sort, '--json'], { cwd: dir })).stdout,
      ).files.map((f: { path: string }) => f.path);
    expect(await paths('path')).toEqual(['C.md', 'a.md', 'b.md']);
    expect(await paths('tokens')).toEqual(['C.md', 'a.md', 'b.md']);
  });

  it('prints usage instead of waiting on a terminal', async () => {
    const r = await runCli(['count'], { stdinTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to count');
  });

  it('walks folders, skipping .gitignore matches and binary files, and says how many', async () => {
    const r = await inRepo(['prompts', '--json', '--no-exit-code']);
    const doc = JSON.parse(r.stdout);
    const paths = doc.files.map((f: { path: string }) => f.path).sort();
    expect(paths).toEqual([
      'prompts/bom.txt',
      'prompts/chat.json',
      'prompts/special.txt',
      'prompts/system.md',
      'prompts/tasks/summarize.md',
    ]);
    expect(doc.skipped).toEqual({ ignored: 2, excluded: 0, binary: 1 });
    const t = await inRepo(['prompts', '--no-exit-code']);
    expect(t.stdout).toContain('skipped: 2 ignored by .gitignore, 1 binary.');
  });

  it('strips a BOM, and counts special-token text as plain text', async () => {
    const doc = JSON.parse(
      (await inRepo(['prompts/bom.txt', 'prompts/special.txt', '--json'])).stdout,
    );
    const byPath = Object.fromEntries(
      doc.files.map((f: { path: string; tokens: number }) => [f.path, f.tokens]),
    );
    expect(byPath['prompts/bom.txt']).toBe(2);
    expect(byPath['prompts/special.txt']).toBeGreaterThan(5);
  });

  it('counts chat files as a chat request, or as text with --raw', async () => {
    const chat = JSON.parse((await inRepo(['prompts/chat.json', '--json'])).stdout).files[0];
    const raw = JSON.parse((await inRepo(['prompts/chat.json', '--raw', '--json'])).stdout)
      .files[0];
    expect(chat.kind).toBe('chat');
    expect(raw.kind).toBe('text');
    expect(chat.tokens).not.toBe(raw.tokens);
  });

  it("prices a chat file on gpt-3.5-turbo-0301 with that model's framing (4 a message, -1 a name)", async () => {
    const file = join(tmp(), 'chat.json');
    const messages = [
      { role: 'user', content: 'Hello', name: 'John' },
      { role: 'assistant', content: 'Hi there!' },
    ];
    writeFileSync(file, JSON.stringify(messages));
    const r = await runCli([
      'count',
      file,
      '--json',
      '--models',
      'gpt-3.5-turbo-0301,gpt-4',
      '--date',
      '2026-11-01',
    ]);
    const doc = JSON.parse(r.stdout);
    // cl100k_base with the usual framing: 3 + 1 (user) + 1 (Hello) + 1 + 1 (John), 3 + 1 + 3 (Hi there!), 3
    expect(doc.files[0].tokens).toBe(17);
    // 0301: two messages at 4 (+2), the name at -1 instead of 1 (-2): 17 as well, priced at $1.50/M
    expect(doc.files[0].costs['gpt-3.5-0301']).toBe(0.0000255);
    expect(doc.files[0].costs['gpt-4']).toBe(0.00051); // 17 x $30/M
    writeFileSync(file, JSON.stringify(messages.map(({ role, content }) => ({ role, content }))));
    const unnamed = JSON.parse(
      (await runCli(['count', file, '--json', '--models', 'gpt-3.5-turbo-0301'])).stdout,
    );
    // 15 with the usual framing, 17 as 0301 framed it
    expect(unnamed.files[0].tokens).toBe(15);
    expect(unnamed.files[0].costs['gpt-3.5-0301']).toBe(0.0000255);
  });

  it('expands quoted globs and applies --include/--exclude', async () => {
    const g = JSON.parse((await inRepo(['prompts/**/*.md', '--json', '--no-exit-code'])).stdout);
    expect(g.files.map((f: { path: string }) => f.path).sort()).toEqual([
      'prompts/system.md',
      'prompts/tasks/summarize.md',
    ]);
    const ex = JSON.parse(
      (await inRepo(['prompts', '--exclude', '*.txt,chat.json', '--json', '--no-exit-code']))
        .stdout,
    );
    expect(ex.files).toHaveLength(2);
    expect(ex.skipped.excluded).toBe(3);
    const inc = JSON.parse(
      (await inRepo(['prompts', '--include', 'prompts/tasks/**', '--json'])).stdout,
    );
    expect(inc.files.map((f: { path: string }) => f.path)).toEqual(['prompts/tasks/summarize.md']);
  });

  it('prices input per model, marks estimates, and projects monthly cost', async () => {
    const doc = JSON.parse(
      (
        await runCli(
          ['count', '--models', 'gpt-4o,claude-sonnet-4-5', '--requests', '1000', '--json'],
          { stdin: 'hello world' },
        )
      ).stdout,
    );
    expect(doc.files[0].costs['gpt-4o']).toBeCloseTo(2 * 2.5e-6, 15);
    expect(doc.files[0].monthly['gpt-4o']).toBeCloseTo(2 * 2.5e-6 * 30_000, 12);
    expect(doc.models[1]).toEqual({ id: 'claude-sonnet-4-5', tokenizer: 'claude', exact: false });
    const t = await runCli(['count', '--models', 'claude-sonnet-4-5'], { stdin: 'hello world' });
    expect(t.stdout).toContain('tokens (o200k_base, estimate)');
    expect(t.stdout).toMatch(/│ \(stdin\)\s+│\s+~2 │/);
    expect(t.stdout).toContain('~claude-sonnet-4-5 input');
  });

  it('uses --encoding, --sort and --top', async () => {
    const doc = JSON.parse(
      (
        await inRepo([
          'prompts',
          '--encoding',
          'cl100k_base',
          '--sort',
          'path',
          '--top',
          '2',
          '--json',
          '--no-exit-code',
        ])
      ).stdout,
    );
    expect(doc.encoding).toBe('cl100k_base');
    const t = await inRepo(['prompts', '--sort', 'path', '--top', '2', '--no-exit-code']);
    expect(t.stdout).toContain('showing the top 2 of 5 files');
    expect(t.stdout.indexOf('prompts/bom.txt')).toBeLessThan(t.stdout.indexOf('prompts/chat.json'));
  });

  it('reports a missing input as one line with exit 2', async () => {
    const r = await runCli(['count', 'no/such/file.md']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('llmcost: no such file or folder: no/such/file.md\n');
    const empty = await runCli(['count', '', '--models', 'gpt-4o']);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toMatch(/^llmcost: an empty path was given\n/);
  });
});

describe('llmcost count as a CI gate', () => {
  it('fails with one line per breach when a prompt is over its config budget', async () => {
    const r = await inRepo(['prompts']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /prompts\/system\.md: 1\d\d tokens, over budget 100 by \d+ \(\+\d+\.\d%\)/,
    );
    expect(r.stdout.match(/over budget/g)).toHaveLength(1);
    const n = await inRepo(['prompts', '--no-exit-code']);
    expect(n.code).toBe(0);
  });

  it('checks --max-tokens and --max-total, with the monthly cost of the excess', async () => {
    const r = await runCli(
      [
        'count',
        '--max-tokens',
        '1',
        '--max-total',
        '1',
        '--requests',
        '1000',
        '--per',
        'month',
        '--json',
      ],
      { stdin: 'hello world' },
    );
    expect(r.code).toBe(1);
    const breaches = JSON.parse(r.stdout).breaches;
    expect(breaches.map((b: { kind: string }) => b.kind)).toEqual(['budget', 'total']);
    expect(r.stderr).toContain(
      '(stdin): 2 tokens, over budget 1 by 1 (+100.0%); $0.0025/month at 1,000 requests/month',
    );
  });

  it('writes GitHub annotations and a step summary inside GitHub Actions', async () => {
    const summary = join(tmp(), 'summary.md');
    writeFileSync(summary, '');
    const r = await inRepo(['prompts'], { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^::error file=prompts\/system\.md,title=llmcost count::prompts\/system\.md: \d+ tokens, over budget 100/m,
    );
    expect(readFileSync(summary, 'utf8')).toContain('| prompts/system.md |');
  });

  it('saves a baseline and fails on growth beyond --max-growth, listing new and removed files', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.md'), 'one two three four five six seven eight nine ten');
    writeFileSync(join(dir, 'b.md'), 'short');
    const base = join(dir, 'baseline.json');
    expect(
      (await runCli(['count', 'a.md', 'b.md', '--save-baseline', base], { cwd: dir })).code,
    ).toBe(0);
    expect(JSON.parse(readFileSync(base, 'utf8')).files).toEqual({ 'a.md': 10, 'b.md': 1 });
    writeFileSync(
      join(dir, 'a.md'),
      'one two three four five six seven eight nine ten eleven twelve',
    );
    writeFileSync(join(dir, 'c.md'), 'new file');
    const r = await runCli(['count', 'a.md', 'c.md', '--baseline', base, '--max-growth', '10%'], {
      cwd: dir,
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'a.md: 12 tokens, grew by 2 (+20.0%) from baseline 10, over the limit 11',
    );
    expect(r.stdout).toContain('new: c.md (2 tokens)');
    expect(r.stdout).toContain('removed: b.md (was 1 tokens)');
    const ok = await runCli(['count', 'a.md', 'c.md', '--baseline', base, '--max-growth', '25%'], {
      cwd: dir,
    });
    expect(ok.code).toBe(0);
  });

  it('rejects bad budget config with a dotted path', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'llmcost.config.yaml'),
      'count:\n  budgets:\n    - path: "*.md"\n      maxTokens: lots\n',
    );
    writeFileSync(join(dir, 'a.md'), 'x');
    const r = await runCli(['count', 'a.md'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/count\.budgets\[0\]\.maxTokens/);
    expect(existsSync(join(dir, 'baseline.json'))).toBe(false);
  });
});
