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

/** A Claude Code projects tree: sessions with user lines, streaming snapshots and sidechains. */
export function writeClaudeTree(dir: string, sessions: number): void {
  const rand = prng(11);
  for (let s = 0; s < sessions; s++) {
    const project = join(dir, 'projects', `-home-dev-repo${s % 8}`);
    mkdirSync(project, { recursive: true });
    const lines: string[] = [];
    for (let m = 0; m < 200; m++) {
      const ts = new Date(
        Date.parse('2026-10-01T00:00:00Z') + (s * 200 + m) * 60_000,
      ).toISOString();
      lines.push(
        JSON.stringify({
          parentUuid: null,
          isSidechain: false,
          cwd: `/home/dev/repo${s % 8}`,
          sessionId: `s${s}`,
          type: 'user',
          message: { role: 'user', content: 'x'.repeat(200 + Math.floor(rand() * 2000)) },
          uuid: `u${s}-${m}`,
          timestamp: ts,
        }),
      );
      const usage = {
        input_tokens: 4,
        cache_creation_input_tokens: Math.floor(rand() * 3000),
        cache_read_input_tokens: Math.floor(rand() * 60000),
        output_tokens: 0,
        service_tier: 'standard',
      };
      for (const out of [5, 200, 600]) {
        lines.push(
          JSON.stringify({
            parentUuid: `u${s}-${m}`,
            isSidechain: false,
            cwd: `/home/dev/repo${s % 8}`,
            sessionId: `s${s}`,
            message: {
              id: `msg_${s}_${m}`,
              type: 'message',
              role: 'assistant',
              model: 'claude-sonnet-4-5-20250929',
              content: [],
              usage: { ...usage, output_tokens: out },
            },
            requestId: `req_${s}_${m}`,
            type: 'assistant',
            uuid: `a${s}-${m}-${out}`,
            timestamp: ts,
          }),
        );
      }
    }
    writeFileSync(join(project, `s${s}.jsonl`), lines.join('\n') + '\n');
  }
}
