/**
 * OpenCode 1.2 and later keep messages in a SQLite database (`opencode.db` in its data folder), table
 * `message`: columns `id`, `session_id`, `time_created`, `time_updated` and `data`, the message as the
 * JSON files of earlier versions held it less its `id` and `sessionID` (packages/opencode/src/session/
 * session.sql.ts). Each row is given back as that message, for the `opencode` dialect; its "line" is its
 * place in the table (rowid order).
 *
 * An assistant message is one or more steps, each a model call: OpenCode adds each step's cost to the
 * message but keeps only the last step's `tokens` (session/processor.ts, finish-step), and records every
 * step as a `step-finish` part with its tokens, which its own session totals sum. So a message with such
 * parts is given with `tokens` the sum of its steps and `steps` their count (its requests).
 */
import { CorruptDatabase, Database } from './sqlite/database.js';
import { findTable, rowsOf } from './sqlite/schema.js';

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

interface Steps {
  n: number;
  input: number;
  output: number;
  reasoning: number;
  read: number;
  write: number;
  /** A step that could not be read: the message's own `tokens` are used instead. */
  unreadable: boolean;
}

const tokenCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The steps of each message, from the `part` table's `step-finish` parts. */
function stepsOf(db: Database): Map<string, Steps> {
  const out = new Map<string, Steps>();
  const table = findTable(db, 'part');
  if (!table || !['message_id', 'data'].every((c) => table.columns.includes(c))) return out;
  for (const row of rowsOf(db, table)) {
    // Most parts are text and tool output: only a part naming the type is parsed.
    if (typeof row.data !== 'string' || !row.data.includes('"step-finish"')) continue;
    if (typeof row.message_id !== 'string') continue;
    let d: { type?: unknown; tokens?: Record<string, unknown> } | undefined;
    try {
      d = JSON.parse(row.data) as typeof d;
    } catch {
      d = undefined; // not JSON, but it named a step: the message falls back to its own tokens
    }
    if (d !== undefined && d?.type !== 'step-finish') continue;
    const s = out.get(row.message_id) ?? {
      n: 0,
      input: 0,
      output: 0,
      reasoning: 0,
      read: 0,
      write: 0,
      unreadable: false,
    };
    out.set(row.message_id, s);
    s.n++;
    const t = d?.tokens;
    const cache = t?.cache as Record<string, unknown> | undefined;
    const counts = [t?.input, t?.output, t?.reasoning ?? 0, cache?.read ?? 0, cache?.write ?? 0];
    if (!counts.every(tokenCount)) {
      s.unreadable = true;
      continue;
    }
    const [input, output, reasoning, read, write] = counts as number[];
    s.input += input!;
    s.output += output!;
    s.reasoning += reasoning!;
    s.read += read!;
    s.write += write!;
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
      const st = typeof row.id === 'string' ? steps.get(row.id) : undefined;
      if (value.role === 'assistant' && st && !st.unreadable) {
        value.tokens = {
          input: st.input,
          output: st.output,
          reasoning: st.reasoning,
          cache: { read: st.read, write: st.write },
        };
        value.steps = st.n;
      }
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
