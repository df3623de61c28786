import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeClaudeTree } from '../src/bench/logs.js';
import { parquetRows } from './helpers/parquet-rows.js';
import { tempDir } from './helpers/temp.js';

// Worker threads run the built JavaScript, so these tests spawn the built binary (npm test builds first).
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/llmcost.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', TZ: 'UTC', ...env },
  });

/** The same report and messages, byte for byte, but for the thread count the JSON names. */
function expectSameReport(a: Ran, b: Ran): void {
  const unthreaded = (s: string) => s.replace(/"threads": \d+/, '');
  expect(unthreaded(a.stdout)).toBe(unthreaded(b.stdout));
  expect(a.stderr).toBe(b.stderr);
}
type Ran = { stdout: string; stderr: string };

/**
 * A Claude Code tree with what makes sharing it out hard: a resumed session that repeats another's
 * history (other session id, later time) in a file sorting before and one sorting after it, sub-agent
 * files replaying their parent's messages, a logged cost, bad lines, and OpenAI logs that repeat ids.
 */
function hardTree(): string {
  const dir = tempDir('llmcost-tree');
  writeClaudeTree(dir, 24, 120);
  const project = join(dir, 'projects', '-home-dev-repo0');
  const history = readFileSync(join(project, listOne(project)), 'utf8')
    .trim()
    .split('\n')
    .slice(0, 60);
  const resumed = (sid: string) =>
    history.map((l) =>
      l
        .replace(/"sessionId":"[^"]+"/, `"sessionId":"${sid}"`)
        .replace(/"timestamp":"2026-10-0/, '"timestamp":"2026-11-0'),
    );
  writeFileSync(
    join(project, '00000000-resumed-before.jsonl'),
    resumed('00000000').join('\n') + '\n',
  );
  writeFileSync(
    join(project, 'ffffffff-resumed-after.jsonl'),
    resumed('ffffffff').join('\n') + '\n',
  );
  // A sub-agent replaying parent messages under new request ids, and doing work of its own.
  const sub = join(project, listOne(project).replace('.jsonl', ''), 'subagents');
  mkdirSync(sub, { recursive: true });
  const parent = JSON.parse(history.find((l) => l.includes('"assistant"'))!);
  const replay = { ...parent, isSidechain: true, requestId: 'req_replayed' };
  const own = {
    ...parent,
    isSidechain: true,
    requestId: 'req_own',
    message: { ...parent.message, id: 'msg_sub_own' },
    costUSD: 0.1234567891,
  };
  writeFileSync(
    join(sub, 'agent-1.jsonl'),
    [replay, own, own].map((o) => JSON.stringify(o)).join('\n') + '\n{"broken": \n',
  );
  const chat = readFileSync('fixtures/logs/openai-chat.jsonl', 'utf8');
  mkdirSync(join(dir, 'openai'));
  writeFileSync(join(dir, 'openai', 'a.jsonl'), chat);
  writeFileSync(join(dir, 'openai', 'b.jsonl'), chat + chat);
  // Malformed lines in several files: the report names the first ones in file order, whoever read them.
  for (let k = 0; k < 6; k++)
    writeFileSync(join(dir, 'openai', `bad-${k}.jsonl`), `{"nope": \n${chat}[1,2]\n`);
  return dir;
}

function listOne(project: string): string {
  const out = spawnSync('ls', [project], { encoding: 'utf8' }).stdout.split('\n');
  return out.find((f) => /^5f0c.*\.jsonl$/.test(f))!;
}

describe('analyze over a tree on several threads', () => {
  const dir = hardTree();
  const variants = [
    ['--by', 'day,model', '--top', '5'],
    ['--by', 'session'],
    ['--by', 'project,model'],
    ['--by', 'block'],
    ['--by', 'provider', '--reprice-as', 'gpt-4o-mini'],
  ];
  for (const v of variants)
    it(`gives the one-thread report byte for byte (${v.join(' ')})`, () => {
      const args = ['analyze', dir, ...v, '--json'];
      const one = run([...args, '--threads', '1']);
      expect(one.status, one.stderr).toBe(0);
      const doc = JSON.parse(one.stdout);
      expect(doc.threads).toBe(1);
      expect(doc.duplicates).toMatchObject({
        'sidechain replay of a parent message': 1,
        'streaming snapshot of the same response': expect.any(Number),
        'response already counted (an earlier file or its final message)': expect.any(Number),
        'same response id logged again': expect.any(Number),
      });
      expect(doc.malformed['invalid JSON']).toBe(7);
      for (const threads of ['2', '3']) {
        const many = run([...args, '--threads', threads], { LLMCOST_PARALLEL_MIN_BYTES: '1' });
        expect(many.status, many.stderr).toBe(0);
        expect(JSON.parse(many.stdout).threads).toBeGreaterThan(1);
        expectSameReport(many, one);
      }
    });

  it("writes one Parquet file of every thread's rows: those of one thread", async () => {
    const out = tempDir('llmcost-tree-parquet');
    const [one, two] = ['1', '2'].map((threads) => {
      const file = join(out, `rows-${threads}.parquet`);
      const r = run(['analyze', dir, '--json', '--threads', threads, '--emit', file], {
        LLMCOST_PARALLEL_MIN_BYTES: '1',
      });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).threads).toBe(Number(threads));
      return file;
    });
    const a = await parquetRows(one!);
    const b = await parquetRows(two!);
    expect(a.rows.length).toBeGreaterThan(1000);
    expect(b.rows).toEqual(a.rows);
    expect(Number(b.groups.rows)).toBe(a.rows.length);
  });

  it('gives the same report when a thread must wait for each file to be settled before reading on', () => {
    // Held to no unsettled record, a thread waits for every earlier file's turn (a large file read by the
    // other thread holds it there): the bound on memory must change nothing but the order of work.
    const args = ['analyze', dir, '--by', 'day,model', '--top', '5', '--json'];
    const one = run([...args, '--threads', '1']);
    const waiting = run([...args, '--threads', '2'], {
      LLMCOST_PARALLEL_MIN_BYTES: '1',
      LLMCOST_TREE_MAX_PENDING: '1',
    });
    expect(waiting.status, waiting.stderr).toBe(0);
    expect(JSON.parse(waiting.stdout).threads).toBe(2);
    expectSameReport(waiting, one);
  });

  it('counts a resumed session once, in the file that sorts first', () => {
    const doc = JSON.parse(
      run(['analyze', dir, '--by', 'session', '--json', '--threads', '1']).stdout,
    );
    const sessions = doc.groups.map((g: { session: string }) => g.session);
    expect(sessions).toContain('00000000');
    expect(sessions).not.toContain('ffffffff');
  });
});

describe('a tree whose reading fails on a worker thread', () => {
  // A file in the middle that cannot be read: gzip's magic bytes, then garbage. The thread reading it
  // fails; the others, waiting for their turn to settle, must stop rather than wait for it forever.
  const dir = tempDir('llmcost-tree-fail');
  writeClaudeTree(dir, 12, 200);
  const project = join(dir, 'projects', '-home-dev-repo1');
  writeFileSync(
    join(project, '7-corrupt.jsonl.gz'),
    Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5]),
  );
  const many = { LLMCOST_PARALLEL_MIN_BYTES: '1' };
  const runIn = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, ['bin/llmcost.js', ...args], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TZ: 'UTC', ...env },
      timeout: 60_000, // a hang fails the test instead of the suite
    });

  it('ends with the one-thread error, exit 2, on any thread count', () => {
    const one = run(['analyze', dir, '--threads', '1']);
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/^llmcost: cannot read .*7-corrupt\.jsonl\.gz: corrupt gzip data\n/);
    for (const threads of ['2', '3']) {
      const r = runIn(['analyze', dir, '--threads', threads], many);
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr).toBe(one.stderr);
      expect(r.stdout).toBe('');
    }
  });

  it.each(['rows.csv', 'rows.parquet'])(
    'with --emit %s, leaves neither the target nor part files behind',
    (name) => {
      const tmp = tempDir('llmcost-tree-fail-tmp');
      const out = join(tempDir('llmcost-tree-fail-out'), name);
      const r = runIn(['analyze', dir, '--threads', '2', '--emit', out], { ...many, TMPDIR: tmp });
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/corrupt gzip data/);
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(join(out, '..'))).toEqual([]);
      expect(readdirSync(tmp)).toEqual([]);
    },
  );
});
