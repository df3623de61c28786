import { describe, expect, it } from 'vitest';
import { failure } from '../src/errors.js';

const sysErr = (code: string) => Object.assign(new Error(`${code}: raw`), { code });

describe('failure', () => {
  it.each([
    [sysErr('ENOENT'), 'no such file or folder (ENOENT)'],
    [sysErr('EACCES'), 'permission denied (EACCES)'],
    [sysErr('EISDIR'), 'it is a folder (EISDIR)'],
    [sysErr('EWHATEVER'), 'EWHATEVER'],
    [new Error('disk on fire'), 'disk on fire'],
    ['a string thrown', 'a string thrown'],
    [undefined, 'undefined'],
  ])('%o -> %s', (err, text) => {
    expect(failure(err)).toBe(text);
  });
});
