import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/files/discover.js';

describe('discover', () => {
  it('reports each new file once as the walk finds it, however often it is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'llmcost-walk-'));
    mkdirSync(join(dir, 'sub'));
    for (const f of ['a.md', 'b.md', 'sub/c.md']) writeFileSync(join(dir, f), 'x');
    const seen: number[] = [];
    const found = discover([dir, join(dir, 'a.md'), join(dir, 'sub'), dir], {
      cwd: dir,
      onFound: (n) => seen.push(n),
    });
    expect(found.files.map((f) => f.slice(dir.length + 1))).toEqual(['a.md', 'b.md', 'sub/c.md']);
    expect(seen).toEqual([1, 2, 3]);
  });
});
