import { describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { CATALOG_DATE } from '../../src/pricing/catalog-meta.js';
import { runCli } from '../helpers/run-cli.js';
import pkg from '../../package.json' with { type: 'json' };

describe('CLI shell', () => {
  it('prints help with exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: llmcost');
    for (const c of ['compare', 'models']) expect(r.stdout).toContain(c);
  });

  it('prints help when run with no arguments', async () => {
    const r = await runCli([]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: llmcost');
  });

  it('prints the version and the catalog date', async () => {
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(`llmcost ${VERSION} (price catalog ${CATALOG_DATE})`);
    expect(VERSION).toBe(pkg.version);
  });

  it('shows subcommand help with examples', async () => {
    const r = await runCli(['compare', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
  });

  it.each([
    [['compare', '--input', '1', '--output', '1', '--bogus'], /unknown option '--bogus'/],
    [['compare', '--input', 'lots', '--output', '1'], /argument 'lots' is invalid/],
    [['compare', '--output', '1'], /required option '-i, --input <tokens>' not specified/],
    [
      ['compare', '-i', '1', '-o', '1', '--format', 'xml'],
      /Allowed choices are table, json, csv, markdown/,
    ],
    [['compare', '-i', '1', '-o', '1', '--cached-input', '1.5'], /rate from 0 to 1/],
    [['nosuch'], /unknown command 'nosuch'/],
  ])('bad usage %j exits 2 with one line', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('colors only when asked: FORCE_COLOR forces, NO_COLOR and --no-color turn it off', async () => {
    const args = ['compare', '-i', '10', '-o', '10', '--top', '2'];
    const esc = '\u001b[';
    expect((await runCli(args, { tty: true })).stdout).toContain(esc);
    expect((await runCli(args, { tty: false })).stdout).not.toContain(esc);
    expect((await runCli(args, { tty: false, env: { FORCE_COLOR: '1' } })).stdout).toContain(esc);
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain(esc);
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '' } })).stdout).toContain(esc);
    expect(
      (await runCli([...args, '--no-color'], { tty: true, env: { FORCE_COLOR: '1' } })).stdout,
    ).not.toContain(esc);
    expect(
      (await runCli([...args, '--json'], { tty: true, env: { FORCE_COLOR: '1' } })).stdout,
    ).not.toContain(esc);
  });

  it('--color forces color into a pipe, over NO_COLOR; the last of --color and --no-color wins', async () => {
    const args = ['compare', '-i', '10', '-o', '10', '--top', '2'];
    const esc = '\u001b[';
    const out = async (extra: string[], env: Record<string, string> = {}) =>
      (await runCli([...args, ...extra], { tty: false, env })).stdout;
    expect(await out(['--color'])).toContain(esc);
    expect(await out(['--color'], { NO_COLOR: '1', FORCE_COLOR: '0' })).toContain(esc);
    expect(await out(['--color', '--no-color'])).not.toContain(esc);
    expect(await out(['--no-color', '--color'])).toContain(esc);
    expect(await out(['--color', '--json'])).not.toContain(esc);
  });
});
