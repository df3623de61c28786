import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

describe('llmcost prices export', () => {
  for (const d of ['duckdb', 'postgres', 'clickhouse', 'bigquery'])
    it(`writes the ${d} script to stdout`, async () => {
      const r = await runCli(['prices', 'export', '--dialect', d]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toMatch(
        new RegExp(`^-- llmcost price rules for ${d}, catalog of \\d{4}-\\d{2}-\\d{2}`),
      );
      expect(r.stdout).toContain('llmcost_priced');
      expect(r.stdout).toContain("'claude-sonnet-4-5'");
    });

  it('writes the bare rates table as CSV and as Parquet', async () => {
    const csv = await runCli(['prices', 'export', '--format', 'csv']);
    expect(csv.code).toBe(0);
    const [head, ...rows] = csv.stdout.trim().split('\n');
    expect(head).toMatch(
      /^model_id,provider,valid_from,valid_to,prompt_above,prompt_upto,minute_from,minute_to,batch/,
    );
    expect(rows.length).toBeGreaterThan(5000);
    const dir = tempDir('llmcost-export');
    const file = join(dir, 'prices.parquet');
    const pq = await runCli(['prices', 'export', '--format', 'parquet', '-o', file]);
    expect(pq.code, pq.stderr).toBe(0);
    expect(pq.stderr).toMatch(/wrote \d+ price rows/);
    expect(readFileSync(file).subarray(0, 4).toString()).toBe('PAR1');
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  it('takes -o - as stdout, as everywhere (it wrote a file named "-")', async () => {
    const dir = tempDir('llmcost-export-dash');
    const csv = await runCli(['prices', 'export', '--format', 'csv', '-o', '-'], { cwd: dir });
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^model_id,/);
    const sql = await runCli(['prices', 'export', '-o', '-'], { cwd: dir });
    expect(sql.stdout).toMatch(/^-- llmcost price rules for duckdb/);
    const parquet = await runCli(['prices', 'export', '--format', 'parquet', '-o', '-'], {
      cwd: dir,
    });
    expect(parquet.code).toBe(2);
    expect(parquet.stderr).toMatch(/--format parquet needs a file/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('says what is wrong in one line, exit 2', async () => {
    let r = await runCli(['prices', 'export', '--format', 'parquet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format parquet needs a file/);
    r = await runCli(['prices', 'export', '--dialect', 'oracle']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/oracle/);
    r = await runCli([
      'prices',
      'export',
      '-o',
      join(tempDir('llmcost-export-bad'), 'missing', 'p.sql'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write .*: no such file or folder \(ENOENT\)/);
  });
});
