// #13: a shape change in a new version of an agent shows up as malformed lines, not as silent zeros.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const CASES: [string, string, RegExp, string, string][] = [
  // [agent, fixture, the key renamed, its new name, the reason expected]
  [
    'Claude Code',
    'fixtures/logs/claude-code/projects/-home-dev-shop/5f1c2e7a-session.jsonl',
    /"input_tokens"/g,
    '"inputTokens"',
    'missing field: message.usage.input_tokens',
  ],
  [
    'Codex CLI',
    'fixtures/agents/codex/sessions/2025/10/01/rollout-2025-10-01T10-00-00-019a0000-0000-7000-8000-000000000001.jsonl',
    /"output_tokens"/g,
    '"outputTokens"',
    'missing field: token usage output_tokens',
  ],
  [
    'Gemini CLI',
    'fixtures/agents/gemini/tmp/abc123/chats/session-2025-10-01T10-00-g0001.json',
    /"input":/g,
    '"prompt":',
    'missing field: tokens.input',
  ],
  [
    'OpenCode',
    'fixtures/agents/opencode/storage/message/ses_1/msg_2.json',
    /"output":/g,
    '"out":',
    'missing field: tokens.output',
  ],
];

describe('agent logs whose counts were renamed', () => {
  it.each(CASES)(
    '%s: malformed with the field named',
    async (_agent, fixture, key, renamed, reason) => {
      const file = join(tempDir('shape'), fixture.split('/').pop()!);
      writeFileSync(file, readFileSync(fixture, 'utf8').replace(key, renamed));
      const r = await runCli(['analyze', file, '--json']);
      const doc = JSON.parse(r.stdout);
      expect(doc.malformed[reason]).toBeGreaterThan(0);
      // Nothing counted as 0 in its place: every record that did count kept its input or output.
      for (const g of doc.groups ?? []) expect(g.input + g.output + g.cacheRead).toBeGreaterThan(0);
    },
  );
});
