import { tempDir } from '../helpers/temp.js';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { time } from '../../src/readers/values.js';
import { runCli } from '../helpers/run-cli.js';

const chat = readFileSync('fixtures/logs/openai-chat.jsonl');
const tmp = () => tempDir('llmcost-analyze');
const json = (stdout: string) => JSON.parse(stdout);

describe('llmcost analyze input', () => {
  it('reads piped stdin and prints a readable report', async () => {
    const r = await runCli(['analyze'], { stdin: chat });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      'period: 2025-10-01 to 2025-10-02 (UTC days) · 4 records · 4 requests',
    );
    expect(r.stdout).toMatch(/│ o4-mini\s+│\s+1 │\s+2,000 │/);
    expect(r.stdout).toContain('Daily spend');
  });

  it('prints usage instead of waiting on a terminal', async () => {
    const r = await runCli(['analyze'], { stdinTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no usage logs given');
  });

  it('detects gzip by magic bytes, on stdin and in files, including concatenated members', async () => {
    const expected = json((await runCli(['analyze', '--json'], { stdin: chat })).stdout).summary;
    const half = chat.indexOf(10, chat.length / 2) + 1;
    const gz = Buffer.concat([gzipSync(chat.subarray(0, half)), gzipSync(chat.subarray(half))]);
    expect(json((await runCli(['analyze', '--json'], { stdin: gz })).stdout).summary).toEqual(
      expected,
    );
    const dir = tmp();
    writeFileSync(join(dir, 'usage.jsonl.gz'), gz);
    writeFileSync(join(dir, 'renamed.log'), gz);
    expect(
      json((await runCli(['analyze', join(dir, 'usage.jsonl.gz'), '--json'])).stdout).summary,
    ).toEqual(expected);
    expect(
      json((await runCli(['analyze', join(dir, 'renamed.log'), '--json'])).stdout).summary,
    ).toEqual(expected);
  });

  it.each(['jsonl', 'csv'])('names a corrupt gzip %s file in one line', async (ext) => {
    const dir = tmp();
    const f = join(dir, `broken.${ext}.gz`);
    // Damaged past its first chunk too: the CSV reader once let that error escape as a crash.
    const row = ext === 'csv' ? 'gpt-4o,10,5\n' : String(chat);
    const text =
      (ext === 'csv' ? 'model,prompt_tokens,completion_tokens\n' : '') + row.repeat(20000);
    const whole = gzipSync(text, { level: 0 });
    for (const [at, len] of [
      [60, 0],
      [whole.length >> 1, 64],
    ]) {
      const damaged = len ? Buffer.from(whole) : whole.subarray(0, at);
      if (len) damaged.fill(0, at!, at! + len!);
      writeFileSync(f, damaged);
      const r = await runCli(['analyze', f]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(`^llmcost: cannot read .*broken\\.${ext}\\.gz: corrupt gzip data\n$`),
      );
    }
  });

  it('walks folders and globs for .jsonl/.ndjson/.json/.csv (and .gz)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'a.ndjson'), chat);
    writeFileSync(join(dir, 'b.csv.gz'), gzipSync(readFileSync('fixtures/logs/openai-export.csv')));
    writeFileSync(join(dir, 'notes.txt'), 'ignored');
    const doc = json((await runCli(['analyze', dir, '--json'])).stdout);
    expect(doc.dialects).toEqual({ 'openai-chat': 6, 'openai-export-csv': 3 });
    const glob = json((await runCli(['analyze', 'fixtures/logs/openai-*.jsonl', '--json'])).stdout);
    expect(Object.keys(glob.dialects).sort()).toEqual([
      'openai-batch',
      'openai-batch-job',
      'openai-chat',
      'openai-realtime',
      'openai-responses',
    ]);
  });

  it('counts bad lines by reason with locations, handles BOM, CRLF and a partial last line, and goes on', async () => {
    const r = await runCli(['analyze', 'fixtures/logs/bad.jsonl', '--json']);
    expect(r.code).toBe(0);
    const doc = json(r.stdout);
    expect(doc.malformed).toEqual({
      'not a JSON object': 2,
      'invalid JSON': 1,
      'unrecognized record shape': 1,
    });
    expect(doc.skipped).toEqual({ 'partial last line': 1 });
    // The completion without a model keeps its tokens, unpriced (#16).
    expect(doc.withoutModel).toBe(1);
    expect(doc.summary.usage.input).toBe(305);
    expect(doc.malformedSamples[0]).toEqual({
      file: 'fixtures/logs/bad.jsonl',
      line: 2,
      reason: 'invalid JSON',
    });
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('4 malformed record(s) skipped');
    expect(r.stderr).toContain('fixtures/logs/bad.jsonl:2, fixtures/logs/bad.jsonl:3');
  });

  it('shows progress on a terminal only, never in CI or pipes', async () => {
    const clear = '\r\u001b[K';
    const tty = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl'], { stderrTTY: true });
    expect(tty.stderr).toContain(clear);
    const ci = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl'], {
      stderrTTY: true,
      env: { CI: 'true' },
    });
    expect(ci.stderr).toBe('');
    const pipe = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl']);
    expect(pipe.stderr).toBe('');
  });

  it('exits 2 under --strict when anything is malformed', async () => {
    const r = await runCli(['analyze', 'fixtures/logs/bad.jsonl', '--strict']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--strict');
    expect((await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--strict'])).code).toBe(0);
  });

  it('names an unreadable file in one line', async () => {
    const dir = tmp();
    const f = join(dir, 'locked.jsonl');
    writeFileSync(f, chat);
    chmodSync(f, 0o000);
    const r = await runCli(['analyze', f]);
    if (process.getuid?.() === 0) {
      expect(r.code).toBe(0); // root reads anything
    } else {
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/cannot read .*locked\.jsonl: permission denied \(EACCES\)/);
    }
    const missing = await runCli(['analyze', 'nope.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('llmcost: no such file or folder: nope.jsonl\n');
    // An unset variable ("$LOGS") must not read the whole current folder.
    const empty = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '']);
    expect(empty.code).toBe(2);
    expect(empty.stdout).toBe('');
    expect(empty.stderr).toBe(
      'llmcost: an empty path was given\nhint: an unset variable? name a file or folder ("." for this one)\n',
    );
  });
});

describe('llmcost analyze reports', () => {
  it('groups by day and model, by field paths and tags', async () => {
    const doc = json(
      (await runCli(['analyze', 'fixtures/logs/llmcost-flat.jsonl', '--by', 'day,team', '--json']))
        .stdout,
    );
    expect(doc.groups.map((g: { day: string; team: string }) => `${g.day}/${g.team}`)).toEqual([
      '2025-10-01/platform',
      '2025-10-01/web',
      '2025-10-02/data',
      '2025-10-02/web',
    ]);
    const f = json(
      (
        await runCli([
          'analyze',
          'fixtures/logs/litellm.jsonl',
          '--by',
          'metadata.user_api_key_team_alias',
          '--json',
        ])
      ).stdout,
    );
    expect(
      f.groups.map((g: Record<string, string>) => g['metadata.user_api_key_team_alias']),
    ).toEqual(['(none)', 'growth']);
    const p = json(
      (await runCli(['analyze', 'fixtures/logs/bedrock.jsonl', '--by', 'provider', '--json']))
        .stdout,
    );
    expect(p.groups.map((g: { provider: string }) => g.provider)).toEqual(['bedrock']);
    const w = json(
      (await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--by', 'week,month', '--json']))
        .stdout,
    );
    expect(w.groups.map((g: { week: string; month: string }) => `${g.week} ${g.month}`)).toEqual([
      '2025-W40 2025-10',
    ]);
  });

  it('uses --tz for day boundaries, and --since/--until/--model to filter', async () => {
    const utc = json(
      (await runCli(['analyze', 'fixtures/logs/bedrock.jsonl', '--by', 'day', '--json'])).stdout,
    );
    expect(utc.groups.map((g: { day: string }) => g.day)).toEqual(['2025-10-01', '2025-10-02']);
    const ny = json(
      (
        await runCli([
          'analyze',
          'fixtures/logs/bedrock.jsonl',
          '--by',
          'day',
          '--tz',
          'America/New_York',
          '--json',
        ])
      ).stdout,
    );
    expect(ny.groups.map((g: { day: string; requests: number }) => [g.day, g.requests])).toEqual([
      ['2025-10-01', 3],
    ]);
    const since = json(
      (await runCli(['analyze', 'fixtures/logs/bedrock.jsonl', '--since', '2025-10-02', '--json']))
        .stdout,
    );
    expect(since.summary.records).toBe(2);
    expect(since.filtered).toBe(1);
    const until = json(
      (await runCli(['analyze', 'fixtures/logs/bedrock.jsonl', '--until', '2025-10-01', '--json']))
        .stdout,
    );
    expect(until.summary.records).toBe(1);
    const m = json(
      (await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--model', 'gpt-4o', '--json']))
        .stdout,
    );
    expect(m.groups.map((g: { model: string }) => g.model)).toEqual(['gpt-4o']);
    const bad = await runCli(['analyze', 'fixtures/logs/bedrock.jsonl', '--tz', 'Mars/Olympus']);
    expect(bad.code).toBe(2);
  });

  it('flags input:output ratios outside the band', async () => {
    const doc = json(
      (await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--json'])).stdout,
    );
    // gpt-4o reads 72% of its prompt from the cache: judged on fresh tokens, 393 per 146 output (2.7:1)
    expect(doc.groups.find((g: { model: string }) => g.model === 'gpt-4o').flag).toBeUndefined();
    expect(doc.groups.find((g: { model: string }) => g.model === 'o4-mini').flag).toBe(
      'verbose output',
    );
    expect(
      doc.groups.find((g: { model: string }) => g.model === 'gpt-4o-mini').flag,
    ).toBeUndefined();
    const wide = json(
      (
        await runCli([
          'analyze',
          'fixtures/logs/openai-chat.jsonl',
          '--ratio-band',
          '1:20',
          '--json',
        ])
      ).stdout,
    );
    expect(wide.ratioFlags).toEqual([]);
  });

  it('lists the most expensive requests with their locations, and reprices on other models', async () => {
    const doc = json(
      (
        await runCli([
          'analyze',
          'fixtures/logs/openai-chat.jsonl',
          '--top',
          '2',
          '--reprice-as',
          'gpt-4o-mini,gpt-5-nano',
          '--json',
        ])
      ).stdout,
    );
    expect(doc.top.map((t: { location: { line: number } }) => t.location.line)).toEqual([3, 1]);
    expect(doc.top[0].cost).toBeCloseTo((2000 * 1.1 + 1500 * 4.4) / 1e6, 12);
    const mini = doc.reprice[0];
    expect(mini.model).toBe('gpt-4o-mini');
    expect(mini.cost).toBeCloseTo((2893 * 0.15 + 1024 * 0.075 + 1846 * 0.6) / 1e6, 12);
  });

  it('exits 1 and lists the days over budget', async () => {
    const r = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--budget', '0.005/day']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/over budget on 2025-10-02: \$0\.0\d+ exceeds \$0\.005\/day/);
    expect(r.stdout).not.toContain('over budget on 2025-10-01');
    expect(
      (await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--budget', '1/month'])).code,
    ).toBe(0);
    expect(
      (
        await runCli([
          'analyze',
          'fixtures/logs/openai-chat.jsonl',
          '--budget',
          '0.005/day',
          '--no-exit-code',
        ])
      ).code,
    ).toBe(0);
  });

  it('prints CSV and Markdown of the groups', async () => {
    const csv = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--format', 'csv']);
    const [head, first] = csv.stdout.split('\n');
    expect(head).toBe(
      'model,requests,input,cacheRead,cacheWrite,output,reasoning,cost,share,ioRatio,cacheHitRate,cacheSavings',
    );
    expect(first).toMatch(/^o4-mini,1,2000,0,0,1500,1200,0\.0088,/);
    const md = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--format', 'markdown']);
    expect(md.stdout).toContain('| model | requests |');
  });

  it('gives a group without output no ratio and no flag, in every format', async () => {
    const f = join(tmp(), 'embeddings.jsonl');
    const usage = (id: string, model: string, n: number) =>
      JSON.stringify({
        id,
        object: 'chat.completion',
        created: 1760000000,
        model,
        usage: { prompt_tokens: n, completion_tokens: 0 },
      });
    writeFileSync(f, `${usage('a', 'gpt-4o', 40000)}\n${usage('b', 'gpt-4.1', 100000)}\n`);
    const text = await runCli(['analyze', f, '--tz', 'UTC', '--by', 'day']);
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('bloated');
    expect(text.stdout).toMatch(/│ +– │/);
    const json = JSON.parse(
      (await runCli(['analyze', f, '--tz', 'UTC', '--by', 'day', '--json'])).stdout,
    );
    expect(json.groups[0]).toMatchObject({ ioRatio: null, cost: 0.3 });
    expect(json.groups[0].flag).toBeUndefined();
    expect(json.ratioFlags).toEqual([]);
    // As JSON's null: an empty cell, not "Infinity".
    const csv = (await runCli(['analyze', f, '--tz', 'UTC', '--by', 'day', '--format', 'csv']))
      .stdout;
    expect(csv.split('\n')[1]).toBe('2025-10-09,2,140000,0,0,0,0,0.3,1,,0,0');
  });
});

describe('timestamps', () => {
  it('reads offset-less date-times as UTC whatever the local zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    try {
      expect(time('2025-10-01 23:30:00.000000')).toBe(Date.parse('2025-10-01T23:30:00Z'));
      expect(time(1759312800)).toBe(1759312800000);
      expect(time('1759312800000000000')).toBe(1759312800000);
      expect(time('2025-10-01T08:52:19.385406455-07:00')).toBe(
        Date.parse('2025-10-01T15:52:19.385Z'),
      );
    } finally {
      process.env.TZ = before;
    }
  });
});

describe('logged cost of a model the catalog does not know', () => {
  const stdin = [
    '{"model":"my-finetune-v3","input_tokens":100,"output_tokens":10,"cost":0.5}',
    '{"model":"gpt-4o","input_tokens":1000000,"output_tokens":0}',
  ].join('\n');
  it.each([
    ['log', 0.5, 0.5],
    ['auto', 0.5 + 2.5, 0.5],
    ['calculate', 2.5, null],
  ])('--cost-source %s: cost %d, logged %s', async (source, cost, logged) => {
    const r = await runCli(['analyze', '-', '--cost-source', source, '--json'], { stdin });
    const doc = json(r.stdout);
    expect(doc.summary.cost).toBeCloseTo(cost, 12);
    expect(doc.summary.loggedCost).toBe(logged);
    // Only its calculated cost is unpriced: the tokens stay listed as such (and with --cost-source log,
    // a known model's record without a logged cost is unpriced too).
    expect(doc.summary.unpriced.models).toEqual(
      source === 'log' ? ['gpt-4o', 'my-finetune-v3'] : ['my-finetune-v3'],
    );
    const ft = doc.groups.find((g: { model: string }) => g.model === 'my-finetune-v3');
    expect(ft.cost).toBe(source === 'calculate' ? null : 0.5);
  });
});

describe('day boundaries', () => {
  const stdin =
    '{"model":"gpt-4o","input_tokens":1,"output_tokens":1,"timestamp":"2025-10-01T20:00:00Z"}\n';
  it("default to the machine's time zone, named in the header, and --tz UTC overrides it", async () => {
    const local = await runCli(['analyze', '-', '--by', 'day'], { stdin, timeZone: 'Asia/Tokyo' });
    expect(local.stdout).toContain('(Asia/Tokyo days)');
    expect(local.stdout).toMatch(/2025-10-02 /);
    const utc = await runCli(['analyze', '-', '--by', 'day', '--tz', 'UTC'], {
      stdin,
      timeZone: 'Asia/Tokyo',
    });
    expect(utc.stdout).toContain('(UTC days)');
    expect(utc.stdout).toMatch(/2025-10-01 /);
  });
});

describe('--by block: 5-hour usage windows as Claude subscriptions count them', () => {
  const rec = (ts: string, input: number) =>
    `{"model":"claude-sonnet-4-5","input_tokens":${input},"output_tokens":0,"timestamp":"${ts}"}`;
  const stdin = [
    rec('2025-10-01T09:10:00Z', 1_000_000),
    rec('2025-10-01T13:59:00Z', 1),
    rec('2025-10-01T09:50:00Z', 10),
    rec('2025-10-01T14:30:00Z', 100),
    rec('2025-10-02T08:20:00Z', 1_000),
  ].join('\n');

  it('starts a block at the hour of the first message after the last block ended', async () => {
    const r = await runCli(['analyze', '-', '--by', 'block', '--json'], {
      stdin,
      now: new Date('2025-10-02T09:20:00Z'),
    });
    const doc = json(r.stdout);
    expect(doc.groups.map((g: { block: string; input: number }) => [g.block, g.input])).toEqual([
      ['2025-10-01T09:00:00.000Z', 1_000_011],
      ['2025-10-01T14:00:00.000Z', 100],
      ['2025-10-02T08:00:00.000Z', 1_000],
    ]);
    expect(doc.groups[0]).toMatchObject({
      first: '2025-10-01T09:10:00.000Z',
      last: '2025-10-01T13:59:00.000Z',
    });
    // 80 minutes into the last block: $0.003 so far, $0.00225/hour, 3h40m to go.
    expect(doc.activeBlock).toMatchObject({
      start: '2025-10-02T08:00:00.000Z',
      elapsedMinutes: 80,
    });
    expect(doc.activeBlock.costPerHour).toBeCloseTo(0.003 / (80 / 60), 12);
    expect(doc.activeBlock.projectedCost).toBeCloseTo(0.003 + (0.003 / (80 / 60)) * (220 / 60), 12);
    const table = await runCli(['analyze', '-', '--by', 'block'], {
      stdin,
      now: new Date('2025-10-02T09:20:00Z'),
    });
    expect(table.stdout).toContain('active block: 2025-10-02 08:00 to 2025-10-02 13:00, 1h 20m in');
  });

  it('has no active block once the last one has ended, and stands alone', async () => {
    const r = await runCli(['analyze', '-', '--by', 'block', '--json'], { stdin });
    expect(json(r.stdout).activeBlock).toBeUndefined();
    const both = await runCli(['analyze', '-', '--by', 'block,model'], { stdin });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--by block stands alone');
  });
});

describe('analyze --by with values holding the key separator', () => {
  it('keeps "a\\u0000b" whole and apart from ("a", "b\\u0000…"): it was cut at the NUL and merged', async () => {
    const dir = tmp();
    const log = join(dir, 'nul.jsonl');
    const rec = (x: string, y: string, n: number) =>
      JSON.stringify({
        model: 'gpt-4o',
        usage: { prompt_tokens: n, completion_tokens: 1 },
        metadata: { x, y },
      });
    // The third joined plainly is the second's escaped name: it must not be summed into it either.
    const lines = [
      rec('a\u0000b', 'c', 10),
      rec('a', 'b\u0000c', 20),
      rec('a', 'b\u0001\u0003c', 40),
    ];
    writeFileSync(log, lines.join('\n') + '\n');
    const by = ['--by', 'metadata.x,metadata.y'];
    const r = await runCli(['analyze', log, ...by, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = (json(r.stdout).groups as Record<string, unknown>[]).map((g) => [
      g['metadata.x'],
      g['metadata.y'],
      g.input,
    ]);
    expect(rows).toEqual([
      ['a', 'b\u0001\u0003c', 40],
      ['a', 'b\u0000c', 20],
      ['a\u0000b', 'c', 10],
    ]);
    // The same groups come back through a partial and --merge.
    const part = join(dir, 'p.json');
    expect((await runCli(['analyze', log, ...by, '--partial', part])).code).toBe(0);
    const merged = await runCli(['analyze', '--merge', part, '--json']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(json(merged.stdout).groups).toEqual(json(r.stdout).groups);
  });
});

describe('analyze --claude lines of one session', () => {
  it('keep a --by field apart per line (a session shares one tags object, which a field must not change)', async () => {
    const dir = tmp();
    const line = (id: string, branch: string, output: number) =>
      JSON.stringify({
        type: 'assistant',
        sessionId: 's1',
        cwd: '/home/dev/shop',
        gitBranch: branch,
        timestamp: '2026-10-01T10:00:00.000Z',
        requestId: `req_${id}`,
        message: {
          id: `msg_${id}`,
          role: 'assistant',
          model: 'claude-sonnet-4-5',
          usage: { input_tokens: 1, output_tokens: output },
        },
      });
    const log = join(dir, 's1.jsonl');
    writeFileSync(
      log,
      [line('a', 'main', 10), line('b', 'fix', 20), line('c', 'main', 40)].join('\n'),
    );
    const r = await runCli(['analyze', log, '--by', 'session,gitBranch', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const rows = (json(r.stdout).groups as Record<string, unknown>[]).map((g) => [
      g.session,
      g.gitBranch,
      g.output,
    ]);
    expect(rows).toEqual([
      ['s1', 'main', 50],
      ['s1', 'fix', 20],
    ]);
  });
});
