/** A table's root page and column names, from the schema table (page 1) and its CREATE TABLE text. */
import { tableRows } from './btree.js';
import type { Database } from './database.js';
import { decodeRecord, type SqlValue } from './record.js';

export interface Table {
  root: number;
  columns: string[];
  /** The column that is the rowid itself (INTEGER PRIMARY KEY): stored as null in records. */
  rowidColumn: number;
}

/** The table named `name`, or undefined when there is none (a WITHOUT ROWID table counts as none). */
export function findTable(db: Database, name: string): Table | undefined {
  for (const [, bytes] of tableRows(db, 1)) {
    const [type, tableName, , root, sql] = decodeRecord(bytes);
    if (type !== 'table' || tableName !== name || typeof root !== 'number') continue;
    if (typeof sql !== 'string' || /\)\s*WITHOUT\s+ROWID\s*;?\s*$/i.test(sql)) return undefined;
    const defs = columnDefs(sql);
    return {
      root,
      columns: defs.map((d) => unquote(/^(`[^`]*`|"[^"]*"|\[[^\]]*\]|\S+)/.exec(d)![1]!)),
      rowidColumn: defs.findIndex((d) => /^\S+\s+integer\s+primary\s+key\b/i.test(d)),
    };
  }
  return undefined;
}

const CONSTRAINT = /^(constraint|primary|unique|check|foreign)\b/i;

/** The column definitions of a CREATE TABLE: top-level comma-separated items, table constraints left out. */
function columnDefs(sql: string): string[] {
  const body = sql.slice(sql.indexOf('(') + 1, sql.lastIndexOf(')'));
  const items: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '[') quote = ']';
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      items.push(body.slice(start, i));
      start = i + 1;
    }
  }
  items.push(body.slice(start));
  return items.map((s) => s.trim()).filter((s) => s && !CONSTRAINT.test(s));
}

/** A name as written: `x`, "x", [x] or plain (doubled quotes inside stand for one). */
function unquote(name: string): string {
  const q = name[0];
  if (q === '`' || q === '"') return name.slice(1, -1).replaceAll(q + q, q);
  if (q === '[') return name.slice(1, -1);
  return name;
}

/** The rows of `table` as objects by column name (a column a row lacks, added later, is null). */
export function* rowsOf(db: Database, table: Table): Generator<Record<string, SqlValue>> {
  for (const [rowid, bytes] of tableRows(db, table.root)) {
    const values = decodeRecord(bytes);
    const row: Record<string, SqlValue> = {};
    table.columns.forEach(
      (c, i) => (row[c] = i === table.rowidColumn ? rowid : (values[i] ?? null)),
    );
    yield row;
  }
}
