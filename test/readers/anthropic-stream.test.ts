import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const start = (id: string, usage: Record<string, unknown>) =>
  JSON.stringify({
    type: 'message_start',
    message: {
      id,
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5',
      content: [],
      usage,
    },
  });
const delta = (usage: unknown) =>
  `{"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":${JSON.stringify(usage)}}`;

async function totals(lines: string[]) {
  const r = await runCli(['analyze', '-', '--json'], { stdin: `${lines.join('\n')}\n` });
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  return { usage: doc.summary.usage, doc };
}

describe('Anthropic stream events logged one per line', () => {
  it('counts a message once, at its last delta, however many deltas it has', async () => {
    const { usage, doc } = await totals([
      start('m1', { input_tokens: 100, output_tokens: 1 }),
      delta({ output_tokens: 40 }),
      delta({ output_tokens: 90, input_tokens: null }), // null: not in this delta, not 0
      '{"type":"message_stop"}',
    ]);
    expect(usage).toMatchObject({ input: 100, output: 90, requests: 1 });
    expect(doc.malformed).toEqual({});
  });

  it('takes no prototype from a delta: a "__proto__" key is no count', async () => {
    const { usage } = await totals([
      start('m2', { input_tokens: 100, output_tokens: 1 }),
      '{"type":"message_delta","usage":{"output_tokens":7,"__proto__":{"cache_read_input_tokens":999999}}}',
    ]);
    expect(usage).toMatchObject({ input: 100, cacheRead: 0, output: 7 });
  });

  it('does not count a stream twice when the final message of the same id is logged too', async () => {
    const message = JSON.stringify({
      id: 'm3',
      type: 'message',
      role: 'assistant',
      model: 'claude-haiku-4-5',
      content: [],
      usage: { input_tokens: 100, output_tokens: 50 },
    });
    const { usage } = await totals([
      message,
      start('m3', { input_tokens: 100, output_tokens: 1 }),
      delta({ output_tokens: 50 }),
    ]);
    expect(usage).toMatchObject({ input: 100, output: 50, requests: 1 });
  });
});
