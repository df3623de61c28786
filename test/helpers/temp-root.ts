/**
 * Vitest global setup: every temporary folder the tests make lives under one root made here, and the root
 * is removed when the run ends, pass or fail (unreadable folders a test made are opened up first).
 */
import { chmodSync, lstatSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function openUp(dir: string): void {
  try {
    chmodSync(dir, 0o755);
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      // lstat: a symbolic link is removed as a link, never followed (a test makes link loops).
      if (lstatSync(p, { throwIfNoEntry: false })?.isDirectory()) openUp(p);
    }
  } catch {
    // rmSync below reports what still cannot be removed
  }
}

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'llmcost-test-'));
  process.env.LLMCOST_TEST_TMP = root;
  return () => {
    openUp(root);
    rmSync(root, { recursive: true, force: true });
  };
}
