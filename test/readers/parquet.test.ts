// Parquet logs: analyze --emit's own Parquet read back, and a Langfuse blob export as DuckDB (a real
// Parquet writer) writes it with every codec; bad Parquet is a one-line usage error.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { slices } from '../../src/readers/parquet-records.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

async function analyze(args: string[]) {
  const r = await runCli(['analyze', ...args, '--json', '--tz', 'UTC']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('Parquet logs', () => {
  it("read analyze --emit's Parquet back to the same report, by day and model", async () => {
    const file = join(tempDir('llmcost-parquet'), 'rows.parquet');
    const logs = [
      'fixtures/logs/sql-cases.jsonl',
      'fixtures/logs/claude-code',
      'fixtures/logs/gemini.jsonl',
    ];
    const first = await analyze([...logs, '--by', 'day,model', '--emit', file]);
    const again = await analyze([file, '--by', 'day,model']);
    expect(again.dialects).toEqual({ 'llmcost-emit': first.summary.records });
    expect(again.malformed).toEqual({});
    expect(again.summary).toEqual(first.summary);
    expect(again.groups).toEqual(first.groups);
  });

  it('read a Langfuse blob export in every codec, with MAP usage, TIMESTAMP times and INT64 counts', async () => {
    const dir = tempDir('llmcost-parquet-codecs');
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    await c.run(`CREATE TABLE obs AS SELECT * FROM (VALUES
      ('obs-2', 'tr-2', 'GENERATION', TIMESTAMP '2025-10-01 23:30:00', 'claude-sonnet-4-5',
       MAP {'input': 100::BIGINT, 'cache_read_input_tokens': 5000::BIGINT,
            'cache_creation_input_tokens': 1000::BIGINT, 'output': 700::BIGINT},
       MAP {'total': 0.020325::DOUBLE}, 'u-2'),
      ('obs-3', 'tr-1', 'SPAN', TIMESTAMP '2025-10-01 10:00:01', NULL,
       MAP {}::MAP(VARCHAR, BIGINT), MAP {}::MAP(VARCHAR, DOUBLE), NULL)
    ) t(id, trace_id, type, start_time, provided_model_name, usage_details, cost_details, user_id)`);
    const codecs = ['uncompressed', 'snappy', 'gzip', 'zstd', 'brotli', 'lz4', 'lz4_raw'];
    for (const codec of codecs)
      await c.run(
        `COPY obs TO '${join(dir, `${codec}.parquet`)}' (FORMAT parquet, COMPRESSION ${codec})`,
      );
    c.closeSync();
    for (const codec of codecs) {
      const doc = await analyze([join(dir, `${codec}.parquet`)]);
      expect(doc.dialects, codec).toEqual({ langfuse: 2 });
      expect(doc.skipped).toEqual({ 'Langfuse span (no usage)': 1 });
      expect(doc.summary.usage).toMatchObject({
        input: 100,
        cacheRead: 5000,
        cacheWrite5m: 1000,
        output: 700,
        requests: 1,
      });
      expect(doc.summary.loggedCost).toBe(0.020325);
      expect(doc.period).toMatchObject({ from: '2025-10-01', to: '2025-10-01' });
    }
    // a folder's .parquet files are found like its other logs; the copies are one observation
    const all = await analyze([dir]);
    expect(all.lines).toBe(2 * codecs.length);
    expect(all.summary.requests).toBe(1);
    expect(Object.values(all.duplicates)).toEqual([codecs.length - 1]);
  });

  it('refuse Parquet on stdin and corrupt Parquet with one line and exit 2', async () => {
    const dir = tempDir('llmcost-parquet-bad');
    const stdin = await runCli(['analyze'], { stdin: 'PAR1 then the rest of a file' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('stdin holds a Parquet file');
    const cases = {
      'junk.parquet': Buffer.from('PAR1garbage'),
      'length.parquet': Buffer.concat([
        Buffer.from('PAR1'),
        Buffer.alloc(100, 7),
        Buffer.from([0xff, 0xff, 0xff, 0x7f]),
        Buffer.from('PAR1'),
      ]),
      'metadata.parquet': Buffer.concat([
        Buffer.from('PAR1'),
        Buffer.alloc(100, 0x19),
        Buffer.from([50, 0, 0, 0]),
        Buffer.from('PAR1'),
      ]),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      writeFileSync(join(dir, name), bytes);
      const r = await runCli(['analyze', join(dir, name)]);
      expect([r.code, r.stdout], name).toEqual([2, '']);
      expect(r.stderr).toMatch(/^llmcost: cannot read .*: not a readable Parquet file \(.+\)\n$/);
    }
  });

  it('reads a row group whole when it is small enough, else in slices, never across groups', () => {
    // A slice inside a group decodes the group's pages again: DuckDB's 122,880-row groups read in one go.
    expect([...slices([122_880, 100])]).toEqual([
      [0, 122_880],
      [122_880, 122_980],
    ]);
    expect([...slices([200_000])]).toEqual(
      Array.from({ length: 13 }, (_, i) => [i * 16_384, Math.min(200_000, (i + 1) * 16_384)]),
    );
    expect([...slices([0, 5])]).toEqual([[0, 5]]);
  });
});
