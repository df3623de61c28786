import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// These run the built binary (npm test builds first) the way users do.
const env = { ...process.env, NO_COLOR: '1', TZ: 'UTC', COLUMNS: '120', FORCE_COLOR: undefined };
const sh = (cmd: string) => spawnSync('bash', ['-c', cmd], { encoding: 'utf8', env });
const bin = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['bin/llmcost.js', ...args], { encoding: 'utf8', env, input });

describe('built binary', () => {
  it('prints a compare table users can read', () => {
    const r = bin([
      'compare',
      '--input',
      '500',
      '--output',
      '300',
      '--requests',
      '10000',
      '--models',
      'gpt-4o,gpt-4o-mini',
      '--date',
      '2026-11-01',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatchInlineSnapshot(`
      "┌─────────────┬──────────┬─────────────┬─────────┬───────────┬────────────┬─────────┬────────────┐
      │ model       │ provider │ per request │ per day │ per month │ x cheapest │ context │ price date │
      ├─────────────┼──────────┼─────────────┼─────────┼───────────┼────────────┼─────────┼────────────┤
      │ gpt-4o-mini │ openai   │   $0.000255 │   $2.55 │    $76.50 │       1.0x │    128k │ 2025-07-04 │
      │ gpt-4o      │ openai   │    $0.00425 │  $42.50 │ $1,275.00 │        17x │    128k │ 2025-07-04 │
      └─────────────┴──────────┴─────────────┴─────────┴───────────┴────────────┴─────────┴────────────┘

      500 input + 300 output tokens per request, 10,000 requests/day, 30-day month; prices in force 2026-11-01.
      "
    `);
  });

  it('ends quietly with exit 0 when piped into head (EPIPE)', () => {
    const r = sh('set -o pipefail; node bin/llmcost.js models --json | head -1; echo "status=$?"');
    expect(r.stdout).toContain('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('streams --emit - into a pipe byte for byte, and says nothing on stderr', () => {
    // Thousands of rows: stdout asks to be drained after every 256 KB write (a listener a wait used to be
    // left behind, and Node warned of a leak after ten).
    const dir = mkdtempSync(join(tmpdir(), 'llmcost-bin-'));
    try {
      const log = join(dir, 'big.jsonl');
      const line = (i: number) =>
        JSON.stringify({
          id: `chatcmpl-${i}`,
          object: 'chat.completion',
          created: 1790812800 + i,
          model: 'gpt-4o',
          usage: { prompt_tokens: 1000 + i, completion_tokens: 10, total_tokens: 1010 + i },
          metadata: { feature: 'café ✓' },
        });
      writeFileSync(log, Array.from({ length: 20_000 }, (_, i) => `${line(i)}\n`).join(''));
      const piped = sh(`node bin/llmcost.js analyze ${log} --emit - | cat > ${dir}/piped.jsonl`);
      expect(piped.stderr).toBe('');
      expect(bin(['analyze', log, '--emit', `${dir}/file.jsonl`]).status).toBe(0);
      const file = readFileSync(`${dir}/file.jsonl`);
      expect(file.length).toBeGreaterThan(11 * 256 * 1024);
      expect(readFileSync(`${dir}/piped.jsonl`).equals(file)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line on bad flags, and 0 for --help and --version', () => {
    const bad = bin(['compare', '--input']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bin(['--help']).status).toBe(0);
    expect(bin(['--version']).status).toBe(0);
  });
});
