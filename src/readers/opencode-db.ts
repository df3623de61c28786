/**
 * OpenCode 1.2 and later keep messages in a SQLite database (`opencode.db` in its data folder), table
 * `message`: columns `id`, `session_id`, `time_created`, `time_updated` and `data`, the message as the
 * JSON files of earlier versions held it less its `id` and `sessionID` (packages/opencode/src/session/
 * session.sql.ts). Each row is given back as that message, for the `opencode` dialect; its "line" is its
 * place in the table (rowid order).
 *
 * A message with `step-finish` parts is given with `tokens` the sum of its steps and `steps` their count
 * (its requests): opencode-steps.ts.
 */
import { CorruptDatabase, Database } from './sqlite/database.js';
import { findTable, rowsOf } from './sqlite/schema.js';
import { StepSum, stepPart } from './opencode-steps.js';

export type DbRow = { line: number } & ({ value: unknown } | { error: string });

/** OpenCode's messages in the database at `path`; an error names what is not there. */
export function* opencodeMessages(path: string): Generator<DbRow> {
  const db = new Database(path);
  try {
    yield* messages(db);
  } catch (err) {
    // A damaged page sends a read past a buffer's end: the file is corrupt, not the program.
    if (err instanceof RangeError) throw new CorruptDatabase('a damaged page');
    throw err;
  } finally {
    db.close();
  }
}

/** The steps of each message, from the `part` table's `step-finish` parts. */
function stepsOf(db: Database): Map<string, StepSum> {
  const out = new Map<string, StepSum>();
  const table = findTable(db, 'part');
  if (!table || !['message_id', 'data'].every((c) => table.columns.includes(c))) return out;
  for (const row of rowsOf(db, table)) {
    if (typeof row.data !== 'string' || typeof row.message_id !== 'string') continue;
    const part = stepPart(row.data);
    if (!part) continue;
    let s = out.get(row.message_id);
    if (!s) out.set(row.message_id, (s = new StepSum()));
    s.add(part.parsed as Parameters<StepSum['add']>[0]);
  }
  return out;
}

function* messages(db: Database): Generator<DbRow> {
  const table = findTable(db, 'message');
  if (!table || !['id', 'session_id', 'data'].every((c) => table.columns.includes(c)))
    throw new NotOpenCode();
  const steps = stepsOf(db);
  let line = 0;
  for (const row of rowsOf(db, table)) {
    line++;
    if (typeof row.data !== 'string') {
      yield { line, error: 'no message data' };
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(row.data);
    } catch {
      yield { line, error: 'invalid JSON' };
      continue;
    }
    if (data === null || typeof data !== 'object' || Array.isArray(data))
      yield { line, error: 'not a JSON object' };
    else {
      const value: Record<string, unknown> = { ...data, id: row.id, sessionID: row.session_id };
      if (typeof row.id === 'string') steps.get(row.id)?.apply(value);
      yield { line, value };
    }
  }
}

/** A SQLite database that is not OpenCode's (no `message` table with its columns). */
export class NotOpenCode extends Error {
  constructor() {
    super("a SQLite database without OpenCode's message table (llmcost reads opencode.db)");
  }
}
