// #12 class 7: text from files never steers the terminal or the CI log.
import { describe, expect, it } from 'vitest';
import { printable, spreadsheetSafe } from '../../src/reporters/printable.js';
import { runCli } from '../helpers/run-cli.js';

const hostile = 'evil\u001b]0;title\u0007\u001b[2J\n::warning::pwned\u202e';
const stdin = `${JSON.stringify({ model: hostile, input_tokens: 1, output_tokens: 1 })}\n${JSON.stringify({ model: '=HYPERLINK("http://x")', input_tokens: 1, output_tokens: 1 })}\n`;

describe('class 7: text from files reaching the terminal and CI logs', () => {
  it.each(['table', 'markdown'])('escapes control characters in the %s format', async (format) => {
    const r = await runCli(['analyze', '-', '--format', format], { stdin });
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(r.stdout.split('\n').some((l) => l.startsWith('::'))).toBe(false);
    expect(r.stdout).toContain('evil\\e]0;title\\u0007\\e[2J\\n::warning::pwned\\u202e');
  });

  it('keeps JSON exact (escaped by JSON itself) and neutralises formulas in CSV', async () => {
    const json = await runCli(['analyze', '-', '--json'], { stdin });
    const models = JSON.parse(json.stdout).groups.map((g: { model: string }) => g.model);
    expect(models).toContain(hostile);
    const csv = await runCli(['analyze', '-', '--format', 'csv'], { stdin });
    expect(csv.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv.stdout).not.toMatch(/^=/m);
  });

  it('writes the characters JSON leaves raw (C1, DEL, bidi, line separators) as \\u escapes: same value', async () => {
    const name = 'm\u009b2J\u007f\u2028\u202eevil';
    const input = `${JSON.stringify({ model: name, input_tokens: 1, output_tokens: 1 })}\n`;
    const r = await runCli(['analyze', '-', '--json'], { stdin: input });
    expect(r.stdout).not.toMatch(/[\u007f-\u009f\u2028\u202e]/);
    expect(r.stdout).toContain('m\\u009b2J\\u007f\\u2028\\u202eevil');
    expect(JSON.parse(r.stdout).groups.map((g: { model: string }) => g.model)).toContain(name);
  });

  it('escapes control characters in CSV reports: a quoted line break would start a CI log command', async () => {
    const csv = await runCli(['analyze', '-', '--format', 'csv'], { stdin });
    expect(csv.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(csv.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(csv.stdout.split('\n').some((l) => l.startsWith('::'))).toBe(false);
    expect(csv.stdout).toContain('evil\\e]0;title\\u0007\\e[2J\\n::warning::pwned\\u202e');
  });

  it('escapes names in stderr diagnostics too', async () => {
    const r = await runCli(['analyze', '-', '--by', 'x\u001b[31m'], { stdin });
    expect(r.stderr).toContain('--by x\\e[31m');
    // eslint-disable-next-line no-control-regex -- the point of the test
    expect(r.stderr).not.toMatch(/\u001b/);
  });

  it.each([
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['\u0085next line', '\\u0085next line'],
    ['a\u2028b', 'a\\u2028b'],
    ['é 日本 🎉', 'é 日本 🎉'],
  ])('printable(%j) is %j', (text, shown) => expect(printable(text)).toBe(shown));

  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['gpt-4o', 'gpt-4o'],
  ])('spreadsheetSafe(%j) is %j', (text, safe) => expect(spreadsheetSafe(text)).toBe(safe));
});
