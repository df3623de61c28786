import { parquetRows } from './helpers/parquet-rows.js';
import { tempDir } from './helpers/temp.js';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import { describe, expect, it } from 'vitest';
import { processContext } from '../src/context.js';

// Worker threads run the built JavaScript, so these tests spawn the built binary (npm test builds first).
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['bin/llmcost.js', ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1', ...env },
  });

/** A log whose halves share response ids, streaming snapshots and bad lines, so a split must merge them. */
function mixedLog(): string {
  const chat = readFileSync('fixtures/logs/openai-chat.jsonl', 'utf8').trim().split('\n');
  const claude = readFileSync(
    'fixtures/logs/claude-code/projects/-home-dev-shop/5f1c2e7a-session.jsonl',
    'utf8',
  )
    .trim()
    .split('\n');
  // An Anthropic message logged whole early on and as stream events late: two ranges, one response.
  const stream = readFileSync('fixtures/logs/anthropic-stream.jsonl', 'utf8').trim().split('\n');
  const whole = JSON.stringify({
    id: 'msg_01Stream1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-4-5-20250929',
    content: [],
    usage: { input_tokens: 25, cache_read_input_tokens: 2048, output_tokens: 15 },
  });
  // Gemini stream chunks (running totals), the last of each response in the other range.
  const gemini = readFileSync('fixtures/logs/gemini-stream.jsonl', 'utf8').trim().split('\n');
  const lines: string[] = [];
  for (let i = 0; i < 4000; i++) {
    if (i === 100) lines.push(whole, gemini[0]!, gemini[2]!); // chunks before the last
    if (i === 3000) lines.push(...stream, gemini[1]!, gemini[3]!); // the last chunks
    const created = 1759312800 + i * 37;
    const model = [
      'gpt-4o',
      'gpt-4.1-mini',
      'gemini-2.5-pro',
      'claude-sonnet-4-5',
      'mystery-model',
    ][i % 5];
    const prompt = i % 97 === 0 ? 250_000 : 100 + ((i * 7919) % 5000);
    lines.push(
      JSON.stringify({
        id: `chatcmpl-${i % 3700}`,
        object: 'chat.completion',
        created,
        model,
        choices: [],
        usage: {
          prompt_tokens: prompt,
          completion_tokens: (i * 31) % 900,
          prompt_tokens_details: { cached_tokens: i % 3 === 0 ? 64 : 0 },
        },
        metadata: { feature: `f${i % 4}` },
      }),
    );
    if (i % 500 === 0) lines.push('{"broken": ', ...chat.slice(0, 2), ...claude);
  }
  return lines.join('\n') + '\n';
}

describe('analyze on several threads', () => {
  it('gives exactly the report of a single pass', () => {
    const dir = tempDir('llmcost-par');
    const file = join(dir, 'mixed.jsonl');
    writeFileSync(file, mixedLog());
    const args = [
      'analyze',
      file,
      '--by',
      'day,model',
      '--top',
      '7',
      '--reprice-as',
      'gpt-4o-mini',
      '--json',
    ];
    const one = run([...args, '--threads', '1']);
    const two = run([...args, '--threads', '2'], { LLMCOST_PARALLEL_MIN_BYTES: '1' });
    const three = run([...args, '--threads', '3'], { LLMCOST_PARALLEL_MIN_BYTES: '1' });
    expect(one.status, one.stderr).toBe(0);
    const doc = JSON.parse(one.stdout);
    expect(doc.duplicates['same response id logged again']).toBeGreaterThan(300);
    expect(doc.duplicates['streaming snapshot of the same response']).toBeGreaterThan(0);
    expect(doc.malformed['invalid JSON']).toBe(8);
    const without = (stdout: string) => ({ ...JSON.parse(stdout), threads: undefined });
    expect(doc.threads).toBe(1);
    expect(JSON.parse(two.stdout).threads).toBe(2);
    // --threads is capped at the machine's cores (a 2-core machine splits into two ranges).
    expect(JSON.parse(three.stdout).threads).toBe(Math.min(3, availableParallelism()));
    expect(without(two.stdout)).toEqual(without(one.stdout));
    expect(without(three.stdout)).toEqual(without(one.stdout));
    expect(two.stderr).toBe(one.stderr);
  });
});

/**
 * A log whose three 64 KB samples (start, middle, end) hold only long lines, so its line count is
 * underestimated ~15 times and the threads' shared id set fills up; the second half repeats ids of the first.
 */
function underestimatedLog(): string {
  const line = (id: string, pad = 0) =>
    JSON.stringify({
      id,
      object: 'chat.completion',
      model: 'gpt-4o',
      usage: { prompt_tokens: 10, completion_tokens: 1 },
      ...(pad ? { metadata: { note: 'x'.repeat(pad) } } : {}),
    });
  const long = (k: number) => Array.from({ length: 40 }, (_, i) => line(`long-${k}-${i}`, 4000));
  const short = (from: number) =>
    Array.from({ length: 3000 }, (_, i) => line(`chatcmpl-${from + i}`));
  return [...long(0), ...short(0), ...long(1), ...short(1500), ...long(2)].join('\n') + '\n';
}

describe('analyze on several threads, more distinct reasons than a report names', () => {
  it('names the same 1,000 reasons and counts the same rest as a single pass', () => {
    const dir = tempDir('reasons');
    const file = join(dir, 'roles.jsonl');
    // 3,000 distinct skip reasons, each once in either half, met in the opposite order in the second: a
    // thread that capped the reasons it met first would name other ones than a single pass.
    const roles = Array.from({ length: 3000 }, (_, i) => `role-${(i * 7919) % 3000}`);
    const lines = [...roles, ...roles.reverse()].map((role, i) =>
      JSON.stringify({ sessionID: 's', role, id: `m${i}` }),
    );
    writeFileSync(file, `${lines.join('\n')}\n`);
    const args = ['analyze', file, '--json'];
    const one = run([...args, '--threads', '1']);
    const two = run([...args, '--threads', '2'], { LLMCOST_PARALLEL_MIN_BYTES: '1' });
    const doc = JSON.parse(one.stdout);
    expect(Object.keys(doc.skipped)).toHaveLength(1001);
    expect(doc.skipped['other reasons (past 1,000 kinds)']).toBe(4000);
    expect(JSON.parse(two.stdout).threads).toBe(2);
    expect({ ...JSON.parse(two.stdout), threads: 1 }).toEqual(doc);
  });
});

describe('analyze on several threads, more response ids than the shared set was sized for', () => {
  const dir = tempDir('llmcost-par-ids');
  const file = join(dir, 'ids.jsonl');
  writeFileSync(file, underestimatedLog());
  const many = { LLMCOST_PARALLEL_MIN_BYTES: '1' };

  it('reads the file again on one thread: the report of a single pass, every copy found', () => {
    const one = run(['analyze', file, '--json', '--threads', '1']);
    expect(one.status, one.stderr).toBe(0);
    expect(JSON.parse(one.stdout).duplicates).toEqual({ 'same response id logged again': 1500 });
    const two = run(['analyze', file, '--json', '--threads', '2'], many);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
  });

  it('with --emit (rows already out), finishes and says that copies may have counted twice', () => {
    const out = join(dir, 'rows.jsonl');
    const two = run(['analyze', file, '--json', '--threads', '2', '--emit', out], many);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stderr).toMatch(
      /^llmcost: [\d,]+ response id\(s\) were read after the threads' shared id table was full and not remembered: a later copy of one was counted again \(--threads 1 de-duplicates every id\)\n/,
    );
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows).toHaveLength(JSON.parse(two.stdout).summary.records);
  });
});

describe('count on several threads', () => {
  it('counts a large folder exactly as one thread does', () => {
    const dir = tempDir('llmcost-par-count');
    // 300 files (a walk that finds 256 starts the workers) of ~16 KB: enough for the worker to take some.
    for (let i = 0; i < 300; i++)
      writeFileSync(
        join(dir, `p${i}.md`),
        `# Prompt ${i}\n` + `You are assistant ${i}; answer in ${i % 7} steps. `.repeat(300 + i),
      );
    writeFileSync(join(dir, 'chat.json'), '[{"role":"user","content":"hi"}]');
    const args = ['count', dir, '--models', 'gpt-4o,gpt-4', '--json'];
    const one = run([...args, '--threads', '1']);
    const three = run([...args, '--threads', '3']);
    expect(one.status, one.stderr).toBe(0);
    expect(three.status, three.stderr).toBe(0);
    expect(JSON.parse(one.stdout).files).toHaveLength(301);
    expect(three.stdout).toBe(one.stdout);
  });
});

describe('the process context', () => {
  it('sees every core (Node 20 has no navigator.hardwareConcurrency)', () => {
    expect(processContext().cpus).toBe(availableParallelism());
  });
});

describe('analyze --emit on several threads', () => {
  it('writes the rows of one thread, in any format, whole characters included', () => {
    const dir = tempDir('llmcost-par-emit');
    const file = join(dir, 'wide.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 15_000; i++)
      lines.push(
        JSON.stringify({
          timestamp: new Date(Date.parse('2026-10-01T00:00:00Z') + i * 60_000).toISOString(),
          model: i % 3 ? 'gpt-4o' : 'claude-sonnet-4-5',
          input_tokens: 100 + (i % 977),
          output_tokens: 10 + (i % 313),
          tags: { feature: `ünïcødé ✓ 🚀 ${i % 7}`, note: '✓'.repeat(300 + (i % 50)) },
        }),
      );
    writeFileSync(file, lines.join('\n') + '\n');
    const sorted = (s: string) => s.trim().split('\n').sort();
    for (const ext of ['jsonl', 'csv']) {
      const one = run(['analyze', file, '--threads', '1', '--emit', '-', '--emit-format', ext]);
      const two = run(['analyze', file, '--threads', '2', '--emit', '-', '--emit-format', ext], {
        LLMCOST_PARALLEL_MIN_BYTES: '1',
      });
      expect(two.status, two.stderr).toBe(0);
      expect(two.stdout).not.toContain('\uFFFD');
      expect(sorted(two.stdout)).toEqual(sorted(one.stdout));
      const out = join(dir, `rows.${ext}`);
      const toFile = run(['analyze', file, '--threads', '2', '--emit', out], {
        LLMCOST_PARALLEL_MIN_BYTES: '1',
      });
      expect(toFile.status, toFile.stderr).toBe(0);
      expect(sorted(readFileSync(out, 'utf8'))).toEqual(sorted(one.stdout));
    }
  });
});

describe('analyze --emit Parquet on several threads', () => {
  it("makes one file of every thread's row groups: the rows of one thread, for DuckDB and ClickHouse", async () => {
    const dir = tempDir('llmcost-par-parquet');
    const file = join(dir, 'mixed.jsonl');
    // Twice the mixed log: ~7,400 rows once de-duplicated, read as two ranges of row groups.
    writeFileSync(file, mixedLog() + mixedLog().replaceAll('chatcmpl-', 'second-'));
    const one = join(dir, 'one.parquet');
    const two = join(dir, 'two.parquet');
    const args = ['analyze', file, '--json', '--emit'];
    const r1 = run([...args, one, '--threads', '1']);
    const r2 = run([...args, two, '--threads', '2'], { LLMCOST_PARALLEL_MIN_BYTES: '1' });
    expect(r1.status, r1.stderr).toBe(0);
    expect(r2.status, r2.stderr).toBe(0);
    expect(JSON.parse(r2.stdout).threads).toBe(2);
    const a = await parquetRows(one);
    const b = await parquetRows(two);
    expect(a.rows.length).toBeGreaterThan(7000);
    expect(b.rows).toEqual(a.rows);
    expect(b.schema).toBe(a.schema);
    expect(String(b.schema)).toMatch(/^llmcost\.emit\/\d+$/);
    // The main thread's groups, then the worker's: more groups than one thread's single one.
    expect(Number(b.groups.n)).toBeGreaterThan(Number(a.groups.n));
    expect(Number(b.groups.rows)).toBe(a.rows.length);
    const s = new Session(join(dir, 'clickhouse'));
    try {
      const sums = (f: string) =>
        s.query(
          `SELECT count() AS n, sum(input) AS input, sum(output) AS output, round(sum(cost), 9) AS cost, sum(line) AS lines FROM file('${f}', Parquet)`,
          'JSONEachRow',
        );
      expect(sums(two)).toBe(sums(one));
    } finally {
      s.cleanup();
    }
  }, 60_000);
});

describe('analyze on several threads, a log read in order', () => {
  it("keeps a Realtime session whole: its responses take the model of the session's first line", () => {
    const dir = tempDir('llmcost-par-realtime');
    const file = join(dir, 'realtime.jsonl');
    const session = {
      type: 'session.created',
      event_id: 'event_0',
      session: { model: 'gpt-realtime', input_audio_transcription: { model: 'gpt-4o-transcribe' } },
    };
    const lines = [JSON.stringify(session)];
    for (let i = 0; i < 3000; i++)
      lines.push(
        JSON.stringify({
          type: 'response.done',
          event_id: `event_${i + 1}`,
          response: {
            id: `resp_${i}`,
            usage: { input_tokens: 100 + i, output_tokens: 10, input_token_details: {} },
          },
        }),
      );
    writeFileSync(file, lines.join('\n') + '\n');
    const args = ['analyze', file, '--by', 'model', '--json'];
    const one = run([...args, '--threads', '1']);
    const two = run([...args, '--threads', '2'], { LLMCOST_PARALLEL_MIN_BYTES: '1' });
    expect(one.status, one.stderr).toBe(0);
    const doc = JSON.parse(two.stdout);
    expect(doc.groups.map((g: { model: string }) => g.model)).toEqual(['gpt-realtime']);
    expect(doc.threads).toBe(1);
    expect(two.stdout).toBe(one.stdout);
  });
});
