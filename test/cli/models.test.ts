import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

describe('llmcost models', () => {
  it('lists the catalog with prices, filtered by provider and search', async () => {
    const r = await runCli(['models', '--provider', 'anthropic', '--json']);
    const doc = JSON.parse(r.stdout);
    expect(doc.count).toBeGreaterThan(10);
    for (const m of doc.models) expect(m.provider).toBe('anthropic');
    const s = await runCli(['models', '--search', 'flash-lite', '--json']);
    for (const m of JSON.parse(s.stdout).models) expect(m.model).toContain('flash-lite');
  });

  it('shows cache, batch and tier prices in the table', async () => {
    const r = await runCli(['models', '--search', 'gemini-2.5-pro']);
    expect(r.stdout).toMatch(/gemini-2\.5-pro .*\$1\.25 .*\$10 .*\$0\.125/);
    expect(r.stdout).toContain('>200k: $2.5/$15');
  });

  it('resolves a log name and says why', async () => {
    const r = await runCli(['models', '--resolve', 'us.anthropic.claude-3-5-sonnet-20241022-v2:0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-> bedrock/claude-3-5-sonnet');
    expect(r.stdout).toMatch(/why: .*Bedrock/);
  });

  it('says when a name matches nothing, with the nearest candidates, and exits 1', async () => {
    const r = await runCli(['models', '--resolve', 'claude-sonet-4-5']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('matches no model');
    expect(r.stdout).toMatch(/nearest: .*claude-sonnet-4-5/);
  });

  it('takes the text to look for as an operand too: llmcost models flash-lite', async () => {
    const operand = await runCli(['models', 'flash-lite', '--json']);
    expect(operand.code, operand.stderr).toBe(0);
    expect(operand.stdout).toBe(
      (await runCli(['models', '--search', 'flash-lite', '--json'])).stdout,
    );
    const both = await runCli(['models', 'gpt', '--search', 'gpt']);
    expect([both.code, both.stderr]).toEqual([
      2,
      expect.stringContaining('give the text to look for once'),
    ]);
    const empty = await runCli(['models', '']);
    expect([empty.code, empty.stderr]).toEqual([
      2,
      expect.stringContaining('an empty text to look for'),
    ]);
  });

  it('says what a logged name resolves to when no id, name or alias contains it', async () => {
    const dated = await runCli(['models', 'openai/gpt-4.1-2025-04-14', '--no-color']);
    expect(dated.code, dated.stderr).toBe(0);
    expect(dated.stdout).toContain(
      `as a logged name it resolves to gpt-4.1 (openai): llmcost models --resolve 'openai/gpt-4.1-2025-04-14' tells why.`,
    );
    const typo = await runCli(['models', 'gtp-4o', '--no-color']);
    // The hint alone: no empty table above it.
    expect(typo.stdout.trim()).toMatch(/^No model contains "gtp-4o"; nearest: gpt-4o[^\n]*$/);
    expect(dated.stdout).not.toContain('┌');
    const json = JSON.parse((await runCli(['models', 'gtp-4o', '--json'])).stdout);
    expect(json).toMatchObject({ count: 0, models: [] });
    const found = await runCli(['models', 'gpt-4.1', '--no-color']);
    expect(found.stdout).not.toContain('No model contains');
    expect(found.stdout).not.toContain('resolves to');
  });
});
