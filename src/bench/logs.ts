import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { prng } from './corpus.js';

const MODELS = [
  'gpt-4o-2024-08-06',
  'gpt-4o-mini-2024-07-18',
  'gpt-4.1',
  'gpt-4.1-mini',
  'gpt-4.1-nano',
  'gpt-5',
  'gpt-5-mini',
  'gpt-5-nano',
  'o3',
  'o4-mini',
  'gpt-5.4',
  'gpt-5.4-mini',
  'claude-sonnet-4-5-20250929',
  'claude-haiku-4-5',
  'claude-opus-4-1',
  'gemini-2.5-pro',
  'gemini-2.5-flash',
  'mistral-large-latest',
  'grok-4',
  'ft:gpt-4o-mini:acme::x1',
];
const FEATURES = ['chat', 'search', 'summarize', 'extract', 'agent'];

/** ~`bytes` of OpenAI chat-completion responses with tags: 20 models over 30 days. */
export async function writeOpenAiLog(path: string, bytes: number): Promise<number> {
  const out = createWriteStream(path);
  const rand = prng(7);
  const start = Date.parse('2026-10-01T00:00:00Z') / 1000;
  let written = 0;
  let n = 0;
  while (written < bytes) {
    const lines: string[] = [];
    for (let k = 0; k < 2000; k++, n++) {
      const prompt = 200 + Math.floor(rand() * 6000);
      const cached = rand() < 0.4 ? Math.floor(prompt * rand()) : 0;
      const completion = 20 + Math.floor(rand() * 1500);
      const reasoning = rand() < 0.2 ? Math.floor(completion * 0.6) : 0;
      lines.push(
        JSON.stringify({
          id: `chatcmpl-${n.toString(36)}${Math.floor(rand() * 1e9).toString(36)}`,
          object: 'chat.completion',
          created: start + (Math.floor((n / 4000) * 60) % (30 * 86400)),
          model: MODELS[Math.floor(rand() * MODELS.length)],
          choices: [],
          usage: {
            prompt_tokens: prompt,
            completion_tokens: completion,
            total_tokens: prompt + completion,
            prompt_tokens_details: { cached_tokens: cached, audio_tokens: 0 },
            completion_tokens_details: {
              reasoning_tokens: reasoning,
              audio_tokens: 0,
              accepted_prediction_tokens: 0,
              rejected_prediction_tokens: 0,
            },
          },
          service_tier: 'default',
          system_fingerprint: 'fp_fc9f1d7035',
          metadata: { feature: FEATURES[n % FEATURES.length], user: `user-${n % 500}` },
        }),
      );
    }
    const chunk = lines.join('\n') + '\n';
    written += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return n;
}

const CLAUDE_MODELS = [
  'claude-sonnet-4-5-20250929',
  'claude-opus-4-1-20250805',
  'claude-haiku-4-5-20251001',
];
const WORDS =
  'the of to and a in is it you that he was for on are with as his they be at one have this from'.split(
    ' ',
  );

function prose(rand: () => number, chars: number): string {
  let s = '';
  while (s.length < chars) s += WORDS[Math.floor(rand() * WORDS.length)] + ' ';
  return s;
}

/**
 * A Claude Code projects tree shaped like a real one (`DIR/projects/<project>/<session>.jsonl`): per turn a
 * user line every fourth turn (a tool result of up to ~500 bytes), an assistant line with text or a tool call,
 * and for one turn in four a second line of the same response (message.id + requestId; identical usage, as
 * Claude Code writes one line per content block); one turn in ten on a sidechain (a sub-agent). 200 sessions
 * of 2,000 turns: ~430 MB, 500k assistant lines of which 100k are duplicates.
 */
export function writeClaudeTree(dir: string, sessions = 200, turns = 2000): void {
  const rand = prng(11);
  const day0 = Date.parse('2026-10-01T00:00:00Z');
  for (let s = 0; s < sessions; s++) {
    const project = join(dir, 'projects', `-home-dev-repo${s % 8}`);
    mkdirSync(project, { recursive: true });
    const cwd = `/home/dev/repo${s % 8}`;
    const sessionId = `5f0c${s.toString(16).padStart(4, '0')}-9a1b-4c2d-8e3f-${(s * 7919).toString(16).padStart(12, '0')}`;
    const start = day0 + Math.floor((s / sessions) * 30 * 86_400_000);
    const common = { userType: 'external', cwd, sessionId, version: '2.0.31', gitBranch: 'main' };
    const lines: string[] = [];
    for (let t = 0; t < turns; t++) {
      const ts = new Date(start + t * 20_000).toISOString();
      const side = rand() < 0.1;
      if (t % 4 === 0)
        lines.push(
          JSON.stringify({
            parentUuid: `a-${s}-${t - 1}`,
            isSidechain: side,
            ...common,
            type: 'user',
            message: {
              role: 'user',
              content: [
                {
                  tool_use_id: `toolu_${s}_${t}`,
                  type: 'tool_result',
                  content: prose(rand, 50 + Math.floor(rand() * 400)),
                },
              ],
            },
            uuid: `u-${s}-${t}`,
            timestamp: ts,
            toolUseResult: { stdout: 'ok', stderr: '', interrupted: false },
          }),
        );
      const model = CLAUDE_MODELS[Math.floor(rand() * rand() * CLAUDE_MODELS.length)]!;
      const write = Math.floor(rand() * 4000);
      const usage = {
        input_tokens: 3 + Math.floor(rand() * 20),
        cache_creation_input_tokens: write,
        cache_read_input_tokens: Math.floor(rand() * 90_000),
        cache_creation: { ephemeral_5m_input_tokens: write, ephemeral_1h_input_tokens: 0 },
        output_tokens: 1 + Math.floor(rand() * 1500),
        service_tier: 'standard',
      };
      const blocks =
        rand() < 0.25
          ? [
              { type: 'text', text: prose(rand, 10 + Math.floor(rand() * 100)) },
              {
                type: 'tool_use',
                id: `toolu_${s}_${t + 1}`,
                name: 'Bash',
                input: { command: 'ls -la src' },
              },
            ]
          : [{ type: 'text', text: prose(rand, 10 + Math.floor(rand() * 150)) }];
      for (const [b, block] of blocks.entries())
        lines.push(
          JSON.stringify({
            parentUuid: b === 0 ? `u-${s}-${t}` : `a-${s}-${t}-${b - 1}`,
            isSidechain: side,
            ...common,
            message: {
              id: `msg_01${s.toString(36)}_${t.toString(36)}`,
              type: 'message',
              role: 'assistant',
              model,
              content: [block],
              stop_reason: null,
              stop_sequence: null,
              usage,
            },
            requestId: `req_011C${s.toString(36)}_${t.toString(36)}`,
            type: 'assistant',
            uuid: b === blocks.length - 1 ? `a-${s}-${t}` : `a-${s}-${t}-${b}`,
            timestamp: ts,
          }),
        );
    }
    writeFileSync(join(project, `${sessionId}.jsonl`), lines.join('\n') + '\n');
  }
}
