import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

// gpt-4o at $2.50 in / $10 out per 1M: 1M in + 100k out = $3.50; + 200k out = $4.50.
const LINES = [
  ['2026-11-20T10:00:00Z', 100_000], // Friday, 2026-W47
  ['2026-11-21T10:00:00Z', 100_000], // Saturday, 2026-W47
  ['2026-11-23T10:00:00Z', 200_000], // Monday, 2026-W48
].map(([t, out]) =>
  JSON.stringify({ timestamp: t, model: 'gpt-4o', input_tokens: 1_000_000, output_tokens: out }),
);
let log: string;
beforeAll(() => {
  log = join(tempDir('budget'), 'usage.jsonl');
  writeFileSync(log, `${LINES.join('\n')}\n`);
});
// runCli's clock: 2026-11-23T12:00:00Z, so November is the current month (23 of 30 days elapsed).
const analyze = (...args: string[]) => runCli(['analyze', log, '--tz', 'UTC', ...args]);

describe('analyze --budget per week, --warn-at, the forecast and --fail-on', () => {
  it('lists each ISO week over a weekly budget and exits 1', async () => {
    const r = await analyze('--budget', '5/week');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'over budget on 2026-W47: $7.00 exceeds $5.00/week by $2.00 (+40.0%)',
    );
    expect(r.stdout).not.toContain('2026-W48: $4.50 exceeds');
    expect(r.stdout).toContain('2026-W48: $4.50 of $5.00/week spent, $0.50 remaining');
  });

  it('warns on stderr, exit 0, when the latest period passes --warn-at', async () => {
    const r = await analyze('--budget', '10/week', '--warn-at', '40%');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'llmcost: warning: 2026-W48 spend $4.50 is 45% of the $10.00/week budget (warn at 40%); $5.50 remaining\n',
    );
    expect((await analyze('--budget', '10/week')).stderr).toBe(''); // 45% is under the default 80%
  });

  it('forecasts the month from the month-to-date run rate', async () => {
    const r = await analyze('--budget', '4/day');
    // $11.50 in 23 days -> $15.00 in 30; a $4/day budget is $120 for November.
    expect(r.stdout).toContain(
      'at this rate: $15.00 by month end (2026-11, $11.50 in 23 of 30 days), 13% of the $120.00 budget for the month',
    );
    expect(r.code).toBe(1); // 2026-11-23 is over $4/day
    const doc = JSON.parse((await analyze('--forecast', '--json')).stdout);
    expect(doc.forecast).toMatchObject({
      month: '2026-11',
      days: 23,
      daysInMonth: 30,
      over: false,
    });
    expect(doc.forecast.projected).toBeCloseTo(15, 12);
    expect(doc).not.toHaveProperty('budget');
    // No forecast when the data does not reach into the current month.
    const later = await runCli(['analyze', log, '--tz', 'UTC', '--forecast', '--json'], {
      now: new Date('2027-01-05T00:00:00Z'),
    });
    expect(JSON.parse(later.stdout)).not.toHaveProperty('forecast');
  });

  it('fails on the forecast only when asked', async () => {
    const budget = ['--budget', '14/month'];
    expect((await analyze(...budget)).code).toBe(0);
    const r = await analyze(...budget, '--fail-on', 'forecast', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('forecast over budget: at this rate: $15.00 by month end');
    const doc = JSON.parse(r.stdout);
    expect(doc.budget).toMatchObject({ amount: 14, per: 'month', warnAt: 0.8, over: [] });
    expect(doc.budget.latest).toMatchObject({ period: '2026-11', level: 'warn' }); // 82%
    expect(doc.budget.latest.remaining).toBeCloseTo(2.5, 12);
    // A period over the budget does not fail a run that fails only on the forecast.
    const onlyForecast = await analyze('--budget', '4/day', '--fail-on', 'forecast');
    expect(onlyForecast.code).toBe(0);
    expect(onlyForecast.stdout).toContain('over budget on 2026-11-23');
  });

  it('rejects bad values with exit 2', async () => {
    for (const args of [
      ['--budget', '5/fortnight'],
      ['--warn-at', '0'],
      ['--warn-at', '150%'],
      ['--fail-on', 'budget,forecst'],
    ]) {
      const r = await analyze(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    }
  });
});

describe('estimate --budget per week and --warn-at', () => {
  const est = (...args: string[]) =>
    runCli(['estimate', '-m', 'gpt-4o', '-r', '1000', '-i', '1000', '-o', '100', ...args]);
  it('projects a week as seven days', async () => {
    // $3.50 a day -> $24.50 a week.
    const within = await est('--budget', '25/week');
    expect(within.code).toBe(0);
    expect(within.stdout).toContain('within budget: $24.50/week of $25.00/week, $0.50 remaining');
    expect(within.stderr).toBe(
      'llmcost: warning: projected $24.50/week is 98% of the $25.00/week budget; $0.50 remaining\n',
    );
    expect((await est('--budget', '25/week', '--warn-at', '99%')).stderr).toBe('');
    const over = await est('--budget', '20/week');
    expect(over.code).toBe(1);
    expect(over.stdout).toContain(
      'over budget: projected $24.50/week exceeds $20.00/week by $4.50',
    );
  });
});
