/** Parquet rows (hyparquet-writer, pure JavaScript), loaded only when a Parquet file is asked for. */
import { appendPart, handOver, type PartGroups, type WriterFields } from './parquet-parts.js';
import type { Column, ColumnType, RowWriter } from './row-types.js';

const PARQUET_TYPES = {
  int: 'INT64',
  double: 'DOUBLE',
  string: 'STRING',
  bool: 'BOOLEAN',
  timestamp: 'TIMESTAMP',
  json: 'JSON',
} as const;
/**
 * Rows a row group holds, so that every array of a group's values (ours and hyparquet-writer's, one
 * element a row) stays under V8's limit for an ordinary heap object (128 KiB: 16,382 elements of 8 bytes).
 * A larger array is a "large object" mapped and unmapped on its own: at 16,384 rows Parquet spent a third
 * of its time in the kernel (244k page faults, 11k munmap calls for the 150 MB slice; 97k at 15,000 rows
 * with arrays grown by push). Fewer rows a group also means less garbage outliving young collections
 * (32,768 rows peaked at ~300 MB of RSS for one writer).
 */
const ROW_GROUP = 16_000;

/** Values as hyparquet-writer takes them: INT64 as bigint, TIMESTAMP as Date, JSON as the value. */
const asParquet = (type: ColumnType, values: unknown[]): unknown[] =>
  type === 'int'
    ? values.map((v) => (v === null ? null : BigInt(v as number)))
    : type === 'timestamp'
      ? values.map((v) =>
          v === null || !(Math.abs(v as number) <= 8.64e15) ? null : new Date(v as number),
        )
      : type === 'json'
        ? values
        : values;

/**
 * Parquet (hyparquet-writer, pure JavaScript): columns gathered a row group at a time. A `part` (another
 * thread's share) gets no footer: its close hands its row groups to the main writer's `append`.
 */
export async function parquetWriter(
  columns: Column[],
  path: string,
  meta: Record<string, string>,
  part = false,
): Promise<RowWriter> {
  const { ParquetWriter, fileWriter, schemaFromColumnData } = await import('hyparquet-writer');
  // Each column's values, made at a group's full length (an array grown by pushes overshoots it).
  const fresh = () => columns.map(() => new Array<unknown>(ROW_GROUP));
  let data: unknown[][] = fresh();
  const columnData = () =>
    columns.map((c, i) => ({
      name: c.name,
      data: asParquet(c.type, data[i]!),
      type: PARQUET_TYPES[c.type],
      nullable: true,
    }));
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: schemaFromColumnData({ columnData: columnData() as never }),
    kvMetadata: Object.entries(meta).map(([key, value]) => ({ key, value })),
    createdBy: 'llmcost',
  });
  let rows = 0;
  const flush = () => {
    if (!rows) return;
    if (rows < ROW_GROUP) for (const values of data) values.length = rows;
    writer.write({ columnData: columnData() as never, rowGroupSize: ROW_GROUP });
    data = fresh();
    rows = 0;
  };
  return {
    add(row) {
      for (let i = 0; i < columns.length; i++) data[i]![rows] = row[i] ?? null;
      if (++rows >= ROW_GROUP) flush();
    },
    drained: async () => undefined,
    async append(path, done) {
      flush();
      await appendPart(writer as unknown as WriterFields, path, done as Promise<PartGroups>);
    },
    async close() {
      flush();
      if (part) return handOver(writer as unknown as WriterFields);
      writer.finish();
      return undefined;
    },
    abort: () => undefined,
  };
}
