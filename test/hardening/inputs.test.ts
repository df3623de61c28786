// #12 classes 3, 4, 5, 8 and 9: globs, the file system, writes, silent empties, a new user's first run.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/files/write-atomic.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const env = { ...process.env, NO_COLOR: '1', TZ: 'UTC', FORCE_COLOR: undefined };
const sh = (cmd: string, cwd = process.cwd()) =>
  spawnSync('bash', ['-c', cmd], { encoding: 'utf8', env, cwd, timeout: 20_000 });
const bin = join(process.cwd(), 'bin/llmcost.js');
const record = (input: number) => `{"model":"gpt-4o","input_tokens":${input},"output_tokens":1}\n`;

describe('class 3: globs cannot hang the tool', () => {
  const pattern = '*a*a*a*a*a*a*a*a*a*a*a*b';
  const longName = `${'a'.repeat(200)}.txt`;

  it.each([
    ['--include', (dir: string) => runCli(['count', '.', '--include', pattern], { cwd: dir })],
    [
      'a .gitignore line',
      (dir: string) => {
        writeFileSync(join(dir, '.gitignore'), `${pattern}\n`);
        return runCli(['count', '.'], { cwd: dir });
      },
    ],
    [
      'a config budget path',
      (dir: string) => {
        writeFileSync(
          join(dir, 'llmcost.config.yaml'),
          `count:\n  budgets:\n    - path: "${pattern}"\n      maxTokens: 5\n`,
        );
        return runCli(['count', longName], { cwd: dir });
      },
    ],
  ])('in %s, against a long file name, answers at once', async (_where, run) => {
    const dir = tempDir('glob');
    writeFileSync(join(dir, longName), 'hello');
    writeFileSync(join(dir, 'other.txt'), 'hello');
    const started = Date.now();
    const r = await run(dir);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(r.stderr).not.toContain('internal error');
  });
});

describe('class 4: file-system edges', () => {
  it('follows symbolic links in count and analyze, walks each real folder once and names a loop', async () => {
    const dir = tempDir('links');
    mkdirSync(join(dir, 'logs/sub'), { recursive: true });
    writeFileSync(join(dir, 'logs/sub/a.jsonl'), record(100));
    writeFileSync(join(dir, 'real.jsonl'), record(7));
    symlinkSync(join(dir, 'real.jsonl'), join(dir, 'logs/linked.jsonl'));
    symlinkSync(join(dir, 'logs'), join(dir, 'logs/sub/loop')); // a link back to an ancestor
    symlinkSync(join(dir, 'logs/sub'), join(dir, 'logs/again')); // a second way into sub
    const a = await runCli(['analyze', 'logs', '--json'], { cwd: dir });
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).summary.usage.input).toBe(107);
    expect(a.stderr).toMatch(
      /logs\/again\/loop links back to logs \(a symbolic-link loop\): not followed/,
    );
    const c = await runCli(['count', 'logs', '--json'], { cwd: dir });
    expect(c.code, c.stderr).toBe(0);
    expect(
      JSON.parse(c.stdout)
        .files.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(['logs/again/a.jsonl', 'logs/linked.jsonl']);
    expect(c.stderr).toContain('symbolic-link loop');
  });

  it('leaves out a link to nothing inside a folder, says so, and counts the rest', async () => {
    const dir = tempDir('dangling');
    mkdirSync(join(dir, 'prompts'));
    writeFileSync(join(dir, 'prompts/a.txt'), 'hello world');
    symlinkSync(join(dir, 'moved.txt'), join(dir, 'prompts/b.txt'));
    const c = await runCli(['count', 'prompts', '--json'], { cwd: dir });
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout).files.map((f: { path: string }) => f.path)).toEqual([
      'prompts/a.txt',
    ]);
    expect(c.stderr).toContain('prompts/b.txt is a symbolic link to nothing: left out');
    // Named itself, the same link is a missing input: exit 2.
    expect((await runCli(['count', 'prompts/b.txt'], { cwd: dir })).code).toBe(2);
  });

  it('reads a FIFO, /dev/stdin and process substitution as streams', () => {
    const dir = tempDir('fifo');
    writeFileSync(join(dir, 'a.jsonl'), record(42));
    const sub = sh(`node ${bin} analyze <(cat a.jsonl) --json`, dir);
    expect(sub.status, sub.stderr).toBe(0);
    expect(JSON.parse(sub.stdout).summary.usage.input).toBe(42);
    const dev = sh(`cat a.jsonl | node ${bin} analyze /dev/stdin --json`, dir);
    expect(JSON.parse(dev.stdout).summary.usage.input).toBe(42);
    const fifo = sh(`mkfifo p && (cat a.jsonl > p &) && node ${bin} analyze p --json`, dir);
    expect(JSON.parse(fifo.stdout).summary.usage.input).toBe(42);
    const count = sh(`node ${bin} count <(printf 'hello world') --json`, dir);
    expect(JSON.parse(count.stdout).total.tokens).toBe(2);
  });

  it.each([
    ['--prompt', ['estimate', '--model', 'gpt-4o', '--prompt', '/dev/zero', '-o', '1', '-r', '1']],
    ['--pricing', ['compare', '-i', '1', '-o', '1', '--pricing', '/dev/zero']],
    ['--config', ['compare', '-i', '1', '-o', '1', '--config', '/dev/zero']],
    ['a scenario', ['estimate', '/dev/zero']],
  ])('%s of /dev/zero is a one-line error, not gigabytes', async (_what, args) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\/dev\/zero is larger than \d+ MiB: not read/);
  });
});

describe('class 5: writes that cannot lose data', () => {
  it('replaces a file atomically and leaves the old one and no temporary file when the write fails', () => {
    const dir = tempDir('atomic');
    const file = join(dir, 'base.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    expect(readFileSync(file, 'utf8')).toBe('two');
    mkdirSync(join(dir, 'taken'));
    writeFileSync(join(dir, 'taken/x'), '');
    expect(() => writeFileAtomic(join(dir, 'taken'), 'three')).toThrow(); // rename onto a folder fails
    expect(readdirSync(dir).sort()).toEqual(['base.json', 'taken']);
  });

  it('exits 2 with one line when stdout cannot be written, and 0 quietly on a closed pipe', () => {
    const full = sh(`node ${bin} models > /dev/full`);
    expect(full.status).toBe(2);
    expect(full.stderr.trim()).toBe('llmcost: cannot write the output: ENOSPC');
    const pipe = sh(`set -o pipefail; node ${bin} models | head -c 10 > /dev/null`);
    expect(pipe.status).toBe(0);
    expect(pipe.stderr).toBe('');
  });
});

describe('class 8: no silent empties', () => {
  it('reads stray text on stdin as malformed lines, not a CSV header', async () => {
    const r = await runCli(['analyze', '--strict'], {
      stdin: 'cat: usage.jsonl: No such file or directory\n',
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no usage records found (1 line(s) read)');
    expect(r.stderr).toContain('1 invalid JSON');
  });

  it('prints no empty table on a terminal when nothing was read; CSV keeps its header', async () => {
    const r = await runCli(['analyze'], { stdin: '{"a":1}\n' });
    expect(r.stdout).toContain('0 records');
    expect(r.stdout).not.toContain('┌');
    const csv = await runCli(['analyze', '--format', 'csv'], { stdin: '{"a":1}\n' });
    expect(csv.stdout.split('\n')[0]).toContain('model');
  });

  it('names --map when every record is of a shape no dialect knows, and only then', async () => {
    const unknown = '{"llm":"gpt-4o","tok_in":100,"tok_out":20}\n';
    const r = await runCli(['analyze'], { stdin: unknown });
    expect(r.stderr).toContain('1 unrecognized record shape');
    expect(r.stderr).toMatch(/^hint: no known log shape; name the fields with --map/m);
    const some = await runCli(['analyze'], {
      stdin: unknown + readFileSync('fixtures/logs/openai-chat.jsonl', 'utf8'),
    });
    expect(some.stderr).toContain('1 unrecognized record shape');
    expect(some.stderr).not.toContain('hint:');
  });

  it('still reads a CSV export piped in', async () => {
    const csv = readFileSync('fixtures/logs/openai-export.csv');
    const r = await runCli(['analyze', '--json'], { stdin: csv });
    expect(JSON.parse(r.stdout).summary.records).toBeGreaterThan(0);
  });

  it.each([
    [['count', 'fixtures/count-repo/prompts', '--include', '*.nothing'], 'no files to count'],
    [['count', '"fixtures/**/*.nothing"'.replace(/"/g, '')], 'no files to count'],
  ])('count %j does not pass a gate on nothing', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });

  it('count exits 2 on empty standard input', async () => {
    const r = await runCli(['count', '--max-total', '10'], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('standard input was empty');
  });

  // An unset shell variable passed as a value ("$OUT"): read as not given, it printed a report where a
  // file was asked for (--partial) or ignored a gate (--baseline); read as a path, the current folder.
  it.each([
    [['analyze', 'fixtures/logs/openai-chat.jsonl', '--partial', ''], '--partial'],
    [['count', 'fixtures/count-repo/prompts', '--baseline', ''], '--baseline'],
    [['prices', 'export', '-o', ''], '--output'],
    [['analyze', 'fixtures/logs/openai-chat.jsonl', '--pricing', ''], '--pricing'],
    [['models', '--search', ''], '--search'],
  ])('refuses %j: an empty value is one line, exit 2', async (args, option) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `llmcost: ${option}: empty value\nhint: an unset variable? give it a value, or leave the option out\n`,
    );
  });

  it('takes "-" as stdout or refuses it, never a file named "-"', async () => {
    const dir = tempDir('llmcost-dash');
    const part = await runCli(
      ['analyze', resolve('fixtures/logs/openai-chat.jsonl'), '--partial', '-'],
      {
        cwd: dir,
      },
    );
    expect(part.code, part.stderr).toBe(0);
    expect(JSON.parse(part.stdout).format).toBe('llmcost.partial/1');
    expect(part.stderr).toMatch(/to stdout\n$/);
    const both = await runCli(
      ['analyze', resolve('fixtures/logs/openai-chat.jsonl'), '--partial', '-', '--emit', '-'],
      { cwd: dir },
    );
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/^llmcost: --partial - and --emit - both want stdout\n/);
    const save = await runCli(['count', resolve('README.md'), '--save-baseline', '-'], {
      cwd: dir,
    });
    expect(save.code).toBe(2);
    expect(save.stderr).toBe(
      'llmcost: --save-baseline: a baseline is a file\nhint: --save-baseline baseline.json\n',
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('warns about --by fields no record carries and unknown --provider names', async () => {
    const by = await runCli(['analyze', 'fixtures/logs/app-log.jsonl', '--by', 'featur']);
    expect(by.stderr).toContain('--by featur: no record carries it; nearest: feature');
    const provider = await runCli(['models', '--provider', 'opnai']);
    expect(provider.stderr).toContain(
      '--provider "opnai" matches no provider in the catalog; did you mean openai',
    );
  });
});

describe('class 9: found by trying it as a new user', () => {
  it('counts from an install folder whose path has a space', () => {
    const dir = join(tempDir('space'), 'my proj');
    cpSync('bin', join(dir, 'bin'), { recursive: true });
    cpSync('dist/cli', join(dir, 'dist/cli'), { recursive: true });
    cpSync('package.json', join(dir, 'package.json'));
    symlinkSync(join(process.cwd(), 'node_modules'), join(dir, 'node_modules'));
    writeFileSync(join(dir, 'p.txt'), 'hello world');
    const r = sh(`node "bin/llmcost.js" count p.txt --json`, dir);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).total.tokens).toBe(2);
  });

  it('buckets days in half-hour and 45-minute zones', async () => {
    const stdin =
      '{"model":"gpt-4o","input_tokens":1,"output_tokens":1,"timestamp":"2025-10-01T18:40:00Z"}\n';
    for (const tz of ['Asia/Kolkata', 'Asia/Kathmandu']) {
      const r = await runCli(['analyze', '-', '--by', 'day', '--tz', tz, '--json'], { stdin });
      expect(JSON.parse(r.stdout).groups[0].day, tz).toBe('2025-10-02');
    }
  });

  it('skips Claude Code user lines without ids, and reads each file of a cat with its BOM', async () => {
    const user = '{"type":"user","message":{"role":"user","content":"hi"}}\n';
    const bom = `\uFEFF${record(5)}`;
    const r = await runCli(['analyze', '-', '--json'], { stdin: record(1) + user + bom + bom });
    const doc = JSON.parse(r.stdout);
    expect(doc.malformed).toEqual({});
    expect(doc.skipped).toEqual({ 'user line': 1 });
    expect(doc.summary.usage.input).toBe(11);
  });

  it('installs no tokenizer library for users and ships a licence', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(Object.keys(pkg.dependencies)).not.toContain('js-tiktoken');
    expect(pkg.files).toContain('LICENSE');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^MIT License/);
  });
});
