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
});
