import { tempDir } from '../helpers/temp.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discover } from '../../src/files/discover.js';

describe('discover', () => {
  it('finds each file once, however often it is named', () => {
    const dir = tempDir('llmcost-walk');
    mkdirSync(join(dir, 'sub'));
    for (const f of ['a.md', 'b.md', 'sub/c.md']) writeFileSync(join(dir, f), 'x');
    const found = discover([dir, join(dir, 'a.md'), join(dir, 'sub'), dir], { cwd: dir });
    expect(found.files.map((f) => f.slice(dir.length + 1))).toEqual(['a.md', 'b.md', 'sub/c.md']);
  });
});
