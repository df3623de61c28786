import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

interface Group {
  model: string;
  requests: number;
  input: number;
  output: number;
  reasoning: number;
  cost: number | null;
  loggedCost: number | null;
}

async function analyze(args: string[], stdin?: string) {
  const r = await runCli(['analyze', ...args, '--json'], stdin === undefined ? {} : { stdin });
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout);
  const groups: Record<string, Omit<Group, 'model'>> = {};
  for (const {
    model,
    requests,
    input,
    output,
    reasoning,
    cost,
    loggedCost,
  } of doc.groups as Group[])
    groups[model] = { requests, input, output, reasoning, cost, loggedCost };
  return { doc, groups };
}

const FIXTURE = 'fixtures/logs/perplexity.jsonl';

describe("Perplexity's Sonar API (search context fee, citations, searches, the reasoning step)", () => {
  it("prices each request as Perplexity's price list does: by search context size, Deep Research's meters too", async () => {
    const { doc, groups } = await analyze([FIXTURE, '--cost-source', 'calculate']);
    expect(Object.keys(groups).sort()).toEqual([
      'sonar-context-medium',
      'sonar-deep-research-context-low',
      'sonar-deep-research-reasoning',
      'sonar-pro',
      'sonar-pro-context-low',
    ]);
    const cost = (m: string) => groups[m]!.cost!;
    // Sonar Pro, low context: $3 / $15 per 1M and $6 per 1,000 requests.
    expect(cost('sonar-pro-context-low')).toBeCloseTo(0.003 + 0.006 + 0.006, 12);
    // Sonar, medium context: $1 / $1 and $8 per 1,000.
    expect(cost('sonar-context-medium')).toBeCloseTo(0.002 + 0.001 + 0.008, 12);
    // No size logged: the record's own fee, the highest ($14), as genai-prices keeps it.
    expect(cost('sonar-pro')).toBeCloseTo(0.00003 + 0.0003 + 0.014, 12);
    // Deep Research, Perplexity's worked example: input and citations at $2, output $8, 18 searches at
    // $5 per 1,000, the reasoning step at $3. Its own bill for it was $0.409393.
    expect(groups['sonar-deep-research-context-low']).toMatchObject({
      requests: 1, // the duplicate line (same response id) is counted once
      input: 33 + 20016,
      output: 7163,
      reasoning: 0,
    });
    expect(groups['sonar-deep-research-reasoning']).toMatchObject({
      requests: 0,
      input: 0,
      output: 73997,
      reasoning: 73997,
    });
    expect(
      cost('sonar-deep-research-context-low') + cost('sonar-deep-research-reasoning'),
    ).toBeCloseTo(0.409393, 12);
    expect(doc.summary.requests).toBe(4);
  });

  it('counts the bill Perplexity logged (usage.cost.total_cost) once, split between the response and its reasoning step', async () => {
    const { doc, groups } = await analyze([FIXTURE]);
    expect(groups['sonar-pro-context-low']!.loggedCost).toBe(0.015);
    expect(groups['sonar-deep-research-reasoning']!.loggedCost).toBe(0.221991);
    expect(groups['sonar-deep-research-context-low']!.loggedCost).toBeCloseTo(0.187402, 12);
    expect(doc.summary.cost).toBeCloseTo(0.015 + 0.409393 + 0.01433 + 0.011, 12);
  });

  it('logs the whole bill on the response when the log does not break out the reasoning cost', async () => {
    const line = JSON.stringify({
      id: 'dr-2',
      model: 'sonar-deep-research',
      created: 1759399200,
      object: 'chat.completion',
      choices: [],
      usage: {
        prompt_tokens: 10,
        completion_tokens: 100,
        total_tokens: 110,
        reasoning_tokens: 1000,
        num_search_queries: 1,
        cost: { total_cost: 0.5 },
      },
    });
    const { doc, groups } = await analyze(['-'], `${line}\n`);
    expect(groups['sonar-deep-research']!.loggedCost).toBe(0.5);
    expect(groups['sonar-deep-research-reasoning']!.loggedCost).toBe(0);
    expect(doc.summary.cost).toBe(0.5);
  });

  it('reads the same usage in an application log line, with its tags on both records', async () => {
    const line = JSON.stringify({
      timestamp: '2026-10-01T10:00:00Z',
      user: 'u1',
      model: 'sonar-deep-research',
      usage: {
        prompt_tokens: 10,
        completion_tokens: 100,
        total_tokens: 110,
        citation_tokens: 1000,
        reasoning_tokens: 2000,
        search_context_size: 'high',
      },
    });
    const r = await runCli(
      ['analyze', '-', '--by', 'user,model', '--json', '--cost-source', 'calculate'],
      {
        stdin: `${line}\n`,
      },
    );
    expect(r.code, r.stderr).toBe(0);
    const groups = JSON.parse(r.stdout).groups as { user: string; model: string; cost: number }[];
    expect(groups.map((g) => [g.user, g.model])).toEqual([
      ['u1', 'sonar-deep-research-reasoning'],
      ['u1', 'sonar-deep-research-context-high'],
    ]);
    expect(groups[0]!.cost).toBeCloseTo(0.006, 12); // 2,000 reasoning tokens at $3/M
    expect(groups[1]!.cost).toBeCloseTo(0.00202 + 0.0008, 12); // 1,010 input at $2, 100 output at $8
  });

  it("leaves other providers' top-level reasoning_tokens as they were (xAI: on top of the output)", async () => {
    const line = JSON.stringify({
      id: 'x-1',
      model: 'grok-4',
      created: 1759399200,
      usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 150, reasoning_tokens: 30 },
    });
    const { groups } = await analyze(['-'], `${line}\n`);
    expect(groups).toMatchObject({ 'grok-4': { requests: 1, output: 50, reasoning: 30 } });
  });
});
