import { closeSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { StepSum, stepPart } from './opencode-steps.js';

/** A message file of OpenCode's JSON storage (before 1.2): storage/message/<session>/<message>.json. */
const MESSAGE_FILE = /[\\/]storage[\\/]message[\\/][^\\/]+[\\/][^\\/]+\.json$/;

/** A step-finish part is a few hundred bytes: a part file whose start names no step is not one. */
const HEAD = 4096;

/**
 * The steps of a message read from OpenCode's JSON storage: its parts are the files of
 * storage/part/<message>/ (packages/opencode/src/storage/json-migration.ts reads them so), and its
 * `step-finish` parts are summed as opencode.db's are (opencode-steps.ts). Only the start of each part
 * file is read unless it names a step, so tool output and text cost a small read each.
 */
export function withFileSteps(source: string, doc: unknown): void {
  if (!MESSAGE_FILE.test(source) || doc === null || typeof doc !== 'object') return;
  const message = doc as Record<string, unknown>;
  if (message.role !== 'assistant' || typeof message.id !== 'string') return;
  const dir = join(dirname(dirname(dirname(source))), 'part', basename(message.id));
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return; // no parts (or none readable): the message's own tokens stand
  }
  const steps = new StepSum();
  for (const name of names.sort()) {
    const text = stepText(join(dir, name));
    if (text === undefined) continue;
    const part = stepPart(text);
    if (part) steps.add(part.parsed as Parameters<StepSum['add']>[0]);
  }
  steps.apply(message);
}

/** A part file's text when its start names a step; undefined for any other part, or one not readable. */
function stepText(path: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const head = Buffer.allocUnsafe(HEAD);
    const n = readSync(fd, head, 0, HEAD, 0);
    const start = head.toString('utf8', 0, n);
    if (!start.includes('"step-finish"')) return undefined;
    return n < HEAD ? start : readFileSync(path, 'utf8');
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
