import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Pool from '../../src/tokenize/pool.js';

// Worker threads run the built JavaScript (npm test builds first), so this test uses dist/.
const built = '../../dist/tokenize/pool.js';
const { CountPool, countFiles, PARALLEL_MIN_BYTES, worthParallel } = (await import(
  built
)) as typeof Pool;

describe('countFiles', () => {
  it('gives identical results on worker threads and on the main thread alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llmcost-pool-'));
    const files: string[] = [];
    const per = Math.ceil(PARALLEL_MIN_BYTES / 40) + 100;
    for (let i = 0; i < 40; i++) {
      const f = join(dir, `f${i}.txt`);
      writeFileSync(
        f,
        `file ${i}: ${'lorem ipsum dolor sit amet 12345, '.repeat(i + 1)}`.padEnd(per, ` word${i}`),
      );
      files.push(f);
    }
    expect(worthParallel(files, 2)).toBe(true);
    const serial = await countFiles(files, {
      encodings: ['o200k_base', 'cl100k_base'],
      raw: false,
      threads: 1,
    });
    const parallel = await countFiles(files, {
      encodings: ['o200k_base', 'cl100k_base'],
      raw: false,
      threads: 2,
    });
    expect(parallel).toEqual(serial);
    expect(serial.every((r) => 'tokens' in r && (r.tokens.o200k_base ?? 0) > 0)).toBe(true);
  });

  it('counts each file of a large input once, results in input order', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'llmcost-pool-'));
    const files = Array.from({ length: 200 }, (_, i) => {
      const f = join(dir, `f${i}.txt`);
      writeFileSync(f, `file ${i}: ` + 'the quick brown fox, 42 lazy dogs; '.repeat(200 + i));
      return f;
    });
    const pool = new CountPool({ encodings: ['o200k_base'], raw: false, threads: 2 });
    const results = await pool.count(files);
    expect(results).toEqual(
      await countFiles(files, { encodings: ['o200k_base'], raw: false, threads: 1 }),
    );
    // How the files split depends on when the worker is ready (npm run bench measures that); each file
    // is counted exactly once either way.
    expect(pool.split.length).toBeLessThanOrEqual(2);
    expect(pool.split.reduce((a, b) => a + b, 0)).toBe(200);
  });

  it('dismisses a started worker that an input too small never needed', async () => {
    const pool = new CountPool({ encodings: ['o200k_base'], raw: false, threads: 2 });
    const results = await pool.count(['package.json', 'tsconfig.json']);
    expect(results.map((r) => 'tokens' in r && r.path)).toEqual(['package.json', 'tsconfig.json']);
    expect(pool.split).toEqual([2]);
  });

  it('counts every file on the main thread when a worker cannot start or fails', async () => {
    // From src/ there is no worker.js to start, which is exactly a worker failing.
    const { CountPool } = await import('../../src/tokenize/pool.js');
    const dir = mkdtempSync(join(tmpdir(), 'llmcost-pool-'));
    const files = Array.from({ length: 40 }, (_, i) => {
      const f = join(dir, `f${i}.txt`);
      writeFileSync(f, `file ${i} `.padEnd(Math.ceil(PARALLEL_MIN_BYTES / 40) + 10, 'x y '));
      return f;
    });
    const results = await new CountPool({
      encodings: ['o200k_base'],
      raw: false,
      threads: 2,
    }).count(files);
    const serial = await countFiles(files, { encodings: ['o200k_base'], raw: false, threads: 1 });
    expect(results).toEqual(serial);
  });

  it('stays on the main thread for small inputs', () => {
    expect(worthParallel(['package.json'], 8)).toBe(false);
  });
});
