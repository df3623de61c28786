import { describe, expect, it } from 'vitest';
import { awaitOffset, pendingOffsets } from '../../src/app/line-offsets.js';

describe('line offsets handed to the workers', () => {
  it('gives each range the lines before it once they are published', () => {
    const o = pendingOffsets(3);
    o.publish([0, 1_088_291, 2 ** 33]);
    expect([0, 1, 2].map((k) => awaitOffset(o.at(k)))).toEqual([0, 1_088_291, 2 ** 33]);
  });

  it('stops a waiting worker when the count failed, instead of leaving it waiting', () => {
    const o = pendingOffsets(2);
    o.fail();
    expect(() => awaitOffset(o.at(1))).toThrow(/not counted/);
  });
});
