import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';

/**
 * The PostgreSQL script run by a real server (Debian's postgresql, which .ci/run installs), over the CSV
 * `analyze --emit` writes: the same totals as analyze, as DuckDB and ClickHouse give in sql-engines.test.ts.
 */
const BIN = existsSync('/usr/lib/postgresql')
  ? readdirSync('/usr/lib/postgresql')
      .map((v) => join('/usr/lib/postgresql', v, 'bin'))
      .find((d) => existsSync(join(d, 'initdb')))
  : undefined;
const LOGS = [
  'fixtures/logs/sql-cases.jsonl',
  'fixtures/logs/deepseek.jsonl',
  'fixtures/logs/claude-code',
];
const PORT = String(54_000 + (process.pid % 1000));
let dir = '';

// The server refuses to run as root: as the postgres user, in a folder it owns.
const asPostgres = (cmd: string, args: string[]) =>
  execFileSync('runuser', ['-u', 'postgres', '--', join(BIN!, cmd), ...args], { encoding: 'utf8' });
/** psql on the test's server: `-c SQL` (unaligned tuples only) or `-f FILE`. */
const psql = (how: '-c' | '-f', what: string) =>
  execFileSync(
    'psql',
    [
      '-h',
      dir,
      '-p',
      PORT,
      '-U',
      'postgres',
      '-X',
      '-q',
      '-A',
      '-t',
      '-v',
      'ON_ERROR_STOP=1',
      how,
      what,
    ],
    { encoding: 'utf8' },
  );

describe.skipIf(!BIN || process.getuid?.() !== 0)('the price rules in PostgreSQL', () => {
  beforeAll(() => {
    // Not under the run's temporary root: that folder is private to root, and the server must reach in.
    dir = mkdtempSync(join(tmpdir(), 'llmcost-pg-'));
    chmodSync(dir, 0o777);
    chownSync(dir, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
    asPostgres('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres']);
    asPostgres('pg_ctl', [
      '-D',
      join(dir, 'data'),
      '-w',
      '-l',
      join(dir, 'log'),
      '-o',
      `-k ${dir} -p ${PORT} -c listen_addresses=''`,
      'start',
    ]);
  }, 60_000);
  afterAll(() => {
    if (!BIN || !dir) return;
    const stop = [join(BIN, 'pg_ctl'), '-D', join(dir, 'data'), '-m', 'immediate', 'stop'];
    spawnSync('runuser', ['-u', 'postgres', '--', ...stop]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('prices the emitted CSV as analyze does, per model', async () => {
    const csv = join(dir, 'usage.csv');
    const sqlFile = join(dir, 'prices.sql');
    expect((await runCli(['analyze', ...LOGS, '--emit', csv])).code).toBe(0);
    expect((await runCli(['prices', 'export', '--dialect', 'postgres', '-o', sqlFile])).code).toBe(
      0,
    );
    chmodSync(csv, 0o644);
    chmodSync(sqlFile, 0o644);
    const columns = readFileSync(csv, 'utf8').split('\n')[0]!.split(',');
    const types: Record<string, string> = { ts: 'timestamp', batch: 'boolean', tags: 'jsonb' };
    const text = new Set([
      'file',
      'dialect',
      'model',
      'model_id',
      'provider',
      'price_from',
      'time_window',
    ]);
    const ddl = columns
      .map(
        (c) =>
          `${c} ${types[c] ?? (text.has(c) ? 'text' : c.includes('cost') ? 'double precision' : 'bigint')}`,
      )
      .join(', ');
    psql('-c', `CREATE TABLE llmcost_usage (${ddl})`);
    psql('-c', `\\copy llmcost_usage FROM '${csv}' WITH (FORMAT csv, HEADER true)`);
    psql('-f', sqlFile);
    const got = new Map(
      psql('-c', 'SELECT model_id, SUM(llmcost_cost) FROM llmcost_priced GROUP BY 1 ORDER BY 1')
        .trim()
        .split('\n')
        .map((l) => l.split('|') as [string, string]),
    );
    const r = await runCli([
      'analyze',
      ...LOGS,
      '--by',
      'model',
      '--cost-source',
      'calculate',
      '--json',
    ]);
    const want = (
      JSON.parse(r.stdout).groups as { model: string; calculatedCost: number | null }[]
    ).filter((g) => g.calculatedCost !== null);
    expect([...got.keys()].sort()).toEqual(want.map((g) => g.model).sort());
    for (const g of want)
      expect(
        Math.abs(Number(got.get(g.model)) - g.calculatedCost!) / g.calculatedCost!,
      ).toBeLessThan(1e-9);
  });
});
