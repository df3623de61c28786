/**
 * What differs between the SQL engines the price rules are exported to: column types, literals, and the
 * two functions of a timestamp the rules need (its UTC day, its UTC minute of the day). Everything else
 * is written once (prices-export.ts).
 */
export type SqlDialect = 'duckdb' | 'postgres' | 'clickhouse' | 'bigquery';
export const SQL_DIALECTS: SqlDialect[] = ['duckdb', 'postgres', 'clickhouse', 'bigquery'];

export type SqlType = 'text' | 'date' | 'int' | 'bool' | 'double';

interface DialectRules {
  types: Record<SqlType, string>;
  /** A nullable column's type. */
  nullable: (t: string) => string;
  str: (s: string) => string;
  date: (d: string) => string;
  day: (ts: string) => string;
  minute: (ts: string) => string;
  createTable: (name: string, columns: string) => string;
  createView: (name: string, body: string) => string;
}

/** Standard SQL strings: a quote doubled, a backslash is itself. */
const standard = (s: string) => `'${s.replace(/'/g, "''")}'`;
/** Strings where a backslash escapes (ClickHouse, BigQuery). */
const backslashed = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export const DIALECTS: Record<SqlDialect, DialectRules> = {
  duckdb: {
    types: { text: 'VARCHAR', date: 'DATE', int: 'BIGINT', bool: 'BOOLEAN', double: 'DOUBLE' },
    nullable: (t) => t,
    str: standard,
    date: (d) => `DATE '${d}'`,
    day: (ts) => `CAST(${ts} AS DATE)`,
    minute: (ts) => `(EXTRACT(HOUR FROM ${ts}) * 60 + EXTRACT(MINUTE FROM ${ts}))`,
    createTable: (n, c) => `CREATE OR REPLACE TABLE ${n} (\n${c}\n)`,
    createView: (n, b) => `CREATE OR REPLACE VIEW ${n} AS\n${b}`,
  },
  postgres: {
    types: {
      text: 'TEXT',
      date: 'DATE',
      int: 'BIGINT',
      bool: 'BOOLEAN',
      double: 'DOUBLE PRECISION',
    },
    nullable: (t) => t,
    str: standard,
    date: (d) => `DATE '${d}'`,
    day: (ts) => `CAST(${ts} AS DATE)`,
    minute: (ts) => `(EXTRACT(HOUR FROM ${ts}) * 60 + EXTRACT(MINUTE FROM ${ts}))`,
    createTable: (n, c) => `DROP TABLE IF EXISTS ${n} CASCADE;\nCREATE TABLE ${n} (\n${c}\n)`,
    createView: (n, b) => `CREATE OR REPLACE VIEW ${n} AS\n${b}`,
  },
  clickhouse: {
    types: { text: 'String', date: 'Date', int: 'Int64', bool: 'Bool', double: 'Float64' },
    nullable: (t) => `Nullable(${t})`,
    str: backslashed,
    date: (d) => `toDate('${d}')`,
    // Days and minutes of UTC, whatever the server's time zone.
    day: (ts) => `toDate(${ts}, 'UTC')`,
    minute: (ts) => `(toHour(${ts}, 'UTC') * 60 + toMinute(${ts}, 'UTC'))`,
    createTable: (n, c) =>
      `DROP TABLE IF EXISTS ${n};\nCREATE TABLE ${n} (\n${c}\n) ENGINE = MergeTree ORDER BY tuple()`,
    createView: (n, b) => `CREATE OR REPLACE VIEW ${n} AS\n${b}`,
  },
  bigquery: {
    types: { text: 'STRING', date: 'DATE', int: 'INT64', bool: 'BOOL', double: 'FLOAT64' },
    nullable: (t) => t,
    str: backslashed,
    date: (d) => `DATE '${d}'`,
    day: (ts) => `DATE(${ts})`,
    minute: (ts) => `(EXTRACT(HOUR FROM ${ts}) * 60 + EXTRACT(MINUTE FROM ${ts}))`,
    createTable: (n, c) => `CREATE OR REPLACE TABLE ${n} (\n${c}\n)`,
    createView: (n, b) => `CREATE OR REPLACE VIEW ${n} AS\n${b}`,
  },
};
