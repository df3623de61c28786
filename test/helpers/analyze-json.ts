import { expect } from 'vitest';
import { runCli, type CliOptions } from './run-cli.js';

/** `llmcost analyze ARGS --json`, expected to succeed with nothing malformed: the parsed report. */
export async function analyzeJson(args: string[], o: CliOptions = {}) {
  const r = await runCli(['analyze', ...args, '--json'], o);
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  expect(doc.malformed).toEqual({});
  return doc;
}

/** The report's groups as rows of the named fields, for one exact comparison per table. */
export const groupRows = (doc: { groups: Record<string, unknown>[] }, fields: string[]) =>
  doc.groups.map((g) => fields.map((f) => g[f]));
