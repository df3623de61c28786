import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

const fx = (p: string) => join(process.cwd(), 'fixtures', p);

describe('config and pricing overrides', () => {
  it('finds llmcost.config.yaml upward and uses its defaults; explicit flags win', async () => {
    const r = await runCli(['compare', '-i', '100', '-o', '100', '--json'], {
      cwd: fx('config/project/sub'),
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.rows).toHaveLength(3);
    expect(doc.rows.every((x: { provider: string }) => x.provider === 'anthropic')).toBe(true);
    expect(doc.workload.daysPerMonth).toBe(31);
    const flags = await runCli(['compare', '-i', '100', '-o', '100', '--top', '5', '--json'], {
      cwd: fx('config/project/sub'),
    });
    expect(JSON.parse(flags.stdout).rows).toHaveLength(5);
  });

  it('applies the config file pricing overrides', async () => {
    const r = await runCli(
      ['compare', '-i', '1000000', '-o', '0', '-m', 'claude-haiku-4-5', '--json'],
      { cwd: fx('config/project') },
    );
    expect(JSON.parse(r.stdout).rows[0].costPerRequest).toBeCloseTo(0.5, 9);
  });

  it('applies --pricing overrides: discounts, changed prices and new models', async () => {
    const args = [
      'compare',
      '-i',
      '100000',
      '-o',
      '0',
      '-m',
      'gpt-4o,claude-sonnet-4-5,llama3.3:70b',
      '--pricing',
      fx('pricing/negotiated.yaml'),
      '--json',
    ];
    const rows = JSON.parse((await runCli(args)).stdout).rows as {
      model: string;
      costPerRequest: number;
    }[];
    const cost = (id: string) => rows.find((x) => x.model === id)?.costPerRequest;
    expect(cost('gpt-4o')).toBeCloseTo(0.2, 9);
    expect(cost('claude-sonnet-4-5')).toBeCloseTo(0.25, 9);
    expect(cost('llama-local')).toBeCloseTo(0.005, 9);
  });

  it.each([
    [['--pricing', fx('pricing/bad-input.yaml')], /bad-input\.yaml: models\[2\]\.input: /],
    [['--config', fx('config/bad/llmcost.config.yaml')], /compare\.top: expected a whole number/],
    [
      ['--config', fx('config/unknown/llmcost.config.yaml')],
      /compare\.cheapest: not an option of llmcost compare/,
    ],
    [['--config', fx('config/badpricing/llmcost.config.yaml')], /pricing\.models\[2\]\.input: /],
    [['--config', 'nope.yaml'], /config file not found: nope\.yaml/],
    [['--pricing', 'nope.yaml'], /cannot read .*nope\.yaml: no such file or folder \(ENOENT\)/],
  ])('rejects bad config %j with a dotted path and exit 2', async (extra, message) => {
    const r = await runCli(['compare', '-i', '1', '-o', '1', ...extra]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(2);
  });

  it('names a YAML syntax error by file, line and column, once', async () => {
    const file = join(tempDir('llmcost-bad-yaml'), 'prices.yaml');
    writeFileSync(file, 'models:\n  - id: x\n    input: [1,2\n');
    const r = await runCli(['compare', '-i', '1', '-o', '1', '--pricing', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^llmcost: .*prices\.yaml:4:1: invalid YAML: Flow sequence .*end with a \]\n$/,
    );
  });

  it('refuses a YAML alias bomb in one line: it was an internal error', async () => {
    const dir = tempDir('llmcost-yaml-bomb');
    const levels = 'abcdefgh'.split('');
    const lines = levels.map((l, k) =>
      k === 0
        ? `a: &a [${'"x",'.repeat(8)}"x"]`
        : `${l}: &${l} [${`*${levels[k - 1]},`.repeat(8)}*${levels[k - 1]}]`,
    );
    const bomb = lines.join('\n') + '\nmodels: *h\n';
    writeFileSync(join(dir, 'prices.yaml'), bomb);
    writeFileSync(join(dir, 'llmcost.config.yaml'), bomb);
    for (const [args, cwd] of [
      [['--pricing', join(dir, 'prices.yaml')], process.cwd()],
      [[], dir],
    ] as const) {
      const r = await runCli(['compare', '-i', '1', '-o', '1', ...args], { cwd });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\.yaml: invalid YAML: Excessive alias count/);
      expect(r.stderr).not.toMatch(/internal error/);
    }
  });
});
