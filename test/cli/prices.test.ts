import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

/**
 * `llmcost prices` against a real HTTP server on 127.0.0.1 serving small price maps, and the ways a fetch
 * goes wrong: 304, 404, a timeout, a body cut short, not JSON, the wrong shape, a closed port.
 */
const GENAI = readFileSync('fixtures/prices/genai-small.json', 'utf8');
const LITELLM = readFileSync('fixtures/prices/litellm-small.json', 'utf8');
const requests: { url: string; ifNoneMatch?: string }[] = [];
let server: Server;
let base: string;
let closedPort: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = req.url ?? '';
    requests.push({
      url,
      ...(req.headers['if-none-match']
        ? { ifNoneMatch: String(req.headers['if-none-match']) }
        : {}),
    });
    const json = (body: string, etag: string) => {
      if (req.headers['if-none-match'] === etag) return res.writeHead(304).end();
      res.writeHead(200, { 'content-type': 'application/json', etag }).end(body);
    };
    if (url === '/genai.json') return json(GENAI, '"g1"');
    if (url === '/litellm.json') return json(LITELLM, '"l1"');
    if (url === '/genai-tenfold.json')
      return json(GENAI.replace('"input_mtok": 2.5', '"input_mtok": 250'), '"g2"');
    if (url === '/slow.json') return; // never answers
    if (url === '/truncated.json') {
      res.writeHead(200, { 'content-length': String(GENAI.length) });
      res.write(GENAI.slice(0, 100));
      return setTimeout(() => res.destroy(), 20);
    }
    if (url === '/always-304.json') return res.writeHead(304).end();
    if (url === '/html.json') return res.writeHead(200).end('<html>rate limited</html>');
    if (url === '/shape.json') return res.writeHead(200).end('{"hello": "world"}');
    res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A port that was just free: nothing listens there (fetch refuses well-known ones such as 9).
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  closedPort = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
  await new Promise<void>((r) => probe.close(() => r()));
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((r) => server.close(() => r()));
});

const NOW = new Date('2026-12-01T09:00:00Z');
const cli = (dir: string, args: string[], o: { now?: Date; stderrTTY?: boolean } = {}) =>
  runCli(args, {
    env: { LLMCOST_CACHE_DIR: dir },
    now: o.now ?? NOW,
    ...(o.stderrTTY ? { stderrTTY: true } : {}),
  });
const update = (dir: string, ...from: string[]) =>
  cli(dir, [
    'prices',
    'update',
    '--from',
    from.map((f) => (f.startsWith('/') ? `${base}${f}` : f)).join(','),
    '--timeout',
    '1',
  ]);

describe('llmcost prices update', () => {
  it('keeps the catalog under USERPROFILE where HOME is not set (Windows)', async () => {
    const profile = tempDir('profile');
    const r = await runCli(
      ['prices', 'update', '--from', `${base}/genai.json,${base}/litellm.json`, '--timeout', '1'],
      { env: { USERPROFILE: profile }, now: NOW },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(profile, '.cache', 'llmcost', 'catalog.json'))).toBe(true);
  });

  it('fetches both maps, writes the catalog, and every command then uses it', async () => {
    const dir = tempDir('prices');
    const r = await update(dir, '/genai.json', '/litellm.json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^updated: [\d,]+ models written to .*catalog\.json/);
    expect(r.stdout).toMatch(/\d+ added, [\d,]+ removed, 0 repriced/);
    const doc = JSON.parse(
      (
        await cli(dir, [
          'compare',
          '-i',
          '1000',
          '-o',
          '100',
          '--models',
          'gpt-9-mini,gpt-4o',
          '--json',
        ])
      ).stdout,
    );
    expect(doc).toMatchObject({ catalogDate: '2026-12-01', catalogSource: 'updated' });
    expect(doc.rows.map((x: { model: string }) => x.model)).toEqual(['gpt-9-mini', 'gpt-4o']);
    const bundled = JSON.parse(
      (await cli(dir, ['models', '--json', '--catalog', 'bundled'])).stdout,
    );
    expect(bundled).toMatchObject({ catalogDate: '2026-09-23', catalogSource: 'bundled' });
    expect((await cli(dir, ['models', '--resolve', 'groq/llama-9-70b'])).stdout).toContain(
      '-> groq/llama-9-70b',
    );
    expect((await cli(dir, ['compare', '-i', '1', '-o', '1', '--top', '1'])).stdout).toContain(
      'prices: the catalog updated 2026-12-01 (llmcost prices status)',
    );
  });

  it('sends If-None-Match and says "already current" on 304', async () => {
    const dir = tempDir('prices');
    await update(dir, '/genai.json', '/litellm.json');
    requests.length = 0;
    const again = await update(dir, '/genai.json', '/litellm.json');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^already current: the catalog updated 2026-12-01/);
    expect(requests.map((q) => q.ifNoneMatch)).toEqual(['"g1"', '"l1"']);
  });

  it('refuses a price that moved more than 10x unless --force', async () => {
    const dir = tempDir('prices');
    const r = await update(dir, '/genai-tenfold.json', '/litellm.json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('moved more than 10x in price: nothing was written');
    expect(r.stdout).toMatch(/gpt-4o .*\$2\.5\/\$10.*\$250\/\$10/);
    expect((await cli(dir, ['prices', 'status', '--json'])).stdout).toContain('"updated": null');
    const forced = await cli(dir, [
      'prices',
      'update',
      '--from',
      `${base}/genai-tenfold.json,${base}/litellm.json`,
      '--force',
    ]);
    expect(forced.code).toBe(0);
  });

  it.each([
    ['a 404', ['/missing.json', '/litellm.json'], /missing\.json: HTTP 404 Not Found/],
    ['a timeout', ['/slow.json', '/litellm.json'], /slow\.json: no answer within 1 s/],
    [
      'a truncated body',
      ['/truncated.json', '/litellm.json'],
      /truncated\.json: (the response was cut short|not JSON)/,
    ],
    ['not JSON', ['/html.json', '/litellm.json'], /html\.json: not JSON/],
    [
      'the wrong shape',
      ['/shape.json', '/litellm.json'],
      /shape\.json: neither genai-prices' provider list nor LiteLLM's model table/,
    ],
    ['one map only', ['fixtures/prices/litellm-small.json'], /needs both maps; got only LiteLLM/],
    ['a closed port', ['CLOSED/genai.json', '/litellm.json'], /genai\.json: ECONNREFUSED/],
  ])('%s: one line, exit 2, the catalog in use unchanged', async (_name, from, message) => {
    const dir = tempDir('prices');
    await update(dir, '/genai.json', '/litellm.json');
    const before = readFileSync(join(dir, 'catalog.json'), 'utf8');
    const r = await update(dir, ...from.map((f) => f.replace('CLOSED', closedPort)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')[0]).toMatch(message);
    // The one line, and at most a hint under it.
    expect(r.stderr.split('\n').filter((l) => l && !l.startsWith('hint: ')).length).toBe(1);
    expect(readFileSync(join(dir, 'catalog.json'), 'utf8')).toBe(before);
  });

  it('says so in one line when the cache folder cannot be written', async () => {
    const file = join(tempDir('prices'), 'a-file');
    writeFileSync(file, 'x');
    const r = await update(join(file, 'cache'), '/genai.json', '/litellm.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^llmcost: cannot write the catalog to .*: (a part of the path is not a folder \(ENOTDIR\)|it already exists \(EEXIST\))/,
    );
  });

  it('reads the maps from files (the committed snapshots): nothing repriced', async () => {
    const dir = tempDir('prices');
    const r = await update(
      dir,
      'data/prices/genai-prices-0.1.8.json',
      'data/prices/litellm-2026-08-01.json',
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/0 added, 0 removed, 0 repriced/);
  });
});

describe('llmcost prices status and diff', () => {
  it('status names the catalog in use, its date, sources and age', async () => {
    const dir = tempDir('prices');
    const none = JSON.parse((await cli(dir, ['prices', 'status', '--json'])).stdout);
    expect(none).toMatchObject({
      inUse: 'bundled',
      date: '2026-09-23',
      ageDays: 69,
      updated: null,
    });
    await update(dir, '/genai.json', '/litellm.json');
    const doc = JSON.parse((await cli(dir, ['prices', 'status', '--json'])).stdout);
    expect(doc).toMatchObject({ inUse: 'updated', date: '2026-12-01', ageDays: 0 });
    expect(doc.updated.sources.map((s: { kind: string }) => s.kind)).toEqual([
      'genai-prices',
      'litellm',
    ]);
    // A broken catalog file is said once, and the bundled catalog is used.
    writeFileSync(join(dir, 'catalog.json'), '{"schemaVersion": 1, "trunc');
    const broken = await cli(dir, ['models', '--json']);
    expect(broken.code).toBe(0);
    expect(broken.stderr).toMatch(
      /updated catalog .* is unusable \(not JSON\); using the bundled one/,
    );
    expect(JSON.parse(broken.stdout).catalogSource).toBe('bundled');
  });

  it('diff lists models added, removed and repriced, old -> new', async () => {
    const dir = tempDir('prices');
    mkdirSync(dir, { recursive: true });
    await cli(dir, [
      'prices',
      'update',
      '--from',
      `${base}/genai-tenfold.json,${base}/litellm.json`,
      '--force',
    ]);
    const doc = JSON.parse((await cli(dir, ['prices', 'diff', '--json'])).stdout);
    expect(doc.added.map((x: { model: string }) => x.model)).toEqual(
      expect.arrayContaining(['gpt-9-mini', 'groq/llama-9-70b', 'mistral-9-large']),
    );
    expect(doc.removed.length).toBeGreaterThan(100);
    expect(doc.repriced).toEqual([
      expect.objectContaining({
        model: 'gpt-4o',
        old: expect.objectContaining({ input: 2.5 }),
        new: expect.objectContaining({ input: 250 }),
      }),
    ]);
    const since = JSON.parse(
      (
        await cli(dir, [
          'prices',
          'diff',
          '--since',
          '2026-08-01',
          '--json',
          '--catalog',
          'bundled',
        ])
      ).stdout,
    );
    expect(since.repriced.map((x: { model: string }) => x.model)).toContain('gpt-5.6-sol');
  });

  it('a catalog over 90 days old earns one line on a terminal, none in a pipe', async () => {
    const dir = tempDir('prices');
    const later = new Date('2027-01-15T00:00:00Z');
    const tty = await cli(dir, ['models', '--json'], { now: later, stderrTTY: true });
    expect(tty.stderr).toBe(
      'llmcost: the price catalog is 114 days old (2026-09-23); llmcost prices update fetches the current one\n',
    );
    expect((await cli(dir, ['models', '--json'], { now: later })).stderr).toBe('');
  });
});

describe('a damaged updated catalog', () => {
  it('is said once and the bundled catalog is used, never a crash', async () => {
    const dir = tempDir('prices');
    for (const records of [
      [{}],
      [{ id: 'x', provider: 'p', creator: 'p', aliases: [], prices: [{ input: 'a', output: 1 }] }],
    ]) {
      writeFileSync(
        join(dir, 'catalog.json'),
        JSON.stringify({
          schemaVersion: 1,
          catalogDate: '2099-01-01',
          fetchedAt: '',
          sources: [],
          records,
        }),
      );
      const r = await cli(dir, ['compare', '-i', '1', '-o', '1', '--json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toMatch(
        /unusable \(record 1 is not a usable model record\); using the bundled one/,
      );
      expect(JSON.parse(r.stdout).catalogSource).toBe('bundled');
    }
  });
});

describe('a server that says 304 out of turn', () => {
  it('is one line and exit 2, on a first update and when the kept map is gone', async () => {
    const dir = tempDir('prices');
    const first = await update(dir, '/always-304.json', '/litellm.json');
    expect(first.code).toBe(2);
    expect(first.stderr).toMatch(
      /always-304\.json: answered 304 Not Modified to a request with nothing to compare/,
    );
    await update(dir, '/genai.json', '/litellm.json');
    rmSync(join(dir, 'litellm.json'));
    // The genai map changed, LiteLLM's did not (304): its kept copy is needed, and gone.
    const again = await update(dir, '/genai-tenfold.json', '/litellm.json');
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(
      /the litellm map kept from the last update .* is missing or damaged/,
    );
  });
});
