// API list pages saved as they came ({object: "list", data: [...]}, {data: [...], meta}): their items are records.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp.js';

async function analyze(args: string[], stdin?: string) {
  const r = await runCli(['analyze', ...args, '--json'], stdin === undefined ? {} : { stdin });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe('API list pages', () => {
  it("reads OpenAI's list of stored chat completions item by item", async () => {
    const doc = await analyze(['fixtures/logs/openai-list.json']);
    expect(
      doc.groups.map((g: { model: string; input: number; output: number }) => [
        g.model,
        g.input,
        g.output,
      ]),
    ).toEqual([
      ['gpt-4o', 300, 50],
      ['gpt-4o-mini', 100, 20],
    ]);
    expect(doc.malformed).toEqual({});
  });

  it('reads a Langfuse API page (data + meta) as its observations read one per line', async () => {
    const lines = readFileSync('fixtures/logs/langfuse.jsonl', 'utf8').split('\n').filter(Boolean);
    const page = join(tempDir('list-page'), 'observations.json');
    writeFileSync(
      page,
      JSON.stringify({ data: lines.map((l) => JSON.parse(l)), meta: { page: 1, totalPages: 1 } }),
    );
    const [a, b] = [await analyze(['fixtures/logs/langfuse.jsonl']), await analyze([page])];
    expect(b.summary).toEqual(a.summary);
    expect(b.skipped).toEqual(a.skipped);
  });

  it("reads Helicone's query result ({data, error: null}) as its rows read one per line", async () => {
    const lines = readFileSync('fixtures/logs/helicone.jsonl', 'utf8').split('\n').filter(Boolean);
    const result = join(tempDir('list-page'), 'requests.json');
    writeFileSync(result, JSON.stringify({ data: lines.map((l) => JSON.parse(l)), error: null }));
    const [a, b] = [await analyze(['fixtures/logs/helicone.jsonl']), await analyze([result])];
    expect(b.summary).toEqual(a.summary);
    expect(b.skipped).toEqual(a.skipped);
  });

  it('looks one level deep, and only into pages: other data arrays stay unrecognized', async () => {
    const nested = JSON.stringify({ object: 'list', data: [{ object: 'list', data: [] }, 7] });
    expect((await analyze([], nested)).malformed).toEqual({
      'unrecognized record shape': 1,
      'not a JSON object': 1,
    });
    expect((await analyze([], JSON.stringify({ data: [{ x: 1 }] }))).malformed).toEqual({
      'unrecognized record shape': 1,
    });
    // A failed result is no page.
    expect(
      (await analyze([], JSON.stringify({ data: [{ x: 1 }, { y: 2 }], error: 'denied' })))
        .malformed,
    ).toEqual({ 'unrecognized record shape': 1 });
  });
});
