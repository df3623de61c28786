import { tempDir } from '../helpers/temp.js';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type * as Pool from '../../src/tokenize/pool.js';

// Worker threads run the built JavaScript (npm test builds first), so this test uses dist/.
const built = '../../dist/tokenize/pool.js';
const { CountPool, countFiles, PARALLEL_MIN_BYTES, threadsFor, worthParallel } = (await import(
  built
)) as typeof Pool;

/** `count` files in a new folder, each `bytes` long (sparse: nothing is written but their sizes). */
function sizedFiles(count: number, bytes: number): string[] {
  const dir = tempDir('llmcost-sized');
  return Array.from({ length: count }, (_, i) => {
    const f = join(dir, `f${i}.txt`);
    writeFileSync(f, '');
    truncateSync(f, bytes);
    return f;
  });
}

describe('threadsFor', () => {
  const big = Math.ceil(PARALLEL_MIN_BYTES / 40);
  it.each([
    ['the default, a small input', 40, 1000, 2, true, 1],
    ['the default, 16 MB in 40 files', 40, big, 2, true, 2],
    ['the default, 16 MB in too few files to share', 20, 2 * big, 2, true, 1],
    ['threads asked for, a small input', 40, 1000, 2, false, 2],
    ['more threads asked for than batches of files', 10, 1000, 4, false, 2],
    ['one thread asked for, a large input', 40, big, 1, false, 1],
  ])('%s', (_label, count, bytes, threads, auto, expected) => {
    expect(threadsFor(sizedFiles(count, bytes), threads, auto)).toBe(expected);
  });
});

describe('countFiles', () => {
  it('gives identical results on worker threads and on the main thread alone', async () => {
    const dir = tempDir('llmcost-pool');
    const files: string[] = [];
    const per = 30_000;
    for (let i = 0; i < 40; i++) {
      const f = join(dir, `f${i}.txt`);
      writeFileSync(
        f,
        `file ${i}: ${'lorem ipsum dolor sit amet 12345, '.repeat(i + 1)}`.padEnd(per, ` word${i}`),
      );
      files.push(f);
    }
    const o: Omit<Parameters<typeof countFiles>[1], 'threads'> = {
      encodings: ['o200k_base', 'cl100k_base'],
      raw: false,
      auto: false,
    };
    expect(threadsFor(files, 2, false)).toBe(2);
    const serial = await countFiles(files, { ...o, threads: 1 });
    const parallel = await countFiles(files, { ...o, threads: 2 });
    expect(parallel).toEqual(serial);
    expect(serial.every((r) => 'tokens' in r && (r.tokens.o200k_base ?? 0) > 0)).toBe(true);
  });

  it('counts each file of a large input once, results in input order', async () => {
    const dir = tempDir('llmcost-pool');
    const files = Array.from({ length: 200 }, (_, i) => {
      const f = join(dir, `f${i}.txt`);
      writeFileSync(f, `file ${i}: ` + 'the quick brown fox, 42 lazy dogs; '.repeat(200 + i));
      return f;
    });
    const pool = new CountPool({ encodings: ['o200k_base'], raw: false, threads: 2 });
    const results = await pool.count(files);
    expect(results).toEqual(
      await countFiles(files, { encodings: ['o200k_base'], raw: false, threads: 1, auto: false }),
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
    const dir = tempDir('llmcost-pool');
    const files = Array.from({ length: 40 }, (_, i) => {
      const f = join(dir, `f${i}.txt`);
      writeFileSync(f, `file ${i} `.padEnd(20_000, 'x y '));
      return f;
    });
    const results = await new CountPool({
      encodings: ['o200k_base'],
      raw: false,
      threads: 2,
    }).count(files);
    const serial = await countFiles(files, {
      encodings: ['o200k_base'],
      raw: false,
      threads: 1,
      auto: false,
    });
    expect(results).toEqual(serial);
  });

  it('stays on the main thread for small inputs', () => {
    expect(worthParallel(['package.json'])).toBe(false);
  });
});
