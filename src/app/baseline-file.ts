import { readText } from '../files/read-text.js';
import { failure, UsageError } from '../errors.js';
import { comparePaths } from '../files/paths.js';
import { writeFileAtomic } from '../files/write-atomic.js';

/** A saved snapshot of prompt sizes: `llmcost count --save-baseline FILE`, compared with `--baseline FILE`. */
export interface BaselineDoc {
  schemaVersion: 1;
  tool: 'llmcost count';
  encoding: string;
  total: number;
  files: Record<string, number>;
}

export function readBaseline(path: string, display: string): BaselineDoc {
  let doc: unknown;
  let text: string;
  try {
    text = readText(path, `baseline ${display}`);
  } catch (err) {
    throw new UsageError((err as Error).message, 'create one with --save-baseline FILE');
  }
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`cannot read baseline ${display}: ${(err as Error).message}`);
  }
  const files = (doc as BaselineDoc | null)?.files;
  if (
    !files ||
    typeof files !== 'object' ||
    Object.values(files).some((v) => !Number.isSafeInteger(v) || (v as number) < 0)
  ) {
    throw new UsageError(`baseline ${display}: files: expected an object of path -> token count`);
  }
  return doc as BaselineDoc;
}

export function writeBaseline(
  path: string,
  display: string,
  encoding: string,
  files: Record<string, number>,
): void {
  const sorted = Object.fromEntries(Object.entries(files).sort(([a], [b]) => comparePaths(a, b)));
  const doc: BaselineDoc = {
    schemaVersion: 1,
    tool: 'llmcost count',
    encoding,
    total: Object.values(files).reduce((a, b) => a + b, 0),
    files: sorted,
  };
  try {
    writeFileAtomic(path, JSON.stringify(doc, null, 2) + '\n');
  } catch (err) {
    throw new UsageError(`cannot write baseline ${display}: ${failure(err)}`);
  }
}
