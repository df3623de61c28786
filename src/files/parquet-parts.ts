/**
 * Parquet rows of several threads in one file. A worker encodes its rows into a part file of row groups
 * with no footer and hands the main thread the groups' metadata; the main thread copies the part's bytes
 * after its own groups and adds those groups, their offsets moved by where the bytes landed, to its
 * footer. Encoding is most of `--emit x.parquet`'s cost; this spreads it over every thread.
 *
 * hyparquet-writer's ParquetWriter keeps the footer's row groups and pending page indexes in plain
 * fields (`row_groups`, `num_rows`, `pendingIndexes`) that `finish()` serializes; this file is the one
 * place that reaches into them, and the DuckDB and ClickHouse round trips of a parallel Parquet emit
 * (test/parallel.test.ts, test/parallel-tree.test.ts) fail if their shape changes.
 */
import { followPart } from './follow-part.js';

interface ChunkOffsets {
  file_offset: bigint;
  meta_data?: {
    data_page_offset: bigint;
    dictionary_page_offset?: bigint;
    index_page_offset?: bigint;
  };
}
interface PageIndexes {
  chunk: ChunkOffsets;
  offsetIndex?: { page_locations: { offset: bigint }[] };
}
/** The fields of hyparquet-writer's ParquetWriter this file uses. */
export interface WriterFields {
  writer: { offset: number; appendBytes(b: Uint8Array): void; finish(): void };
  row_groups: { columns: ChunkOffsets[] }[];
  num_rows: bigint;
  pendingIndexes: PageIndexes[];
}

/** What a part's writer hands over: its groups and page indexes, offsets counted from the part's start. */
export interface PartGroups {
  rowGroups: WriterFields['row_groups'];
  numRows: bigint;
  indexes: PageIndexes[];
}

/** Writes out a part's buffered bytes (no footer) and gives its groups to the main thread. */
export function handOver(pw: WriterFields): PartGroups {
  pw.writer.finish();
  // Page indexes hold the same chunk objects as the groups; one message keeps them the same objects.
  return { rowGroups: pw.row_groups, numRows: pw.num_rows, indexes: pw.pendingIndexes };
}

/**
 * Copies the part at `path` (its leading "PAR1" left out) into `pw`'s file while its thread writes it,
 * then lists the part's groups in `pw`'s footer with their offsets moved to where the bytes landed.
 */
export async function appendPart(
  pw: WriterFields,
  path: string,
  done: Promise<PartGroups>,
): Promise<void> {
  const shift = BigInt(pw.writer.offset - 4);
  const part = await followPart(path, 4, done, (b) => pw.writer.appendBytes(b));
  const moved = new Set<ChunkOffsets>();
  const move = (c: ChunkOffsets) => {
    if (moved.has(c)) return;
    moved.add(c);
    c.file_offset += shift;
    const m = c.meta_data;
    if (!m) return;
    m.data_page_offset += shift;
    if (m.dictionary_page_offset !== undefined) m.dictionary_page_offset += shift;
    if (m.index_page_offset !== undefined) m.index_page_offset += shift;
  };
  for (const g of part.rowGroups) g.columns.forEach(move);
  for (const i of part.indexes) {
    move(i.chunk);
    for (const p of i.offsetIndex?.page_locations ?? []) p.offset += shift;
  }
  pw.row_groups.push(...part.rowGroups);
  pw.num_rows += part.numRows;
  pw.pendingIndexes.push(...part.indexes);
}
