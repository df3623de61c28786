import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BudgetExceededError, createTracker, InvalidArgumentError } from '../../src/lib/index.js';
import { counterFor } from '../../src/tokenize/count.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

beforeAll(() => counterFor('o200k_base'));

const chat = (model: string, prompt: number, completion: number, cached = 0) => ({
  id: `chatcmpl-${model}-${prompt}`,
  object: 'chat.completion',
  model,
  choices: [],
  usage: {
    prompt_tokens: prompt,
    completion_tokens: completion,
    prompt_tokens_details: { cached_tokens: cached },
  },
});
const claude = (model: string, input: number, output: number, read = 0, write = 0) => ({
  id: `msg_${input}`,
  type: 'message',
  model,
  usage: {
    input_tokens: input,
    output_tokens: output,
    cache_read_input_tokens: read,
    cache_creation_input_tokens: write,
  },
});

/** What `f` throws; fails the test when it throws nothing. */
function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

/** A clock that moves as the test says. */
function clock(start: string) {
  let t = Date.parse(start);
  return { now: () => t, set: (iso: string) => void (t = Date.parse(iso)) };
}

async function analyzeJson(log: string, by: string) {
  const r = await runCli(['analyze', log, '--by', by, '--json', '--tz', 'UTC']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('createTracker', () => {
  it('writes a log that `llmcost analyze` totals exactly as summary() does', async () => {
    const log = join(tempDir('tracker'), 'usage.jsonl');
    const c = clock('2026-11-29T10:00:00Z');
    const t = createTracker({ log, clock: c.now, timeZone: 'UTC', tags: { service: 'api' } });
    t.record(chat('gpt-4o-2024-08-06', 1200, 300, 1000), { tags: { feature: 'search' } });
    t.record(claude('claude-sonnet-4-5', 20, 400, 10000, 3000), { tags: { feature: 'chat' } });
    c.set('2026-11-30T23:59:00Z');
    t.record(chat('gpt-4o-mini', 500, 50), { tags: { feature: 'search' } });
    t.record(claude('claude-sonnet-4-5', 250_000, 1000)); // long-context tier
    t.record({ model: 'my-finetune', input_tokens: 10, output_tokens: 5 }); // unpriced
    await t.close();

    for (const by of ['model', 'day', 'feature', 'model,day']) {
      const doc = await analyzeJson(log, by);
      const s = t.summary({ by: by.split(',') });
      expect(s.total.usage).toEqual(doc.summary.usage);
      expect(s.total.cost!).toBeCloseTo(doc.summary.cost, 12);
      expect(Math.abs(s.total.cost! - doc.summary.cost) / doc.summary.cost).toBeLessThan(1e-9);
      expect(s.groups.length).toBe(doc.groups.length);
      for (const g of s.groups) {
        const match = doc.groups.find((d: Record<string, unknown>) =>
          Object.entries(g.keys).every(([k, v]) => d[k] === v),
        );
        expect(match, JSON.stringify(g.keys)).toBeDefined();
        expect(g.usage.input).toBe(match.input);
        expect(g.usage.output).toBe(match.output);
        if (g.cost === null) expect(match.cost).toBeNull();
        else expect(Math.abs(g.cost - match.cost)).toBeLessThan(1e-9 * Math.max(1, g.cost));
      }
    }
    const s = t.summary({ by: 'model' });
    expect(s.total.unpriced.input).toBe(10);
    expect(s.groups.find((g) => g.keys.model === 'my-finetune')?.cost).toBeNull();
    // The tier: 250k prompt at $6 and output at $22.50 per 1M.
    expect(JSON.parse(readFileSync(log, 'utf8').split('\n')[3]!).cost).toBeCloseTo(
      (250_000 * 6 + 1000 * 22.5) / 1e6,
      15,
    );
  });

  it('returns what it recorded, and refuses what holds no usage', () => {
    const t = createTracker({ clock: () => Date.parse('2026-11-30T00:00:00Z'), timeZone: 'UTC' });
    const call = t.record(chat('gpt-4o', 1000, 100));
    expect(call).toMatchObject({
      catalogId: 'gpt-4o',
      timestamp: '2026-11-30T00:00:00.000Z',
      usage: { input: 1000, output: 100 },
    });
    expect(call.cost).toBeCloseTo((1000 * 2.5 + 100 * 10) / 1e6, 15);
    expect(t.record({ model: 'mystery', input_tokens: 1, output_tokens: 1 }).cost).toBeNull();
    expect(() => t.record({ hello: 'world' })).toThrow(
      expect.objectContaining({ code: 'INVALID_USAGE' }),
    );
    expect(() => createTracker({ timeZone: 'Mars/Base' })).toThrow(InvalidArgumentError);
    expect(() => createTracker({ budgets: '100/fortnight' })).toThrow(/AMOUNT\/week/);
    expect(() => createTracker({ log: '/no/such/folder/x.jsonl' })).toThrow(/cannot open the log/);
  });

  it('flushes what is buffered when the process exits without close()', () => {
    const log = join(tempDir('tracker'), 'exit.jsonl');
    // The built library (npm test builds first), in a process of its own that just ends.
    const lib = new URL('../../dist/pkg/index.js', import.meta.url).href;
    execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `const l = await import(${JSON.stringify(lib)});
       const t = l.createTracker({ log: ${JSON.stringify(log)} });
       for (let i = 0; i < 3; i++) t.record({ object: 'chat.completion', model: 'gpt-4o', choices: [], usage: { prompt_tokens: 5, completion_tokens: 1 } });`,
    ]);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('never throws a full disk into record(); close() reports it', async () => {
    const t = createTracker({ log: '/dev/full', clock: () => 0, timeZone: 'UTC' });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    // Over 64 KiB of lines: the buffer is written on the way, and that write fails.
    for (let i = 0; i < 400; i++) expect(t.record(chat('gpt-4o', 10, 1)).cost).not.toBeNull();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/cannot write the usage log: .*ENOSPC/);
    warn.mockRestore();
    await expect(t.close()).rejects.toThrow(/ENOSPC/);
  });

  it('writes to a stream the caller owns, flushed on close', async () => {
    const out = new PassThrough();
    let text = '';
    out.on('data', (b: Buffer) => (text += b.toString()));
    const t = createTracker({ log: out, clock: () => 0, timeZone: 'UTC' });
    t.record(chat('gpt-4o', 10, 1));
    expect(text).toBe('');
    await t.close();
    expect(JSON.parse(text)).toMatchObject({
      timestamp: '1970-01-01T00:00:00.000Z',
      model: 'gpt-4o',
      input_tokens: 10,
      output_tokens: 1,
      response_id: 'chatcmpl-gpt-4o-10',
    });
  });
});

describe('budgets', () => {
  // gpt-4o: $2.50 in, $10 out per 1M; 100k in + 10k out = $0.35 a call.
  const call = () => chat('gpt-4o', 100_000, 10_000);

  it('warns at the threshold and denies what would overrun, per day, week and month', () => {
    const c = clock('2026-11-30T09:00:00Z'); // a Monday: week 2026-W49 starts
    const t = createTracker({
      clock: c.now,
      timeZone: 'UTC',
      budgets: ['1/day', { amount: 2, per: 'week', warnAt: 0.5 }, '100/month'],
    });
    const next = { model: 'gpt-4o', inputTokens: 100_000, maxOutputTokens: 10_000 };
    expect(t.check(next).verdict).toBe('allow');
    t.record(call()); // $0.35 today
    expect(t.check(next).verdict).toBe('allow'); // 0.70 of 1/day is under 0.8
    t.record(call()); // $0.70
    const warn = t.check(next); // 1.05 > 1/day: deny
    expect(warn.verdict).toBe('deny');
    expect(warn.worstCase).toBeCloseTo(0.35, 12);
    expect(warn.budgets.map((b) => [b.per, b.period, b.verdict])).toEqual([
      ['day', '2026-11-30', 'deny'],
      ['week', '2026-W49', 'warn'],
      ['month', '2026-11', 'allow'],
    ]);
    expect(warn.message).toMatch(/over the daily budget: \$0\.7000 spent in 2026-11-30/);
    c.set('2026-12-01T09:00:00Z'); // a new day and month, the same week
    const tomorrow = t.check(next);
    expect(tomorrow.verdict).toBe('warn');
    expect(tomorrow.budgets[1]).toMatchObject({ period: '2026-W49', verdict: 'warn' });
    expect(tomorrow.budgets[1]!.spent).toBeCloseTo(0.7, 12);
    expect(t.budgets()[0]).toMatchObject({ per: 'day', spent: 0, remaining: 1, level: 'ok' });
  });

  it('throws BudgetExceededError on deny with guard: throw, and prices the prompt it is given', () => {
    const t = createTracker({
      clock: () => 0,
      timeZone: 'UTC',
      budgets: '0.000001/day',
      guard: 'throw',
    });
    expect(() =>
      t.check({ model: 'gpt-4o', prompt: 'hello there', maxOutputTokens: 1000 }),
    ).toThrow(BudgetExceededError);
    // 3 framing + "user" + "hi" + 3 priming = 8 prompt tokens.
    expect(
      thrown(() =>
        t.check({ model: 'gpt-4o', prompt: [{ role: 'user', content: 'hi' }], maxOutputTokens: 1 }),
      ),
    ).toMatchObject({ code: 'BUDGET_EXCEEDED', decision: { verdict: 'deny', inputTokens: 8 } });
    const report = t.check({
      model: 'gpt-4o',
      inputTokens: 0,
      maxOutputTokens: 1000,
      guard: 'report',
    });
    expect(report.verdict).toBe('deny');
    // Without a cap, the catalog's maximum output is the worst case.
    expect(t.check({ model: 'gpt-4o', inputTokens: 0, guard: 'report' }).maxOutputTokens).toBe(
      16384,
    );
  });

  it('rebuilds the current periods from the log, so a restart does not reset spend', async () => {
    const log = join(tempDir('tracker'), 'usage.jsonl');
    const c = clock('2026-11-30T09:00:00Z');
    const first = createTracker({ log, clock: c.now, timeZone: 'UTC', budgets: '1/day' });
    first.record(call());
    first.record(call());
    await first.close();
    // A torn last line (a crash mid-write) is skipped, as analyze counts it malformed.
    writeFileSync(log, readFileSync(log, 'utf8') + '{"model":"gpt-4o","inp');
    const again = createTracker({ log, clock: c.now, timeZone: 'UTC', budgets: '1/day' });
    expect(again.budgets()[0]!.spent).toBeCloseTo(0.7, 12);
    expect(
      again.check({ model: 'gpt-4o', inputTokens: 100_000, maxOutputTokens: 10_000 }).verdict,
    ).toBe('deny');
    expect(again.summary().total.records).toBe(2);
    await again.close();
  });
});
