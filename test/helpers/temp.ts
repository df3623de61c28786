import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A new folder under the run's temporary root (test/helpers/temp-root.ts removes it at the end). */
export function tempDir(name = 'tmp'): string {
  return mkdtempSync(join(process.env.LLMCOST_TEST_TMP ?? tmpdir(), `${name}-`));
}
