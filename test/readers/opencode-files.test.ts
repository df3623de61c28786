import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const dir = tempDir('llmcost-opencode-files');

async function sonnet(root: string) {
  const r = await runCli(['analyze', join(root, 'storage/message'), '--json']);
  expect(r.code, r.stderr).toBe(0);
  const g = JSON.parse(r.stdout).groups.find(
    (x: { model: string }) => x.model === 'claude-sonnet-4-5',
  );
  return { requests: g.requests, input: g.input, output: g.output };
}

describe("OpenCode's JSON storage: a message's steps from its part files", () => {
  it('sums the step-finish parts; a text part naming a step is not one', async () => {
    expect(await sonnet('fixtures/agents/opencode-steps')).toEqual({
      requests: 2,
      input: 1230,
      output: 320,
    });
  });

  it("keeps the message's own tokens when a step part cannot be read", async () => {
    const root = join(dir, 'bad-step');
    cpSync('fixtures/agents/opencode-steps', root, { recursive: true });
    writeFileSync(
      join(root, 'storage/part/msg_a/prt_3.json'),
      '{"type":"step-finish","tokens":{"input":-1}}',
    );
    expect(await sonnet(root)).toEqual({ requests: 1, input: 30, output: 200 });
  });
});
