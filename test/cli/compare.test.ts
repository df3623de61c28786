import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const base = ['compare', '--input', '500', '--output', '300', '--requests', '10000'];

describe('llmcost compare', () => {
  it('prints a readable table, the 25 cheapest by default, and as many as --top asks', async () => {
    const rowsOf = (out: string) =>
      out.split('\n').filter((l) => l.startsWith('│ ') && !l.includes('per request'));
    const r = await runCli(base);
    expect(r.code).toBe(0);
    expect(rowsOf(r.stdout)).toHaveLength(25);
    expect(r.stdout).toMatch(/the 25 cheapest of \d+ shown: --top N shows more, --json lists all/);
    const wide = await runCli([...base, '--top', '80']);
    const rows = rowsOf(wide.stdout);
    expect(rows.length).toBe(80);
    const perDay = rows.map((l) => Number(l.split('│')[4]!.trim().replace(/[$,]/g, '')));
    expect([...perDay].sort((a, b) => a - b)).toEqual(perDay);
    expect(r.stdout).toContain('10,000 requests/day');
    // Machine formats carry every row.
    const doc = JSON.parse((await runCli([...base, '--json'])).stdout);
    expect(doc.rows.length).toBeGreaterThan(300);
  });

  it('states the request rate as given: a monthly count is not rounded to 0 a day', async () => {
    const r = await runCli([
      'compare',
      '--input',
      '1000',
      '--output',
      '200',
      '--top',
      '1',
      '--requests',
      '10',
      '--per',
      'month',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(', 10 requests/month, 30-day month');
    const one = await runCli([
      'estimate',
      '--model',
      'gpt-4o',
      '--input',
      '1000',
      '--output',
      '200',
      '--requests',
      '1',
    ]);
    expect(one.stdout).toContain('Estimate: gpt-4o, 1 request/day');
    const monthly = await runCli([
      ...['estimate', '--model', 'gpt-4o', '--input', '1000', '--output', '200'],
      ...['--requests', '10', '--per', 'month'],
    ]);
    expect(monthly.stdout).toContain('Estimate: gpt-4o, 10 requests/month');
    expect(monthly.stdout).toMatch(/API calls per day +│ +0\.333 │/);
  });

  it('computes gpt-4o costs exactly (JSON)', async () => {
    const r = await runCli([...base, '--models', 'gpt-4o', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.schemaVersion).toBe(1);
    expect(doc.catalogDate).toMatch(/^\d{4}-/);
    expect(doc.rows).toHaveLength(1);
    expect(doc.rows[0].costPerRequest).toBeCloseTo(0.00425, 12);
    expect(doc.rows[0].dailyCost).toBeCloseTo(42.5, 9);
    expect(doc.rows[0].monthlyCost).toBeCloseTo(1275, 9);
  });

  it('takes monthly requests, cached input and batch', async () => {
    const r = await runCli([
      'compare',
      '-i',
      '800',
      '-o',
      '300',
      '-r',
      '100000',
      '--per',
      'month',
      '-m',
      'gpt-4o',
      '--json',
    ]);
    expect(JSON.parse(r.stdout).rows[0].monthlyCost).toBeCloseTo(500, 9);
    const b = await runCli([
      'compare',
      '-i',
      '800',
      '-o',
      '300',
      '-r',
      '100k',
      '--per',
      'month',
      '-m',
      'gpt-4o',
      '--batch',
      '--json',
    ]);
    expect(JSON.parse(b.stdout).rows[0].monthlyCost).toBeCloseTo(250, 9);
    const c = await runCli([
      'compare',
      '-i',
      '1000',
      '-o',
      '0',
      '-r',
      '1',
      '-m',
      'gpt-4o',
      '--cached-input',
      '0.5',
      '--json',
    ]);
    expect(JSON.parse(c.stdout).rows[0].costPerRequest).toBeCloseTo(
      500 * 2.5e-6 + 500 * 1.25e-6,
      12,
    );
  });

  it('marks models whose context window is too small instead of dropping them', async () => {
    const r = await runCli([
      'compare',
      '-i',
      '150000',
      '-o',
      '1000',
      '-m',
      'gpt-4o,gpt-4.1',
      '--json',
    ]);
    const rows = JSON.parse(r.stdout).rows as { model: string; fitsContext: boolean }[];
    expect(rows.find((x) => x.model === 'gpt-4o')?.fitsContext).toBe(false);
    const t = await runCli(['compare', '-i', '150000', '-o', '1000', '-m', 'gpt-4o,gpt-4.1']);
    expect(t.stdout).toContain('too small');
    const hidden = await runCli([
      'compare',
      '-i',
      '150000',
      '-o',
      '1000',
      '-m',
      'gpt-4o,gpt-4.1',
      '--hide-too-small',
      '--json',
    ]);
    expect(JSON.parse(hidden.stdout).rows.map((x: { model: string }) => x.model)).toEqual([
      'gpt-4.1',
    ]);
  });

  it('filters by provider and --top, and uses --days-per-month', async () => {
    const r = await runCli([
      ...base,
      '--provider',
      'anthropic',
      '--top',
      '3',
      '--days-per-month',
      '31',
      '--json',
    ]);
    const doc = JSON.parse(r.stdout);
    expect(doc.rows).toHaveLength(3);
    for (const row of doc.rows) {
      expect(row.provider).toBe('anthropic');
      expect(row.monthlyCost).toBeCloseTo(row.dailyCost * 31, 9);
    }
  });

  it('reports unknown models as unpriced, never $0', async () => {
    const r = await runCli([...base, '--models', 'gpt-4o,gpt-4oo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/gpt-4oo: not in the price catalog \(unpriced\); did you mean gpt-4o/);
    const j = await runCli([...base, '--models', 'gpt-4o,gpt-4oo', '--json']);
    expect(JSON.parse(j.stdout).unpriced[0].model).toBe('gpt-4oo');
  });

  it('shows models without batch prices as unpriced under --batch', async () => {
    const r = await runCli([...base, '--models', 'gpt-4o,grok-4', '--batch', '--json']);
    const grok = JSON.parse(r.stdout).rows.find((x: { model: string }) => x.model === 'grok-4');
    expect(grok.costPerRequest).toBeNull();
    expect(grok.note).toBe('no batch price');
  });

  it('prints CSV and Markdown', async () => {
    const csv = await runCli([...base, '--models', 'gpt-4o,gpt-4o-mini', '--format', 'csv']);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'model,provider,costPerRequest,dailyCost,monthlyCost,xCheapest,contextWindow,verified',
    );
    expect(lines[1]).toMatch(/^gpt-4o-mini,openai,0\.000255,2\.55/);
    const md = await runCli([...base, '--models', 'gpt-4o', '--format', 'markdown']);
    expect(md.stdout).toContain('| model | provider |');
    expect(md.stdout).toContain('| gpt-4o | openai | $0.00425 | $42.50 | $1,275.00 |');
  });

  it('prices as of --date', async () => {
    const before = await runCli([
      'compare',
      '-i',
      '1000000',
      '-o',
      '0',
      '-m',
      'gemini-3.6-flash',
      '--date',
      '2026-12-31',
      '--json',
    ]);
    const after = await runCli([
      'compare',
      '-i',
      '1000000',
      '-o',
      '0',
      '-m',
      'gemini-3.6-flash',
      '--date',
      '2027-01-01',
      '--json',
    ]);
    expect(JSON.parse(before.stdout).rows[0].costPerRequest).toBeCloseTo(0.75, 9);
    expect(JSON.parse(after.stdout).rows[0].costPerRequest).toBeCloseTo(1.5, 9);
  });
});
