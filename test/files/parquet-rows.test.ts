import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parquetWriter } from '../../src/files/parquet-rows.js';
import { tempDir } from '../helpers/temp.js';

describe('Parquet rows', () => {
  it('write a time past what a Date holds as null, as the text writers do', async () => {
    const file = join(tempDir('llmcost-parquet-rows'), 'rows.parquet');
    const w = await parquetWriter(
      [
        { name: 'ts', type: 'timestamp' },
        { name: 'n', type: 'int' },
      ],
      file,
      {},
    );
    for (const [ts, n] of [
      [Date.parse('2026-10-01T10:00:00Z'), 1],
      [NaN, 2],
      [9e15, 3],
      [null, 4],
    ] as const)
      w.add([ts, n]);
    await w.close();
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      const rows = (
        await c.runAndReadAll(`SELECT CAST(ts AS VARCHAR) AS ts, n FROM '${file}' ORDER BY n`)
      ).getRowObjectsJS();
      expect(rows.map((r) => r.ts)).toEqual(['2026-10-01 10:00:00', null, null, null]);
    } finally {
      c.closeSync();
    }
  });

  it('splits rows into groups of 16,000 and keeps a last, partial group whole, nulls included', async () => {
    const file = join(tempDir('llmcost-parquet-rows'), 'groups.parquet');
    const w = await parquetWriter(
      [
        { name: 'n', type: 'int' },
        { name: 'model', type: 'string' },
        { name: 'cost', type: 'double' },
      ],
      file,
      {},
    );
    const rows = 40_123;
    for (let i = 0; i < rows; i++) w.add([i, i % 3 ? `m${i % 5}` : null, i % 7 ? i / 8 : null]);
    await w.close();
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    try {
      const read = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJS();
      const groups = await read(
        `SELECT row_group_num_rows AS n FROM parquet_metadata('${file}') WHERE column_id = 0 ORDER BY row_group_id`,
      );
      expect(groups.map((g) => Number(g.n))).toEqual([16_000, 16_000, 8_123]);
      const [sums] = await read(
        `SELECT count(*) AS rows, sum(n) AS n, count(model) AS models, sum(cost) AS cost,
           max(n) AS last FROM '${file}'`,
      );
      let models = 0;
      let cost = 0;
      for (let i = 0; i < rows; i++) {
        if (i % 3) models++;
        if (i % 7) cost += i / 8;
      }
      expect(sums).toEqual({
        rows: BigInt(rows),
        n: BigInt((rows * (rows - 1)) / 2),
        models: BigInt(models),
        cost: expect.closeTo(cost, 6) as number,
        last: BigInt(rows - 1),
      });
    } finally {
      c.closeSync();
    }
  });
});
