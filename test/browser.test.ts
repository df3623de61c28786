// The HTML report as a person sees it: each command's page rendered in a real headless Chromium (Debian's,
// which .ci/run installs when it is missing), with no console errors, the charts' drawn bars matching the
// data in number and order, sortable tables, and a screenshot kept under test-artifacts/.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.js';
import { tempDir } from './helpers/temp.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const ARTIFACTS = resolve('test-artifacts');
const PAGES: [string, string[]][] = [
  [
    'analyze',
    [
      'analyze',
      'fixtures/logs/openai-chat.jsonl',
      'fixtures/logs/llmcost-flat.jsonl',
      '--format',
      'html',
    ],
  ],
  [
    'compare',
    [
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
    ],
  ],
  [
    'estimate',
    [
      'estimate',
      'fixtures/scenarios/support-bot.yaml',
      '--budget',
      '3000/month',
      '--growth',
      '10%',
      '--no-exit-code',
      '--format',
      'html',
    ],
  ],
  [
    'count',
    [
      'count',
      'fixtures/count-repo/prompts',
      '--max-tokens',
      '50',
      '--no-exit-code',
      '--format',
      'html',
    ],
  ],
];

let browser: Browser;
beforeAll(async () => {
  if (!CHROMIUM) throw new Error('no Chromium: apt-get install chromium (.ci/run does it)');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);
afterAll(async () => browser?.close());

describe('the HTML report in a real browser', () => {
  it.each(PAGES)(
    '%s renders offline with the data drawn',
    async (name, args) => {
      const r = await runCli(args);
      const file = join(tempDir('html'), `${name}.html`);
      writeFileSync(file, r.stdout);
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      page.on('pageerror', (e) => errors.push(e.message));
      const requests: string[] = [];
      page.on('request', (q) => !q.url().startsWith('file:') && requests.push(q.url()));
      await page.goto(`file://${file}`);
      const data = JSON.parse((await page.textContent('#llmcost-data'))!);
      const drawn = await page.$$eval('figure:first-of-type rect.bar', (els) =>
        els.map((e) => ({
          label: e.getAttribute('data-label'),
          value: Number(e.getAttribute('data-value')),
        })),
      );
      const labels = [...new Set(drawn.map((d) => d.label))];
      if (name === 'compare')
        expect(labels).toEqual(['gpt-4o-mini', 'gpt-4o', 'claude-sonnet-4-5']);
      if (name === 'estimate') expect(labels).toHaveLength(data.projection.length);
      if (name === 'count') expect(labels).toEqual(data.files.map((f: { path: string }) => f.path));
      if (name === 'analyze') {
        expect(labels).toEqual(
          data.days
            .filter((d: { day: string }) => d.day !== 'unknown')
            .map((d: { day: string }) => d.day),
        );
        // the stacked parts of each day add up to that day's cost
        for (const d of data.days.filter((x: { cost: number | null }) => x.cost))
          expect(
            drawn.filter((x) => x.label === d.day).reduce((s, x) => s + x.value, 0),
          ).toBeCloseTo(d.cost, 9);
      }
      // a click on a header sorts the table
      const th = page.locator('table').first().locator('th').first();
      await th.click();
      expect(await th.getAttribute('aria-sort')).toBe('ascending');
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      await page.close();
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    },
    60_000,
  );
});
