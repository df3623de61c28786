import { DuckDBInstance } from '@duckdb/node-api';

/** Every row of a Parquet file in file and line order, its row groups and schema tag, as DuckDB reads them. */
export async function parquetRows(file: string) {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const rows = await c.runAndReadAll(`SELECT * FROM read_parquet('${file}') ORDER BY file, line`);
    const groups = await c.runAndReadAll(
      `SELECT COUNT(DISTINCT row_group_id) AS n, SUM(row_group_num_rows) / COUNT(DISTINCT column_id) AS rows FROM parquet_metadata('${file}')`,
    );
    const meta = await c.runAndReadAll(
      `SELECT decode(value) AS v FROM parquet_kv_metadata('${file}') WHERE decode(key) = 'llmcost.schema'`,
    );
    return {
      rows: rows.getRowObjectsJson(),
      groups: groups.getRowObjectsJS()[0]!,
      schema: meta.getRowObjectsJS()[0]?.v,
    };
  } finally {
    c.closeSync();
  }
}
