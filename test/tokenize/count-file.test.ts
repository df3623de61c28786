import { tempDir } from '../helpers/temp.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countFile } from '../../src/tokenize/count-file.js';
import { TokenCounter } from '../../src/tokenize/counter.js';
import { buildEncoding } from '../../src/tokenize/encoding.js';
import o200k from 'js-tiktoken/ranks/o200k_base';

const counters = [new TokenCounter(buildEncoding('o200k_base', o200k))];
const dir = tempDir('llmcost-file');
const file = (name: string, body: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
};

describe('countFile', () => {
  it('counts text, without a BOM', () => {
    const r = countFile(file('bom.txt', '\uFEFFhello world'), counters, false);
    expect(r).toMatchObject({ kind: 'text', chars: 11, tokens: { o200k_base: 2 } });
  });

  it.each([
    ['a NUL early', Buffer.from('PNG\0\x01\x02 binary', 'latin1'), true],
    ['a NUL only after the first 8 K', 'x'.repeat(9000) + '\0', false],
    ['a NUL as the 8,192nd character', 'x'.repeat(8191) + '\0' + 'x'.repeat(100), true],
    ['a NUL as the 8,193rd character', 'x'.repeat(8192) + '\0' + 'x'.repeat(100), false],
    ['a NUL early in a file over 4 MB', largeBinary(), true],
  ])('tells binary files by %s', (_label, body, binary) => {
    const r = countFile(file(`b${binary}${body.length}`, body), counters, false);
    expect('skipped' in r && r.skipped === 'binary').toBe(binary);
  });

  it('reports a missing file as unreadable, with the reason', () => {
    expect(countFile(join(dir, 'nope.txt'), counters, false)).toEqual({
      path: join(dir, 'nope.txt'),
      skipped: 'unreadable',
      reason: 'ENOENT',
    });
  });
});

function largeBinary(): Buffer {
  const b = Buffer.alloc(5 * 1024 * 1024, 0x41);
  b[10] = 0;
  return b;
}
