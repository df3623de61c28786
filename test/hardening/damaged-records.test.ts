// Real records of every dialect llmcost reads, each damaged at one place (a value replaced with junk or a
// key removed): the record counts, is skipped or is malformed with a reason, and the run goes on. A
// reason of "unreadable record (TypeError)" would mean a dialect met a shape it never checked.
import fc from 'fast-check';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { damage, fuzzRuns, fuzzTimeout, junk, pathsOf, type Doc } from '../helpers/damage.js';
import { tempDir } from '../helpers/temp.js';

const LOGS = [
  'fixtures/logs/claude-code/projects/-home-dev-shop/5f1c2e7a-session.jsonl',
  'fixtures/logs/openai-chat.jsonl',
  'fixtures/logs/openai-stream.jsonl',
  'fixtures/logs/openai-responses.jsonl',
  'fixtures/logs/openai-batch.jsonl',
  'fixtures/logs/app-log.jsonl',
  'fixtures/logs/xai.jsonl',
  'fixtures/logs/langfuse.jsonl',
  'fixtures/logs/llmcost-flat.jsonl',
  'fixtures/logs/llmcost-emit.jsonl',
  'fixtures/logs/gemini.jsonl',
  'fixtures/logs/gemini-stream.jsonl',
  'fixtures/logs/deepseek.jsonl',
  'fixtures/logs/perplexity.jsonl',
  'fixtures/logs/cohere.jsonl',
  'fixtures/logs/litellm.jsonl',
  'fixtures/logs/openrouter.jsonl',
  'fixtures/logs/ai-sdk.jsonl',
  'fixtures/logs/bedrock.jsonl',
  'fixtures/logs/no-model.jsonl',
  'fixtures/logs/ollama.jsonl',
  'fixtures/logs/anthropic-messages.jsonl',
  'fixtures/logs/otel.jsonl',
  'fixtures/logs/anthropic-batch.jsonl',
  'fixtures/logs/anthropic-stream.jsonl',
  'fixtures/logs/claude-print-stream.jsonl',
  'fixtures/logs/claude-print-result.jsonl',
  'fixtures/agents/codex/sessions/2025/10/01/rollout-2025-10-01T10-00-00-019a0000-0000-7000-8000-000000000001.jsonl',
  // One JSON document each, read whole: a Gemini CLI session and an OpenCode message.
  'fixtures/agents/gemini/tmp/abc123/chats/session-2025-10-01T10-00-g0001.json',
  'fixtures/agents/opencode/storage/message/ses_1/msg_2.json',
];

describe('a real record of each dialect, damaged at one place', () => {
  it.each(LOGS)(
    '%s: read on, never an unchecked shape',
    async (log) => {
      const text = readFileSync(log, 'utf8');
      const lines = log.endsWith('.json')
        ? [JSON.stringify(JSON.parse(text))]
        : text.trim().split('\n');
      const dir = tempDir('llmcost-damaged-record');
      const sub = join(dir, 'x');
      mkdirSync(sub);
      const file = join(sub, basename(log));
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: lines.length - 1 }),
          fc.nat(),
          junk,
          fc.boolean(),
          async (k, pick, value, remove) => {
            const doc = JSON.parse(lines[k]!) as Doc;
            const paths = pathsOf(doc);
            const path = paths[pick % paths.length]!;
            damage(doc, path, value, remove);
            writeFileSync(
              file,
              lines.map((l, i) => (i === k ? JSON.stringify(doc) : l)).join('\n') + '\n',
            );
            const r = await runCli(['analyze', file, '--json']);
            expect(r.stderr).not.toMatch(/internal error/);
            expect(r.code, r.stderr).toBe(0);
            const bad = Object.keys(JSON.parse(r.stdout).malformed ?? {});
            expect(bad.filter((b) => b.startsWith('unreadable record'))).toEqual([]);
          },
        ),
        fuzzRuns(40),
      );
    },
    fuzzTimeout,
  );
});
