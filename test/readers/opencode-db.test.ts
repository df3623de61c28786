import fc from 'fast-check';
import { copyFileSync, cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

// fixtures/agents/opencode-db/make.py writes these databases with the real SQLite (Python's sqlite3), and
// expected.json with totals per model that SQLite computes from the committed rows.
const FIXTURE = 'fixtures/agents/opencode-db';
type Totals = Record<
  string,
  { requests: number; input: number; output: number; cacheRead: number; cacheWrite: number }
>;

async function byModel(dataDir: string) {
  const r = await runCli(['analyze', '--opencode', '--json', '--tz', 'UTC'], {
    env: { HOME: '/nonexistent', OPENCODE_DATA_DIR: dataDir },
  });
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  const totals: Totals = {};
  for (const g of doc.groups)
    totals[g.model] = {
      requests: g.requests,
      input: g.input,
      output: g.output,
      cacheRead: g.cacheRead,
      cacheWrite: g.cacheWrite,
    };
  return { totals, doc, stderr: r.stderr };
}

const expected = (folder: string): Totals =>
  JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8'));

describe('OpenCode 1.2+ (opencode.db)', () => {
  it('reads the message table, and the commits still in the write-ahead log, as SQLite does', async () => {
    const { totals, doc, stderr } = await byModel(FIXTURE);
    expect(totals).toEqual(expected(FIXTURE));
    expect(doc.summary.records).toBe(333);
    // A message of several steps (step-finish parts) is as many requests, its tokens those of every step.
    expect(doc.summary.requests).toBe(333 + 39 * 2);
    expect(doc.dialects).toEqual({ opencode: 364 }); // user messages too: read, not usage
    // A row whose data is not JSON is counted with where it is; user messages are not usage.
    expect(doc.malformed).toEqual({ 'invalid JSON': 1 });
    expect(stderr).toContain('opencode.db:305');
  });

  it('groups by project: the folder OpenCode ran in (path.root)', async () => {
    const r = await runCli(['analyze', '--opencode', '--by', 'project', '--json'], {
      env: { HOME: '/nonexistent', OPENCODE_DATA_DIR: FIXTURE },
    });
    const groups = JSON.parse(r.stdout).groups.map((g: { project: string; requests: number }) => [
      g.project,
      g.requests,
    ]);
    // The two messages migrated from the old files were written before OpenCode logged a path.
    // 331 messages, 39 of them of three steps: 409 model calls.
    expect(groups).toEqual([
      ['/home/dev/shop', 331 + 39 * 2],
      ['(none)', 2],
    ]);
  });

  it('leaves out a transaction the log holds without its commit', async () => {
    const { totals } = await byModel(join(FIXTURE, 'torn'));
    expect(totals).toEqual(expected(join(FIXTURE, 'torn')));
    expect(totals['gemini-2.5-pro']!.requests).toBeLessThan(
      expected(FIXTURE)['gemini-2.5-pro']!.requests,
    );
  });

  it('reads a database whose log was merged, and counts a message also left in the old files once', async () => {
    const dir = tempDir('llmcost-opencode');
    copyFileSync(join(FIXTURE, 'torn/opencode.db'), join(dir, 'opencode.db'));
    // Without its log, the database holds the first commit only: the 40 + 20 later messages are not there.
    const { totals } = await byModel(dir);
    const all = expected(FIXTURE);
    const count = (t: Totals) => Object.values(t).reduce((n, m) => n + m.requests, 0);
    expect(count(totals)).toBe(count(all) - 60);
    // After the migration OpenCode leaves the old message files: the same messages, counted once.
    cpSync('fixtures/agents/opencode/storage', join(dir, 'storage'), { recursive: true });
    const both = await byModel(dir);
    expect(both.totals).toEqual(totals);
    expect(both.doc.duplicates).toEqual({ 'same response id logged again': 2 });
  });

  it('says what is wrong with a database it cannot read, in one line, exit 2', async () => {
    const dir = tempDir('llmcost-opencode-bad');
    const cases: [string, Buffer | string, RegExp][] = [
      ['other.db', readFileSync(join(FIXTURE, 'other.db')), /without OpenCode's message table/],
      [
        'cut.db',
        readFileSync(join(FIXTURE, 'opencode.db')).subarray(0, 8192),
        /page \d+ out of range/,
      ],
    ];
    for (const [name, bytes, reason] of cases) {
      writeFileSync(join(dir, name), bytes);
      const r = await runCli(['analyze', join(dir, name)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^llmcost: cannot read .*${name}: .*${reason.source}`));
      expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
    }
    const piped = await runCli(['analyze'], { stdin: readFileSync(join(FIXTURE, 'opencode.db')) });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toMatch(/stdin holds a SQLite database, which is read from its file/);
  });

  it('never fails with an internal error or hangs on damaged pages (fast-check)', async () => {
    const db = readFileSync(join(FIXTURE, 'opencode.db'));
    const wal = readFileSync(join(FIXTURE, 'opencode.db-wal'));
    const dir = tempDir('llmcost-opencode-damage');
    // Anywhere, or in a page's first bytes: its b-tree header and cell pointers (4 KB pages).
    const where = fc.oneof(
      fc.nat(db.length - 1),
      fc.tuple(fc.nat(db.length / 4096 - 1), fc.nat(24)).map(([page, at]) => page * 4096 + at),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(where, fc.nat(255)), { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (edits, inWal) => {
          const d = join(dir, String(n++));
          mkdirSync(d);
          const target = Buffer.from(inWal ? wal : db);
          for (const [at, byte] of edits) target[at % target.length] = byte;
          writeFileSync(join(d, 'opencode.db'), inWal ? db : target);
          writeFileSync(join(d, 'opencode.db-wal'), inWal ? target : wal);
          const r = await runCli(['analyze', join(d, 'opencode.db'), '--json']);
          expect([0, 2]).toContain(r.code);
          expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
        },
      ),
      {
        numRuns: Number(process.env.FUZZ_RUNS ?? 150),
        seed: Number(process.env.FUZZ_SEED ?? 20261201),
      },
    );
  }, 600_000);
});
