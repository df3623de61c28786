import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLinesSync } from '../../src/lib/tracker/read-log.js';
import { tempDir } from '../helpers/temp.js';

describe('readLinesSync', () => {
  it('decodes a character split across two chunks, and the last line without a newline', () => {
    const file = join(tempDir('read-log'), 'log.jsonl');
    // "€" is 3 bytes; place it across the 1 MiB chunk boundary.
    const first = 'a'.repeat(1024 * 1024 - 1) + '€x';
    writeFileSync(file, `${first}\nsecond\n\nlast`);
    const lines: string[] = [];
    readLinesSync(file, (l) => lines.push(l));
    expect(lines).toEqual([first, 'second', '', 'last']);
  });

  it('reads nothing from a missing file or one that is not a regular file', () => {
    const lines: string[] = [];
    readLinesSync(join(tempDir('read-log'), 'none.jsonl'), (l) => lines.push(l));
    readLinesSync('/dev/zero', (l) => lines.push(l));
    expect(lines).toEqual([]);
  });
});
