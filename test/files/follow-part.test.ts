import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { followPart } from '../../src/files/follow-part.js';
import { tempDir } from '../helpers/temp.js';

/** Follows `path` from `from`, returning the bytes taken and what followPart resolved with. */
async function follow(path: string, from: number, done: Promise<string>) {
  const taken: Buffer[] = [];
  const value = await followPart(path, from, done, (b) => void taken.push(Buffer.from(b)));
  return { text: Buffer.concat(taken).toString('utf8'), value };
}

describe('following a part file its writer is still writing', () => {
  it('copies what is there, what comes later and what was written just before done, once each', async () => {
    const path = join(tempDir('llmcost-follow'), 'part');
    writeFileSync(path, 'PAR1first,');
    const writer = (async () => {
      for (let k = 0; k < 5; k++) {
        await delay(12);
        appendFileSync(path, `more${k},`);
      }
      appendFileSync(path, 'last'); // written in the same turn as done: a final read must find it
      return 'handed';
    })();
    expect(await follow(path, 4, writer)).toEqual({
      text: 'first,more0,more1,more2,more3,more4,last',
      value: 'handed',
    });
  });

  it('waits for a part its writer has not made yet', async () => {
    const path = join(tempDir('llmcost-follow'), 'late');
    const writer = (async () => {
      await delay(20);
      writeFileSync(path, 'rows');
      return 'ok';
    })();
    expect(await follow(path, 0, writer)).toEqual({ text: 'rows', value: 'ok' });
  });

  it("fails as the writer fails, and when a finished writer's part is missing", async () => {
    const dir = tempDir('llmcost-follow');
    writeFileSync(join(dir, 'half'), 'rows');
    const failing = (async () => {
      await delay(10);
      throw new Error('worker died');
    })();
    await expect(follow(join(dir, 'half'), 0, failing)).rejects.toThrow('worker died');
    await expect(follow(join(dir, 'none'), 0, Promise.resolve('x'))).rejects.toThrow(/ENOENT/);
  });
});
