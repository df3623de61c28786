import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from './helpers/temp.js';

const check = (src?: string) =>
  spawnSync(process.execPath, ['scripts/check-imports.mjs', ...(src ? [src] : [])], {
    encoding: 'utf8',
  });

describe('scripts/check-imports.mjs (run by npm run lint)', () => {
  it('passes on the project', () => {
    const r = check();
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('no import cycle');
  });

  it('fails on a back edge and on a cycle, type-only imports included', () => {
    const src = join(tempDir('layers'), 'src');
    mkdirSync(join(src, 'readers'), { recursive: true });
    mkdirSync(join(src, 'app'), { recursive: true });
    mkdirSync(join(src, 'core'), { recursive: true });
    writeFileSync(
      join(src, 'readers/a.ts'),
      "import type { X } from '../app/x.js';\nexport type A = X;\n",
    );
    writeFileSync(join(src, 'app/x.ts'), 'export type X = 1;\n');
    writeFileSync(join(src, 'core/p.ts'), "import type { Q } from './q.js';\nexport type P = Q;\n");
    writeFileSync(
      join(src, 'core/q.ts'),
      "import type { P } from './p.js';\nexport type Q = P | 1;\n",
    );
    const r = check(src);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'src/readers/a.ts: imports src/app/x.ts (readers may not import app)',
    );
    expect(r.stderr).toContain('import cycle: src/core/p.ts <-> src/core/q.ts');
  });
});
