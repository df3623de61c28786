import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

const json = async (args: string[]) => {
  const r = await runCli([...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
type Row = { model: string; provider: string };

describe('a catalog of thousands stays readable', () => {
  it('models shows current first-party models in a table, and the whole catalog as JSON', async () => {
    const all = await json(['models']);
    expect(all.count).toBeGreaterThanOrEqual(1400);
    expect(all.notShown).toBe(0);
    const table = await runCli(['models', '--wide']);
    const rows = table.stdout.split('\n').filter((l) => l.startsWith('│ ')).length - 1;
    expect(rows).toBeLessThan(all.count / 3);
    expect(table.stdout).toMatch(/[\d,]+ more in the catalog .*--provider NAME or --all/);
    for (const p of ['bedrock', 'azure', 'vertex', 'openrouter', 'groq'])
      expect(table.stdout).not.toMatch(new RegExp(`│ ${p} +│`));
    const md = await runCli(['models', '--all', '--format', 'markdown']);
    expect(md.stdout.split('\n').filter((l) => l.startsWith('| ')).length - 1).toBe(all.count);
  });

  it('shows a platform when --provider names it, and finds hosted models by search', async () => {
    const groq = await json(['models', '--provider', 'groq']);
    expect(groq.count).toBeGreaterThan(10);
    expect(groq.models.every((m: Row) => m.provider === 'groq')).toBe(true);
    const llama = await json(['models', '--search', 'llama-3.3-70b']);
    expect(new Set(llama.models.map((m: Row) => m.provider)).size).toBeGreaterThan(3);
  });

  it('compare shows current first-party text models, and says how many more --all shows', async () => {
    const args = ['compare', '-i', '500', '-o', '300', '-r', '1000'];
    const def = await json(args);
    expect(def.rows.every((r: Row & { model: string }) => !r.model.includes('embed'))).toBe(true);
    expect(def.notShown).toBeGreaterThan(1000);
    const all = await json([...args, '--all']);
    expect(all.rows.length).toBe(def.rows.length + def.notShown);
    const named = await json([...args, '--models', 'groq/llama-3.3-70b-versatile,gpt-4o']);
    expect(named.rows.map((r: Row) => r.model).sort()).toEqual([
      'gpt-4o',
      'groq/llama-3.3-70b-versatile',
    ]);
  });
});

describe('hosted models resolve to the host that served them', () => {
  it.each([
    ['groq/meta-llama/llama-4-scout-17b-16e-instruct', 'groq'],
    ['fireworks_ai/accounts/fireworks/models/deepseek-v3p1', 'fireworks'],
    ['together_ai/Qwen/Qwen3-235B-A22B-Thinking-2507', 'together'],
    ['openrouter/anthropic/claude-3.7-sonnet', 'openrouter'],
    ['anthropic/claude-3.7-sonnet', 'anthropic'],
    ['azure/gpt-4.1-nano', 'azure'],
  ])('%s -> %s', async (name, provider) => {
    const r = await runCli(['models', '--resolve', name]);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`, ${provider}\\)$`));
  });
});
