import { describe, expect, it } from 'vitest';
import { firstCause, KNOCK_ON } from '../../src/app/analyze-tree.js';

const failed = (message: string) => {
  const p = Promise.reject(new Error(message));
  p.catch(() => undefined);
  return p;
};

describe('the failure a tree run reports', () => {
  it("is the failing thread's own error even when a stopped thread's arrives first", async () => {
    const workers = [failed(KNOCK_ON), failed('cannot read a.gz: corrupt gzip data')];
    const got = await firstCause(workers as never, new Error(KNOCK_ON));
    expect((got as Error).message).toBe('cannot read a.gz: corrupt gzip data');
  });

  it('is the error met when it is already a thread of its own', async () => {
    const own = new Error('cannot read b.jsonl: permission denied (EACCES)');
    expect(await firstCause([failed(KNOCK_ON)] as never, own)).toBe(own);
    // Only stopped threads (nothing better known): the error met stays.
    const knock = new Error(KNOCK_ON);
    expect(await firstCause([failed(KNOCK_ON)] as never, knock)).toBe(knock);
  });
});
