import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

async function byModel(lines: unknown[]) {
  const stdin = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`;
  const r = await runCli(['analyze', '--json', '--cost-source', 'calculate'], { stdin });
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  return {
    doc,
    groups: Object.fromEntries(
      doc.groups.map((g: { model: string; requests: number; input: number; output: number }) => [
        g.model,
        { requests: g.requests, input: g.input, output: g.output },
      ]),
    ),
  };
}

describe('responses that sampled more than once (usage.iterations)', () => {
  it("bill a server-side compaction's tokens, which the top-level counts leave out", async () => {
    // The Claude API docs' example: top level 23,000 in / 1,000 out; the compaction step read 180,000.
    const { groups } = await byModel([
      {
        id: 'msg_c',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-5',
        content: [],
        usage: {
          input_tokens: 23000,
          output_tokens: 1000,
          iterations: [
            { type: 'compaction', input_tokens: 180000, output_tokens: 3500 },
            { type: 'message', input_tokens: 23000, output_tokens: 1000 },
          ],
        },
      },
    ]);
    expect(groups).toEqual({ 'claude-sonnet-4-5': { requests: 1, input: 203000, output: 4500 } });
  });

  it("price the advisor tool's sub-inference at the advisor's model, once across a Claude Code response's snapshots", async () => {
    const line = (uuid: string, iterations: unknown[]) => ({
      type: 'assistant',
      uuid,
      sessionId: 's1',
      cwd: '/home/dev/shop',
      timestamp: '2026-10-01T10:00:00.000Z',
      requestId: 'req_1',
      message: {
        id: 'msg_a',
        type: 'message',
        role: 'assistant',
        model: 'claude-sonnet-4-6',
        content: [],
        usage: { input_tokens: 2200, output_tokens: 300, iterations },
      },
    });
    const first = { type: 'message', input_tokens: 1000, output_tokens: 100 };
    const advisor = {
      type: 'advisor_message',
      model: 'claude-opus-4-7',
      input_tokens: 5000,
      output_tokens: 600,
    };
    const last = { type: 'message', input_tokens: 1200, output_tokens: 200 };
    const { groups } = await byModel([
      line('u1', [first]),
      line('u2', [first, advisor]),
      line('u3', [first, advisor, last]), // the final snapshot
    ]);
    expect(groups).toEqual({
      'claude-sonnet-4-6': { requests: 1, input: 2200, output: 300 },
      'claude-opus-4-7': { requests: 1, input: 5000, output: 600 },
    });
  });

  it('leave a response without steps, or with one step, as its top-level counts say', async () => {
    const msg = (id: string, iterations?: unknown[]) => ({
      id,
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [],
      usage: { input_tokens: 10, output_tokens: 5, ...(iterations ? { iterations } : {}) },
    });
    const { groups } = await byModel([
      msg('m1'),
      msg('m2', []),
      msg('m3', [{ type: 'message', input_tokens: 10, output_tokens: 5 }]),
      // A step whose model is "" names no other model: it is the response's own, not lost.
      msg('m4', [
        { type: 'compaction', model: '', input_tokens: 100, output_tokens: 50 },
        { type: 'message', input_tokens: 10, output_tokens: 5 },
      ]),
    ]);
    expect(groups).toEqual({ 'claude-sonnet-4-5': { requests: 4, input: 140, output: 70 } });
  });
});
