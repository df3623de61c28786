import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const base = [
  'estimate',
  '--model',
  'gpt-4o',
  '--requests',
  '10000',
  '--input',
  '500',
  '--output',
  '300',
];
const json = async (args: string[]) => {
  const r = await runCli([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe('llmcost estimate', () => {
  it('reports the documented gpt-4o example with a 40% response cache', async () => {
    const doc = await json([...base, '--cache-hit-rate', '0.4']);
    expect(doc.apiCallsPerDay).toBe(6000);
    expect(doc.cachedPerDay).toBe(4000);
    expect(doc.dailyCost).toBeCloseTo(25.5, 9);
    expect(doc.monthlyCost).toBeCloseTo(765, 9);
    expect(doc.schemaVersion).toBe(1);
  });

  it('without cache, and with --batch-share 1', async () => {
    expect((await json(base)).dailyCost).toBeCloseTo(42.5, 9);
    expect((await json(base)).monthlyCost).toBeCloseTo(1275, 9);
    const b = await json([...base, '--batch-share', '1']);
    expect(b.dailyCost).toBeCloseTo(21.25, 9);
    expect(b.monthlyCost).toBeCloseTo(637.5, 9);
  });

  it('shows a readable table with the levers and the savings table', async () => {
    const r = await runCli([
      ...base,
      '--cache-hit-rate',
      '0.4',
      '--growth',
      '10%',
      '--months',
      '3',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Estimate: gpt-4o, 10,000 requests/day');
    expect(r.stdout).toMatch(/per month\s+│\s+\$765\.00/);
    expect(r.stdout).toMatch(/\+ response cache\s+│\s+\$765\.00 │\s+\$510\.00 │\s+40\.0%/);
    expect(r.stdout).toMatch(/│\s+3 │\s+\$925\.65 │\s+\$2,532\.15 │ █+/);
  });

  it('runs a routing scenario file equal to the weighted single-model estimates', async () => {
    const doc = await json(['estimate', 'fixtures/scenarios/routing-70-20-10.yaml']);
    const single = async (m: string) =>
      (await json(['estimate', '-m', m, '-r', '10000', '-i', '500', '-o', '300']))
        .dailyCost as number;
    const weighted =
      0.7 * (await single('gpt-4o-mini')) +
      0.2 * (await single('gpt-4o')) +
      0.1 * (await single('claude-opus-4-1'));
    expect(doc.dailyCost).toBeCloseTo(weighted, 9);
    expect(doc.routes).toHaveLength(3);
    expect(doc.savings.baseline.model).toBe('claude-opus-4-1');
  });

  it('runs the commented example scenario, flags overriding the file', async () => {
    const r = await runCli(['estimate', 'fixtures/scenarios/support-bot.yaml']);
    expect(r.code).toBe(1); // the example grows past its 3000/month budget in month 7
    expect(r.stdout).toContain('over budget from month 7');
    const doc = await json([
      'estimate',
      'fixtures/scenarios/support-bot.yaml',
      '--requests',
      '1000',
      '--growth',
      '0',
    ]);
    expect(doc.workload.requestsPerDay).toBe(1000);
    expect(doc.worstCase.maxOutput).toBe(1024);
    expect(doc.savings.steps.filter((s: { active: boolean }) => s.active)).toHaveLength(4);
  });

  it('compares the same workload on other models', async () => {
    const doc = await json([...base, '--compare', 'gpt-4o-mini,gpt-4.1']);
    expect(doc.compare.map((c: { model: string }) => c.model)).toEqual(['gpt-4o-mini', 'gpt-4.1']);
    expect(doc.compare[0].dailyCost).toBeCloseTo((10_000 * (500 * 0.15 + 300 * 0.6)) / 1e6, 9);
  });

  it('exits 1 over budget with a one-line reason, 0 within, and never with --no-exit-code', async () => {
    const over = await runCli([...base, '--budget', '40/day']);
    expect(over.code).toBe(1);
    expect(over.stdout).toContain(
      'over budget: projected $42.50/day exceeds $40.00/day by $2.50 (+6.3%)',
    );
    expect((await runCli([...base, '--budget', '50/day'])).code).toBe(0);
    expect((await runCli([...base, '--budget', '40/day', '--no-exit-code'])).code).toBe(0);
    const j = await runCli([...base, '--budget', '1000/month', '--json']);
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).budget.over).toBe(true);
    expect(j.stderr).toContain('over budget');
  });

  it('counts --prompt with the model tokenizer', async () => {
    const doc = await json([
      'estimate',
      '-m',
      'gpt-4o',
      '-r',
      '100',
      '--prompt',
      'fixtures/prompts/short.txt',
      '-o',
      '10',
    ]);
    expect(doc.routes[0].input).toBe(12);
    expect(doc.notes[0]).toContain('12 tokens (o200k_base)');
  });

  it.each([
    [[...base, '--cache-hit-rate', '1.5'], /rate from 0 to 1/],
    [[...base, '--batch-share', '-0.1'], /rate from 0 to 1/],
    [['estimate', '-m', 'gpt-4o', '-r', '10', '-i', '-5', '-o', '1'], /invalid/],
    [['estimate', 'fixtures/scenarios/bad-shares.yaml'], /routes: shares add up to 0\.9, not 1/],
    [
      ['estimate', 'fixtures/scenarios/bad-rate.yaml'],
      /bad-rate\.yaml: cacheHitRate: must be from 0 to 1/,
    ],
    [
      ['estimate', '-m', 'gpt-9-ultra', '-r', '10', '-i', '1', '-o', '1'],
      /unknown model "gpt-9-ultra"/,
    ],
    [
      ['estimate', '-m', 'grok-4', '-r', '10', '-i', '1', '-o', '1', '--batch-share', '0.5'],
      /grok-4 has no batch price/,
    ],
    [['estimate', '-m', 'gpt-4o', '-i', '1', '-o', '1'], /how many requests/],
    [['estimate', '-r', '1', '-i', '1', '-o', '1'], /which model/],
    [['estimate', 'nope.yaml', '-r', '1'], /cannot read .*nope\.yaml/],
  ])('bad input %j exits 2 with one line', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
