import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const bars = (html: string) =>
  [...html.matchAll(/<rect class="bar[^"]*"[^>]*data-label="([^"]*)"/g)].map((m) => m[1]);
const charts = (html: string) =>
  [...html.matchAll(/<figcaption>([^<]*)<\/figcaption>/g)].map((m) => m[1]);

describe('--format html: one self-contained page', () => {
  it('analyze: spend per day stacked by model, cost, input:output against the band, cache savings', async () => {
    const r = await runCli([
      'analyze',
      'fixtures/logs/openai-chat.jsonl',
      '--by',
      'day,model',
      '--format',
      'html',
    ]);
    expect(r.code).toBe(0);
    expect(charts(r.stdout)).toEqual([
      'Spend per day, by model',
      'Share of spend by model',
      'Share of spend by provider',
      'Cost by day, model',
      'Input:output by day, model, against the healthy band',
      'What caching saved, by day, model',
    ]);
    // 2 days stacked by their models (2 + 2), then one bar per group in each of the other charts
    const json = JSON.parse(
      /<script type="application\/json" id="llmcost-data">(.*?)<\/script>/s.exec(r.stdout)![1]!,
    );
    expect(json.schemaVersion).toBe(1);
    expect(bars(r.stdout).length).toBeGreaterThan(json.groups.length);
    expect(r.stdout).not.toMatch(/https?:\/\//); // nothing fetched: works from file:// and as an artifact
    expect(r.stdout).toContain('prefers-color-scheme:dark');
  });

  it('compare draws the cheapest first; count draws --max-tokens; estimate the monthly projection', async () => {
    const compare = await runCli([
      'compare',
      '-i',
      '500',
      '-o',
      '300',
      '-r',
      '10000',
      '--models',
      'gpt-4o,gpt-4o-mini,claude-sonnet-4-5',
      '--format',
      'html',
    ]);
    expect(bars(compare.stdout)).toEqual(['gpt-4o-mini', 'gpt-4o', 'claude-sonnet-4-5']);
    const count = await runCli([
      'count',
      'fixtures/count-repo/prompts',
      '--max-tokens',
      '50',
      '--no-exit-code',
      '--format',
      'html',
    ]);
    expect(count.stdout).toContain('<line class="mark"');
    expect(bars(count.stdout)[0]).toBe('fixtures/count-repo/prompts/system.md');
    const estimate = await runCli([
      'estimate',
      'fixtures/scenarios/support-bot.yaml',
      '--format',
      'html',
    ]);
    expect(bars(estimate.stdout)).toHaveLength(12);
  });

  it('escapes text from logs, in tables, charts and the embedded JSON', async () => {
    const stdin = `${JSON.stringify({ model: '<script>alert(1)</script>', input_tokens: 1, output_tokens: 1 })}\n`;
    const r = await runCli(['analyze', '-', '--format', 'html'], { stdin });
    expect(r.stdout).not.toContain('<script>alert');
    expect(r.stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});
