import { failure } from '../errors.js';
import { appendFileSync } from 'node:fs';

/** GitHub Actions workflow-command escaping (data and properties). */
const escapeData = (s: string) =>
  s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProp = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…::…` lines; GitHub reads workflow commands from stderr too, which keeps stdout clean. */
export function annotations(breaches: { path: string; message: string }[]): string[] {
  return breaches.map((b) =>
    b.path.startsWith('(')
      ? `::error title=llmcost count::${escapeData(b.message)}`
      : `::error file=${escapeProp(b.path)},title=llmcost count::${escapeData(b.message)}`,
  );
}

export function appendStepSummary(file: string, markdown: string): string | undefined {
  try {
    appendFileSync(file, `${markdown}\n`);
    return undefined;
  } catch (err) {
    return `llmcost: cannot append to GITHUB_STEP_SUMMARY (${failure(err)})`;
  }
}
