import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/** A Claude Code assistant line on Opus 4.6 with the usage extras given. */
const claudeLine = (id: string, extra: Record<string, unknown>) =>
  JSON.stringify({
    type: 'assistant',
    uuid: `u-${id}`,
    sessionId: 's1',
    cwd: '/home/dev/shop',
    timestamp: '2026-10-01T10:00:00.000Z',
    requestId: `req-${id}`,
    message: {
      id: `msg-${id}`,
      type: 'message',
      role: 'assistant',
      model: 'claude-opus-4-6',
      content: [{ type: 'text', text: 'ok' }],
      usage: { input_tokens: 1_000_000, output_tokens: 100_000, ...extra },
    },
  });

async function byModel(lines: string[]) {
  const r = await runCli(['analyze', '--json'], { stdin: `${lines.join('\n')}\n` });
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  return Object.fromEntries(
    doc.groups.map((g: { model: string; cost: number | null }) => [g.model, g.cost]),
  );
}

describe('fast mode and US-only inference (usage.speed, usage.inference_geo)', () => {
  // Opus 4.6: $5 / $25 per 1M tokens; fast mode 6x, US-only inference 1.1x (LiteLLM's multipliers).
  it.each([
    ['standard', { speed: 'standard', inference_geo: 'global' }, 'claude-opus-4-6', 5 + 2.5],
    [
      "Claude Code's not_available region",
      { inference_geo: 'not_available' },
      'claude-opus-4-6',
      7.5,
    ],
    ['fast mode', { speed: 'fast' }, 'claude-opus-4-6-fast', 30 + 15],
    ['US-only inference', { inference_geo: 'us' }, 'claude-opus-4-6-us', 5.5 + 2.75],
    ['both', { speed: 'fast', inference_geo: 'us' }, 'claude-opus-4-6-fast-us', 33 + 16.5],
  ])('a Claude Code request, %s, is billed as %s', async (_, extra, model, cost) => {
    const got = await byModel([claudeLine('1', extra)]);
    expect(Object.keys(got)).toEqual([model]);
    expect(got[model]).toBeCloseTo(cost, 9);
  });

  it('prices an API response in fast mode the same way, and a model without fast pricing not at all', async () => {
    const message = (model: string) =>
      JSON.stringify({
        id: `msg-${model}`,
        type: 'message',
        role: 'assistant',
        model,
        content: [],
        usage: { input_tokens: 1_000_000, output_tokens: 0, speed: 'fast' },
      });
    const got = await byModel([message('claude-opus-4-6-20260205'), message('claude-sonnet-4-5')]);
    // A dated name resolves to the variant through its alias.
    expect(got['claude-opus-4-6-fast']).toBeCloseTo(30, 9);
    // Fast mode priced as standard would be 6x too low: without a fast price the request is unpriced.
    expect(got['claude-sonnet-4-5-fast']).toBeNull();
  });

  it('keeps the variants out of the default model table, and resolves them by name', async () => {
    const table = await runCli(['models', '--wide']);
    expect(table.stdout).toContain('claude-opus-4-6 ');
    expect(table.stdout).not.toContain('claude-opus-4-6-fast');
    const resolved = await runCli(['models', '--resolve', 'claude-opus-4-6-20260205-fast']);
    expect(resolved.code, resolved.stderr).toBe(0);
    expect(resolved.stdout).toMatch(
      /^claude-opus-4-6-20260205-fast -> claude-opus-4-6-fast \(Claude Opus 4\.6 \(fast mode, 6x\), anthropic\)/,
    );
  });
});
