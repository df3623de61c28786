import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A Cline task's model, read beside its messages: Cline (and its forks Roo Code and Kilo Code) keeps a task
 * in tasks/<task id>/ with `ui_messages.json` (the messages, each request an `api_req_started` message whose
 * text is its usage) and `task_metadata.json`, whose `model_usage` lists `{ts, model_id, model_provider_id}`
 * each time the model changed (ModelContextTracker records it before a request when it differs from the last
 * entry). A request's model is the last entry at or before its time. Newer versions write `modelId` and
 * `providerId` into the request itself; those stand.
 */
export function withTaskModels(source: string, doc: unknown): void {
  if (basename(source) !== 'ui_messages.json' || !Array.isArray(doc)) return;
  const changes = modelChanges(join(dirname(source), 'task_metadata.json'));
  const task = basename(dirname(source));
  for (const m of doc as unknown[]) {
    if (m === null || typeof m !== 'object') continue;
    const msg = m as Record<string, unknown>;
    msg.taskId ??= task;
    if (
      (msg.say !== 'api_req_started' && msg.say !== 'api_req_finished') ||
      typeof msg.ts !== 'number'
    )
      continue;
    const at = changes.findLast((c) => c.ts <= (msg.ts as number)) ?? changes[0];
    if (at) {
      msg.modelId ??= at.model;
      if (at.provider) msg.providerId ??= at.provider;
    }
  }
}

interface Change {
  ts: number;
  model: string;
  provider?: string;
}

/** The model changes of a task's metadata, oldest first; none when the file is missing or unreadable. */
function modelChanges(path: string): Change[] {
  let meta: unknown;
  try {
    meta = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return [];
  }
  const usage = (meta as { model_usage?: unknown } | null)?.model_usage;
  if (!Array.isArray(usage)) return [];
  const out: Change[] = [];
  for (const u of usage as unknown[]) {
    const e = u as Record<string, unknown> | null;
    if (typeof e?.ts !== 'number' || typeof e.model_id !== 'string') continue;
    out.push({
      ts: e.ts,
      model: e.model_id,
      ...(typeof e.model_provider_id === 'string' ? { provider: e.model_provider_id } : {}),
    });
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/**
 * A task folder's other files: the conversation sent to the model and the task's metadata, no usage; and the
 * extension's task history (state/taskHistory.json), totals of the tasks.
 */
const COMPANIONS = new Set([
  'api_conversation_history.json',
  'task_metadata.json',
  'context_history.json',
]);

/**
 * Whether `source` is one of a Cline task's files that hold no usage (beside its ui_messages.json): a task
 * folder named whole is read for its messages only, not counted as thousands of unrecognized records.
 */
export function isTaskCompanion(source: string): boolean {
  const name = basename(source);
  // state/taskHistory.json: each task's totals, which its own messages already count.
  if (name === 'taskHistory.json') return basename(dirname(source)) === 'state';
  return COMPANIONS.has(name) && existsSync(join(dirname(source), 'ui_messages.json'));
}
