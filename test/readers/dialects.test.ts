import { tempDir } from '../helpers/temp.js';
import { describe, expect, it } from 'vitest';
import { groupRows } from '../helpers/analyze-json.js';
import { runCli } from '../helpers/run-cli.js';

type Tokens = [
  requests: number,
  input: number,
  cacheRead: number,
  cacheWrite: number,
  output: number,
  reasoning: number,
];
interface Group {
  model?: string;
  day?: string;
  requests: number;
  input: number;
  cacheRead: number;
  cacheWrite: number;
  output: number;
  reasoning: number;
  cost: number | null;
}

async function analyze(args: string[], env: Record<string, string> = {}) {
  const r = await runCli(['analyze', ...args, '--json'], { env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const tokens = (g: Group): Tokens => [
  g.requests,
  g.input,
  g.cacheRead,
  g.cacheWrite,
  g.output,
  g.reasoning,
];
const byKey = (groups: Group[], key: 'model' | 'day') =>
  Object.fromEntries(groups.map((g) => [g[key], tokens(g)]));
const dayTokens = (days: { day: string; tokens: number }[]) =>
  Object.fromEntries(days.map((d) => [d.day, d.tokens]));

// Exact totals per model and per day for every dialect's fixture (fixtures/logs/).
const CASES: [string, string[], Record<string, Tokens>, Record<string, number>][] = [
  [
    'openai-chat',
    ['fixtures/logs/openai-chat.jsonl'],
    {
      'gpt-4o': [2, 393, 1024, 0, 146, 0],
      'gpt-4o-mini': [1, 500, 0, 0, 200, 0],
      'o4-mini': [1, 2000, 0, 0, 1500, 1200],
    },
    { '2025-10-01': 1163 + 700, '2025-10-02': 3500 + 400 },
  ],
  [
    'openai-responses',
    ['fixtures/logs/openai-responses.jsonl'],
    { 'gpt-5': [1, 400, 600, 0, 800, 500], 'gpt-5-mini': [2, 100, 0, 0, 103, 0] },
    { '2025-10-01': 1800, '2025-10-02': 203 },
  ],
  [
    'openai-batch',
    ['fixtures/logs/openai-batch.jsonl'],
    { 'gpt-4o-mini': [2, 1024, 0, 0, 515, 0] },
    { '2025-10-01': 1539 },
  ],
  [
    'openai-batch-job',
    ['fixtures/logs/openai-batch-job.jsonl'],
    { 'gpt-5-nano': [2, 6492, 6272, 0, 128, 128], 'gpt-4.1-mini': [98, 3920000, 0, 0, 49000, 0] },
    { '2025-10-01': 12892, '2025-10-02': 3969000 },
  ],
  [
    'openai-usage-api',
    ['fixtures/logs/openai-usage-api.json'],
    { 'gpt-4.1': [7, 700, 500, 100, 550, 0], 'gpt-4.1-mini': [10, 2000, 0, 0, 100, 0] },
    { '2025-10-01': 3600, '2025-10-02': 350 },
  ],
  [
    'anthropic-stream (message_start + the last message_delta; a stream cut off counts its input)',
    ['fixtures/logs/anthropic-stream.jsonl'],
    {
      'claude-sonnet-4-5': [2, 25 + 300, 2048, 1200, 15 + 1, 0],
      'claude-haiku-4-5': [1, 10682, 0, 0, 510, 0],
    },
    { unknown: 2048 + 25 + 15 + 1200 + 300 + 1 + 10682 + 510 },
  ],
  [
    'gemini stream chunks (running totals: the chunk with a finishReason counts, else the largest)',
    ['fixtures/logs/gemini-stream.jsonl'],
    { 'gemini-2.5-flash': [3, 100 + 50 + 80, 0, 0, 12 + 27 + 9, 20] },
    { unknown: 112 + 77 + 89 },
  ],
  [
    'openai-chat stream chunks (usage on every chunk: the finished one counts; Groq x_groq.usage)',
    ['fixtures/logs/openai-stream.jsonl'],
    { 'gpt-4o-mini': [1, 100, 0, 0, 3, 0], 'groq/llama-3.3-70b-versatile': [1, 40, 0, 0, 12, 0] },
    { '2025-10-01': 155 },
  ],
  [
    'claude-code-print, json (a result: the run per model, side calls included)',
    ['fixtures/logs/claude-print-result.jsonl'],
    {
      'claude-sonnet-4': [1, 4, 13521, 5290, 12, 0],
      'claude-3-5-haiku': [1, 357, 0, 0, 15, 0],
    },
    { unknown: 4 + 13521 + 5290 + 12 + 357 + 15 },
  ],
  [
    'claude-code-print, stream-json (assistant lines, and the result for models they do not name)',
    ['fixtures/logs/claude-print-stream.jsonl'],
    {
      'claude-sonnet-4': [1, 4, 13521, 5290, 12, 0],
      'claude-3-5-haiku': [1, 357, 0, 0, 15, 0],
    },
    { unknown: 4 + 13521 + 5290 + 12 + 357 + 15 },
  ],
  [
    'anthropic-messages',
    ['fixtures/logs/anthropic-messages.jsonl'],
    {
      'claude-sonnet-4-5': [2, 120, 10000, 3500, 1300, 600],
      'claude-haiku-4-5': [1, 1000, 0, 0, 100, 0],
    },
    { unknown: 16020 },
  ],
  [
    'anthropic-batch',
    ['fixtures/logs/anthropic-batch.jsonl'],
    { 'claude-haiku-4-5': [2, 3000, 0, 0, 500, 0] },
    { unknown: 3500 },
  ],
  [
    'claude-code',
    ['fixtures/logs/claude-code'],
    {
      'claude-sonnet-4-5': [2, 14, 25277, 26177, 1112, 0],
      'claude-haiku-4-5': [1, 2000, 0, 0, 150, 0],
    },
    { '2025-10-01': 26093, '2025-10-02': 28637 },
  ],
  [
    'gemini',
    ['fixtures/logs/gemini.jsonl'],
    {
      'gemini-3-flash-preview': [1, 34, 0, 0, 856, 438],
      'gemini-2.5-flash': [1, 2300, 10000, 0, 700, 200],
      'gemini-2.5-pro': [1, 250000, 0, 0, 1000, 0],
    },
    { unknown: 890, '2025-10-01': 13000, '2025-10-02': 251000 },
  ],
  [
    'bedrock',
    ['fixtures/logs/bedrock.jsonl'],
    {
      'bedrock/claude-3-5-sonnet': [1, 35, 1000, 200, 446, 0],
      'bedrock/llama3-3-70b-instruct': [1, 1000, 0, 0, 1000, 0],
      'bedrock/claude-3-haiku': [1, 400, 0, 0, 100, 0],
    },
    { '2025-10-01': 1681, '2025-10-02': 2500 },
  ],
  [
    'litellm',
    ['fixtures/logs/litellm.jsonl'],
    { 'gpt-4o': [1, 600, 400, 0, 300, 0], 'claude-sonnet-4-5': [1, 1000, 1000, 0, 100, 0] },
    { '2025-10-01': 1300, '2025-10-02': 2100 },
  ],
  [
    'langfuse',
    ['fixtures/logs/langfuse.jsonl'],
    { 'gpt-4o': [1, 800, 200, 0, 250, 0], 'claude-sonnet-4-5': [1, 100, 5000, 1000, 700, 0] },
    { '2025-10-01': 8050 },
  ],
  [
    "langfuse's CSV export (usage and cost details as JSON text in their columns)",
    ['fixtures/logs/langfuse-export.csv'],
    { 'gpt-4o': [1, 800, 200, 0, 250, 0], 'claude-sonnet-4-5': [1, 100, 5000, 1000, 700, 0] },
    { '2025-10-01': 6800, '2025-10-02': 1250 },
  ],
  [
    'openrouter',
    ['fixtures/logs/openrouter.jsonl'],
    { 'claude-3-5-sonnet': [1, 500, 0, 0, 100, 0], 'gpt-4o-mini': [1, 800, 200, 0, 200, 0] },
    { '2025-10-01': 600, '2025-10-02': 1200 },
  ],
  [
    'ollama',
    ['fixtures/logs/ollama.jsonl'],
    { 'llama3.3:70b': [2, 26, 0, 0, 249, 0] },
    { '2025-10-01': 275 },
  ],
  [
    'ai-sdk',
    ['fixtures/logs/ai-sdk.jsonl'],
    {
      'gpt-4o-mini': [1, 120, 0, 0, 30, 0],
      'gpt-4o': [1, 476, 1024, 0, 200, 0],
      'claude-sonnet-4-5': [1, 500, 2000, 500, 400, 100],
    },
    { '2025-10-01': 1850, '2025-10-02': 3400 },
  ],
  [
    'ai-sdk cache counts (before v6 Anthropic input leaves the cache out; v4 providerMetadata; camelCased Anthropic counts)',
    ['fixtures/logs/ai-sdk-cache.jsonl'],
    {
      'claude-sonnet-4-5': [2, 50 + 40, 3000 + 2000, 500 + 1000, 30 + 10, 0],
      'gpt-4o': [1, 1500 - 1024, 1024, 0, 200, 0],
      'claude-haiku-4-5': [1, 12, 6209, 100, 5, 0],
    },
    { '2026-10-01': 6630 + 1700 + 6326 },
  ],
  [
    'otel',
    ['fixtures/logs/otel.jsonl'],
    {
      'gpt-4o': [1, 900, 0, 0, 100, 0],
      // The GenAI conventions' span, and Strands' (cache beside the input: its total says so).
      'claude-sonnet-4-5': [2, 1000 + 4299, 4000 + 35574, 1000 + 17787, 500 + 631, 200],
      // OpenInference (Arize Phoenix): llm.token_count.prompt includes the cache reads and writes.
      'claude-3-5-haiku': [1, 500, 800, 200, 300, 0],
    },
    { '2025-10-01': 1000, '2025-10-02': 6500, '2025-10-03': 1800 + 58291 },
  ],
  [
    'langsmith',
    ['fixtures/logs/langsmith.jsonl'],
    {
      // The chain run's sums, the repeated run and the failed call without counts are not counted.
      'gpt-4o': [1, 200, 1000, 0, 300, 0],
      'claude-sonnet-4-5': [1, 1000, 3000, 1000, 200, 0],
      'o3-mini': [1, 800, 0, 0, 900, 640],
    },
    { '2025-10-01': 1500 + 5200, '2025-10-02': 1700 },
  ],
  [
    'anthropic-usage-api',
    ['fixtures/logs/anthropic-usage-report.json'],
    {
      // The report counts no requests; a report not grouped by model keeps its tokens apart.
      'claude-sonnet-4-5': [0, 800000, 2000000, 60000, 70000, 0],
      '(not grouped by model)': [0, 1000, 0, 0, 100, 0],
    },
    { '2025-10-01': 2930000, '2025-10-02': 1100 },
  ],
  [
    'bedrock-batch',
    ['fixtures/logs/bedrock-batch.jsonl'],
    // The failed record is skipped; Nova's output names no model (the job does).
    { 'claude-3-5-haiku': [1, 1000, 0, 0, 200, 0], '(unknown model)': [1, 400, 0, 0, 5, 0] },
    { unknown: 1605 },
  ],
  [
    'helicone',
    ['fixtures/logs/helicone.jsonl'],
    {
      // Disjoint columns; an older row's inclusive prompt (total = prompt + completion) has its cache taken
      // out. A cache hit, the row logged again and a failed call without counts are not counted.
      'gpt-4o': [1, 200, 1000, 0, 300, 0],
      'claude-sonnet-4-5': [1, 1000, 3000, 1000, 200, 0],
      'gpt-4o-mini': [1, 200, 1000, 0, 300, 0],
    },
    { '2025-10-01': 1500 + 5200, '2025-10-02': 1500 },
  ],
  [
    'portkey',
    ['fixtures/logs/portkey.jsonl'],
    {
      // The response body's usage where the line has it (cached tokens split out), else the units; the
      // cache hit and the failed request without tokens are not counted.
      'gpt-4o': [1, 200, 1000, 0, 300, 0],
      'claude-3-5-haiku': [1, 2000, 0, 0, 100, 0],
      'claude-sonnet-4-5': [1, 100, 3000, 0, 50, 0],
    },
    { '2025-10-01': 1500 + 2100, '2025-10-02': 3150 },
  ],
  [
    'LangChain usage_metadata (app-log)',
    ['fixtures/logs/langchain.jsonl'],
    { 'o3-mini': [1, 250, 100, 0, 240, 200], 'claude-3-5-haiku': [1, 200, 1000, 300, 100, 0] },
    { '2025-10-01': 590, '2025-10-02': 1600 },
  ],
  [
    'llmcost flat',
    ['fixtures/logs/llmcost-flat.jsonl'],
    {
      'gpt-4.1': [1, 1000, 4000, 0, 500, 0],
      'claude-opus-4-1': [2, 200, 0, 1500, 100, 0],
      'my-finetune-v3': [1, 5000, 0, 0, 1000, 0],
      'gpt-4.1-mini': [1, 10000, 0, 0, 2000, 0],
    },
    { '2025-10-01': 7300, '2025-10-02': 18000 },
  ],
  [
    'openai export csv',
    ['fixtures/logs/openai-export.csv'],
    { 'gpt-4o': [12, 50000, 9200, 0, 8000, 0], 'gpt-4o-mini': [4, 4000, 0, 0, 1000, 0] },
    { '2025-10-01': 72200 },
  ],
  [
    'xai (reasoning billed on top of completion_tokens)',
    ['fixtures/logs/xai.jsonl'],
    { 'grok-3-mini': [1, 22, 679, 0, 69 + 123, 123], 'grok-4': [2, 700, 400, 0, 500 + 60, 350] },
    { '2025-10-01': 893, '2025-10-02': 1500 + 160 },
  ],
  [
    'deepseek (prompt_cache_hit_tokens are cache reads)',
    ['fixtures/logs/deepseek.jsonl'],
    {
      'deepseek-chat': [2, 200 + 36, 1000 + 64, 0, 310, 0],
      'deepseek-reasoner': [1, 116, 384, 0, 800, 600],
    },
    { '2025-10-01': 2800, '2025-10-02': 110 },
  ],
  [
    'a captured stream (server-sent events: OpenAI data lines, Anthropic event/data pairs, CRLF)',
    ['fixtures/logs/sse-capture.txt'],
    { 'gpt-4o-mini': [1, 176, 1024, 0, 80, 0], 'claude-sonnet-4-5': [1, 20, 3000, 500, 250, 0] },
    { '2026-10-01': 1280, unknown: 3770 },
  ],
  [
    'otel: Pydantic AI / Logfire spans, OpenInference JSON spans (agent spans skipped)',
    ['fixtures/logs/pydantic-ai-spans.jsonl'],
    {
      'claude-sonnet-4-5': [2, 200 + 100, 4000 + 900, 1000, 300 + 50, 20],
      'gpt-4o-mini': [2, 2000 + 288, 512, 0, 100 + 100, 0],
    },
    { '2026-10-01': 6550, '2026-10-02': 3000 },
  ],
  [
    'openrouter-activity (GET /api/v1/activity: rows per day, model and endpoint)',
    ['fixtures/logs/openrouter-activity.json'],
    { 'gpt-4.1': [8, 7500, 0, 0, 1450, 0], 'claude-sonnet-4-5': [2, 3000, 0, 0, 600, 200] },
    { '2026-10-01': 6250 + 3600, '2026-10-02': 2700 },
  ],
  [
    'otel: an MLflow trace (JSON-encoded attributes; the agent span skipped; model from the request)',
    ['fixtures/logs/mlflow-trace.json'],
    { 'gpt-4o-mini': [1, 1200, 0, 0, 80, 0], 'claude-sonnet-4-5': [1, 50, 3000, 0, 30, 0] },
    { '2026-10-01': 1280 + 3080 },
  ],
  [
    'cloudflare-ai-gateway (logs API page: cache hits and failed requests without tokens skipped)',
    ['fixtures/logs/cloudflare-ai-gateway.json'],
    {
      'gpt-4o-mini': [1, 1200, 0, 0, 300, 0],
      'claude-sonnet-4-5': [1, 2000, 0, 0, 500, 0],
      // Workers AI (provider workers-ai) is priced as Cloudflare's own record.
      'cloudflare/@cf/meta/llama-3.1-8b-instruct': [1, 100, 0, 0, 50, 0],
    },
    { '2026-10-01': 1500 + 2500 + 150 },
  ],
  [
    'kong-ai-gateway (a plugin entry a request, 3.6 and 3.11 names; a semantic cache hit skipped)',
    ['fixtures/logs/kong-ai-gateway.jsonl'],
    {
      'command-r-plus': [1, 28, 0, 0, 20, 0],
      'azure/gpt-4o': [1, 176, 1024, 0, 300, 100],
      'gpt-4o-mini': [1, 89, 0, 0, 56, 0],
    },
    { '2026-10-01': 48, '2026-10-02': 1500 + 145 },
  ],
  [
    'azure-apim (ApiManagementGatewayLlmLog, portal CSV: split entries once, US times as UTC, 2/30 no day)',
    ['fixtures/logs/azure-apim-llm-log.csv'],
    // gpt-4o-2024-11-20 has no Azure copy in the catalog: OpenAI's record prices it.
    {
      'gpt-4o': [1, 1200, 0, 0, 300, 0],
      'azure/gpt-4o-mini': [3, 100 + 50 + 7, 0, 0, 20 + 10 + 3, 0],
    },
    { '2026-10-01': 1500 + 120, '2026-10-02': 60, unknown: 10 },
  ],
  [
    'otel-logs (OTLP log records: Claude Code api_request, Gemini CLI api_response; other events skipped)',
    ['fixtures/logs/otel-agent-events.jsonl'],
    {
      'claude-sonnet-4-5': [1, 12, 24000, 1500, 350, 0],
      // Gemini CLI: the prompt less its cached part, plus the tool-use prompt; thoughts billed as output.
      'gemini-2.5-pro': [1, 5000 - 3000 + 50, 3000, 0, 400 + 200, 200],
    },
    { '2026-10-01': 12 + 24000 + 1500 + 350, '2026-10-02': 2050 + 3000 + 600 },
  ],
  [
    'cohere (billed_units: v2 usage, v1 meta; the prompt template in `tokens` is not billed)',
    ['fixtures/logs/cohere.jsonl'],
    { 'command-r-plus': [1, 1000, 0, 0, 100, 0], '(unknown model)': [2, 25, 0, 0, 448, 0] },
    { '2026-10-01': 1100, unknown: 473 },
  ],
  [
    'usage logged without its model (a Bedrock Converse response, Gemini usageMetadata): kept, unpriced',
    ['fixtures/logs/no-model.jsonl'],
    { '(unknown model)': [3, 22 + 406 + 75, 0, 2492, 13 + 53 + 18, 0] },
    { unknown: 2527 + 459 + 93 },
  ],
  [
    'openai-responses without a model',
    ['fixtures/logs/openai-responses-no-model.jsonl'],
    { '(unknown model)': [2, 240, 100, 0, 55, 20], 'gpt-5-mini': [1, 100, 0, 0, 10, 0] },
    { '2025-10-01': 350, '2025-10-02': 155 },
  ],
  [
    'app-log (a provider usage object in any envelope)',
    ['fixtures/logs/app-log.jsonl'],
    {
      'gpt-4o': [1, 65, 1664, 0, 143, 0],
      'claude-sonnet-4-5': [1, 12, 3000, 500, 400, 0],
      'gemini-2.5-flash': [1, 200, 1000, 0, 150, 50],
      'gpt-5-mini': [1, 300, 200, 0, 100, 64],
      'claude-haiku-4-5': [1, 800, 0, 0, 60, 0],
    },
    { '2026-10-01': 1350 + 600 + 860, '2026-10-02': 1872 + 3912 },
  ],
  [
    'codex (rollout: last_token_usage, growth of totals, repeats skipped)',
    ['fixtures/agents/codex'],
    // gpt-5-codex resolves to the gpt-5 record; the second day's turn logged only a running total.
    { 'gpt-5': [3, 6000 + 1000, 5000 + 2000, 0, 700 + 300, 400 + 100] },
    { '2025-10-01': 11700, '2025-10-02': 3300 },
  ],
  [
    'gemini-cli (chat recording)',
    ['fixtures/agents/gemini/tmp/abc123/chats'],
    {
      'gemini-2.5-pro': [2, 5100, 20000, 0, 1000, 500],
      'gemini-2.5-flash': [1, 2000, 0, 0, 150, 50],
    },
    { '2025-10-01': 26100, '2025-10-02': 2150 },
  ],
  [
    'gemini-cli (JSONL recording: a reply appended again, metadata updates, a rewind, a subagent)',
    ['fixtures/agents/gemini-jsonl/tmp/def456/chats'],
    {
      // input less cached, plus tool-use prompt tokens; thoughts in output.
      'gemini-2.5-pro': [2, 4000 + 2050, 6000 + 9000, 0, 600 + 300, 200],
      'gemini-2.5-flash': [2, 3000 + 4000, 1000, 0, 150 + 250, 30],
    },
    { '2025-10-03': 10600 + 11350 + 5250, '2025-10-04': 3150 },
  ],
  [
    'opencode (message files)',
    ['fixtures/agents/opencode/storage/message'],
    { 'claude-sonnet-4-5': [1, 20, 15000, 2000, 500, 100], 'gpt-5': [1, 1500, 500, 0, 264, 64] },
    { '2025-10-01': 17520, '2025-10-02': 2264 },
  ],
  [
    'opencode (message files whose steps are step-finish part files: summed, steps are requests)',
    ['fixtures/agents/opencode-steps/storage/message'],
    {
      'claude-sonnet-4-5': [2, 1200 + 30, 9000, 8000, 100 + 20 + 200, 20],
      'gpt-5': [1, 100, 0, 0, 60, 10],
    },
    { '2025-10-03': 1230 + 9000 + 8000 + 320 + 100 + 60 },
  ],
  [
    '--map',
    [
      'fixtures/logs/mapped.jsonl',
      '--map',
      'model=resp.model,inputTotal=resp.usage.in,cacheRead=resp.usage.cached,output=resp.usage.out,timestamp=ts,tag.team=meta.team',
    ],
    { 'gpt-4o': [1, 1000, 500, 0, 300, 0], 'gpt-4o-mini': [1, 1000, 0, 0, 100, 0] },
    { '2025-10-01': 1800, '2025-10-02': 1100 },
  ],
];

describe.each(CASES)('analyze %s', (_name, args, models, days) => {
  it('gives exact token totals per model and per day', async () => {
    const doc = await analyze(args);
    expect(byKey(doc.groups, 'model')).toEqual(models);
    expect(dayTokens(doc.days)).toEqual(days);
  });
});

describe('dialect rules', () => {
  it('skips non-usage rows by reason and collapses duplicates', async () => {
    const chat = await analyze(['fixtures/logs/openai-chat.jsonl']);
    expect(chat.skipped).toEqual({ 'stream chunk without usage': 1 });
    expect(chat.duplicates).toEqual({ 'same response id logged again': 1 });
    const cc = await analyze(['fixtures/logs/claude-code']);
    expect(cc.skipped).toEqual({ 'user line': 2, 'synthetic API-error row': 1, 'summary line': 1 });
    expect(cc.duplicates).toEqual({
      'streaming snapshot of the same response': 1,
      'sidechain replay of a parent message': 1,
    });
    expect(cc.summary.unpriced.models).toEqual([]);
    const lite = await analyze(['fixtures/logs/litellm.jsonl']);
    expect(lite.skipped).toEqual({
      'LiteLLM response-cache hit (no provider call)': 1,
      'failed request': 1,
    });
  });

  it('prices per request at the long-context tier (cliff rule) and batch lines at batch prices', async () => {
    const g = await analyze(['fixtures/logs/gemini.jsonl']);
    expect(g.groups.find((x: Group) => x.model === 'gemini-2.5-pro').cost).toBeCloseTo(
      (250000 * 2.5 + 1000 * 15) / 1e6,
      12,
    );
    const b = await analyze(['fixtures/logs/openai-batch.jsonl']);
    expect(b.summary.cost).toBeCloseTo((1024 * 0.075 + 515 * 0.3) / 1e6, 12);
    // A Batch object's whole-job usage, at batch prices, each job's tier decided on its average request:
    // genai-prices' figure for this job (batch=True) is 0.00020358 exactly.
    const job = await analyze(['fixtures/logs/openai-batch-job.jsonl']);
    const cost = (m: string) => job.groups.find((x: Group) => x.model === m).cost;
    expect(cost('gpt-5-nano')).toBe(0.00020358);
    expect(cost('gpt-4.1-mini')).toBe(0.8232);
    // Anthropic's usage report: each row priced by its own context window and tier, never by its sum
    // (2.16M tokens in a "0-200k" row are base-priced); web searches at $10 per thousand.
    const report = await analyze(['fixtures/logs/anthropic-usage-report.json']);
    expect(report.summary.cost).toBeCloseTo(
      (100000 * 3 + 2000000 * 0.3 + 50000 * 3.75 + 10000 * 6 + 40000 * 15) / 1e6 +
        0.03 +
        (200000 * 1.5 + 20000 * 7.5) / 1e6 +
        (500000 * 6 + 10000 * 22.5) / 1e6,
      9,
    );
    // Its cost report: amounts in cents, billed lines beside token costs.
    const costs = await analyze(['fixtures/logs/anthropic-cost-report.json']);
    expect(costs.billed.total).toBeCloseTo(1.7775, 12);
    // Portkey's cost is in cents: logged as dollars.
    const pk = await analyze(['fixtures/logs/portkey.jsonl']);
    expect(pk.summary.loggedCost).toBeCloseTo((0.475 + 0.2 + 0.1965) / 100, 12);
    // Bedrock batch inference: claude-3-5-haiku at half of $0.80 / $4 per million.
    const bb = await analyze(['fixtures/logs/bedrock-batch.jsonl']);
    expect(bb.groups.find((x: Group) => x.model === 'claude-3-5-haiku').cost).toBeCloseTo(
      (1000 * 0.4 + 200 * 2) / 1e6,
      12,
    );
  });

  it('prices Anthropic 5-minute and 1-hour cache writes separately', async () => {
    const doc = await analyze([
      'fixtures/logs/anthropic-messages.jsonl',
      '--model',
      'claude-sonnet-4-5',
    ]);
    const expected = (120 * 3 + 10000 * 0.3 + 1500 * 3.75 + 2000 * 6 + 1300 * 15) / 1e6;
    expect(doc.summary.cost).toBeCloseTo(expected, 12);
    expect(doc.summary.usage.cacheWrite1h).toBe(2000);
  });

  it('uses a logged cost in auto mode and shows the calculated one beside it', async () => {
    const auto = await analyze(['fixtures/logs/litellm.jsonl']);
    expect(auto.summary.cost).toBeCloseTo(0.0041 + 0.0063, 12);
    expect(auto.summary.calculatedCost).toBeCloseTo(
      (600 * 2.5 + 400 * 1.25 + 300 * 10) / 1e6 + (1000 * 3 + 1000 * 0.3 + 100 * 15) / 1e6,
      12,
    );
    const calc = await analyze(['fixtures/logs/litellm.jsonl', '--cost-source', 'calculate']);
    expect(calc.summary.cost).toBeCloseTo(auto.summary.calculatedCost, 12);
    const log = await analyze(['fixtures/logs/llmcost-flat.jsonl', '--cost-source', 'log']);
    expect(log.summary.cost).toBeCloseTo(0.0036, 12);
  });

  it('reports unknown models as unpriced with their tokens, never as $0', async () => {
    const doc = await analyze(['fixtures/logs/llmcost-flat.jsonl']);
    const ft = doc.groups.find((g: Group) => g.model === 'my-finetune-v3');
    expect(ft.cost).toBeNull();
    expect(doc.summary.unpriced).toMatchObject({ tokens: 6000, models: ['my-finetune-v3'] });
    const t = await runCli(['analyze', 'fixtures/logs/llmcost-flat.jsonl']);
    expect(t.stdout).toContain('unpriced: 6,000 tokens');
    expect(t.stdout).toMatch(/my-finetune-v3 .*unpriced \(6,000 tok\)/);
  });

  it('prices an unknown model once --pricing adds it', async () => {
    const dir = tempDir('llmcost');
    const file = `${dir}/p.yaml`;
    (await import('node:fs')).writeFileSync(
      file,
      'models:\n  - id: my-finetune-v3\n    input: 1\n    output: 2\n',
    );
    const doc = await analyze(['fixtures/logs/llmcost-flat.jsonl', '--pricing', file]);
    expect(doc.groups.find((g: Group) => g.model === 'my-finetune-v3').cost).toBeCloseTo(
      (5000 + 2000) / 1e6,
      12,
    );
  });

  it('forces a dialect with --dialect', async () => {
    const doc = await analyze(['fixtures/logs/openai-chat.jsonl', '--dialect', 'openai-chat']);
    expect(doc.dialects).toEqual({ 'openai-chat': 6 });
    const r = await runCli(['analyze', 'fixtures/logs/openai-chat.jsonl', '--dialect', 'nope']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown dialect "nope"');
  });

  it('reads Claude Code folders from CLAUDE_CONFIG_DIR with --claude', async () => {
    const doc = await analyze(['--claude'], {
      CLAUDE_CONFIG_DIR: 'fixtures/nope,fixtures/logs/claude-code',
    });
    expect(doc.summary.records).toBe(3);
    const none = await runCli(['analyze', '--claude'], {
      env: { CLAUDE_CONFIG_DIR: 'fixtures/nope' },
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no Claude Code projects folder found');
  });
});

describe('coding agents found where they live', () => {
  const env = {
    HOME: '/nonexistent',
    CODEX_HOME: 'fixtures/agents/codex',
    GEMINI_CLI_HOME: 'fixtures/agents/gemini',
    QWEN_RUNTIME_DIR: 'fixtures/agents/qwen',
    PI_CODING_AGENT_DIR: 'fixtures/agents/pi',
    OPENCLAW_STATE_DIR: 'fixtures/agents/openclaw',
    COPILOT_OTEL_FILE_EXPORTER_PATH: 'fixtures/agents/copilot/otel/cli.jsonl',
    AMP_DATA_DIR: 'fixtures/agents/amp',
    KILO_DATA_DIR: 'fixtures/agents/kilo',
    OPENCODE_DATA_DIR: 'fixtures/agents/opencode',
    CLAUDE_CONFIG_DIR: 'fixtures/logs/claude-code',
  };

  it.each([
    ['--codex', { codex: 1 }, 3],
    ['--gemini-cli', { 'gemini-cli': 1 }, 3],
    ['--qwen-code', { 'qwen-code': 1 }, 3],
    ['--pi', { pi: 2 }, 4],
    ['--openclaw', { pi: 2 }, 3],
    ['--copilot', { otel: 5 }, 3],
    ['--amp', { amp: 1 }, 3],
    // Kilo's CLI is OpenCode's: kilo.db (fixtures/agents/kilo/make.py, the real SQLite)
    ['--kilo', { opencode: 3 }, 2],
    ['--opencode', { opencode: 3 }, 2],
  ])(
    '%s reads that agent only (OpenCode message parts are not read)',
    async (flag, dialects, records) => {
      const doc = await analyze([flag], env);
      expect(Object.keys(doc.dialects)).toEqual(Object.keys(dialects));
      expect(doc.summary.records).toBe(records);
      expect(doc.malformed).toEqual({});
    },
  );

  it('--pi reads $PI_CODING_AGENT_SESSION_DIR where it is set, over $PI_CODING_AGENT_DIR', async () => {
    const doc = await analyze(['--pi'], {
      ...env,
      PI_CODING_AGENT_DIR: 'fixtures/nope',
      PI_CODING_AGENT_SESSION_DIR: 'fixtures/agents/pi/sessions',
    });
    expect(doc.summary.records).toBe(4);
    const none = await runCli(['analyze', '--pi'], {
      env: { ...env, PI_CODING_AGENT_SESSION_DIR: 'fixtures/nope' },
    });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('PI_CODING_AGENT_SESSION_DIR');
  });

  it('--gemini-cli reads JSONL recordings: each session named by its first line, a subagent its own', async () => {
    const doc = await analyze(['--gemini-cli', '--by', 'session', '--tz', 'UTC'], {
      ...env,
      GEMINI_CLI_HOME: 'fixtures/agents/gemini-jsonl',
    });
    const sessions = doc.groups.map((g: { session: string; requests: number }) => [
      g.session,
      g.requests,
    ]);
    expect(sessions).toEqual([
      ['g0002abc-1111-4222-8333-944455556666', 3],
      ['sub00001-aaaa-4bbb-8ccc-dddddddddddd', 1],
    ]);
    expect(doc.duplicates).toEqual({ 'same response id logged again': 1 });
    expect(doc.malformed).toEqual({});
  });

  it('reads a Gemini CLI recording without its projectHash (a session line of its own fields only)', async () => {
    const head = { sessionId: 'session-a', startTime: '2026-05-17T11:07:00.000Z' };
    const message = {
      id: 'msg-1',
      timestamp: '2026-05-17T11:07:32.000Z',
      type: 'gemini',
      model: 'gemini-3-flash-preview',
      tokens: { input: 15327, output: 23, cached: 11526, thoughts: 919, tool: 7, total: 16276 },
    };
    const r = await runCli(['analyze', '-', '--by', 'session', '--json'], {
      stdin: `${JSON.stringify(head)}\n${JSON.stringify(message)}\n`,
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.dialects).toEqual({ 'gemini-cli': 2 });
    // input = (15327 - 11526 cached) + 7 tool; thoughts billed as output
    expect(doc.groups[0]).toMatchObject({
      session: 'session-a',
      input: 3808,
      cacheRead: 11526,
      output: 23 + 919,
    });
    // An app's line naming a session and a start time, with usage of its own, stays the app's.
    const app = {
      sessionId: 's',
      startTime: '2026-05-17T11:07:00Z',
      model: 'gpt-4o',
      input_tokens: 5,
    };
    const other = await runCli(['analyze', '-', '--json'], { stdin: JSON.stringify(app) });
    expect(Object.keys(JSON.parse(other.stdout).dialects)).not.toContain('gemini-cli');
  });

  it("leaves an app's own lines shaped like a Gemini CLI message (id, timestamp, type) to the app's dialect", async () => {
    // Gemini CLI's message lines are too generic to claim on their own: only after a recording's session line.
    const line = (type: string, id: string) =>
      JSON.stringify({
        id,
        timestamp: '2026-10-01T10:00:00Z',
        type,
        model: 'gpt-4o',
        input_tokens: 100,
        output_tokens: 5,
      });
    const r = await runCli(['analyze', '--json'], {
      stdin: `${line('user', 'r1')}\n${line('error', 'r2')}\n`,
    });
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.summary.records).toBe(2);
    expect(Object.keys(doc.dialects)).not.toContain('gemini-cli');
  });

  it('--agents reads every agent found, and says so when none is', async () => {
    const doc = await analyze(['--agents'], env);
    expect(Object.keys(doc.dialects).sort()).toEqual([
      'amp',
      'claude-code',
      'codex',
      'gemini-cli',
      'opencode',
      'otel',
      'pi',
      'qwen-code',
    ]);
    expect(doc.summary.records).toBe(3 + 3 + 3 + 3 + 4 + 3 + 3 + 3 + 2 + 2);
    const none = await runCli(['analyze', '--agents'], { env: { HOME: '/nonexistent' } });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no coding-agent logs found');
    const codex = await runCli(['analyze', '--codex'], { env: { HOME: '/nonexistent' } });
    expect(codex.stderr).toContain('no Codex CLI sessions folder found');
  });

  it('--opencode reads every data folder named, a release channel database, and messages without their role', async () => {
    // fixtures/agents/opencode-channels/make.py: opencode-beta.db (the smallest message table) and a
    // message file, both without `role`, as tools that copy OpenCode's messages write them.
    const doc = await analyze(['--opencode', '--by', 'session,model'], {
      ...env,
      OPENCODE_DATA_DIR: 'fixtures/nope, fixtures/agents/opencode-channels',
    });
    expect(doc.malformed).toEqual({});
    expect(
      groupRows(doc, ['session', 'model', 'input', 'cacheRead', 'cacheWrite', 'output', 'cost']),
    ).toEqual([
      ['sqlite-session', 'claude-sonnet-4-5', 11, 4, 3, 22, 0.33],
      ['json-session', 'gpt-5', 7, 0, 0, 8, 0.09],
    ]);
  });

  it("--amp reads Amp's threads: a request per usage-ledger event, its cache counts from the message it produced", async () => {
    const doc = await analyze(['--amp', '--by', 'model', '--tz', 'UTC'], env);
    expect(doc.malformed).toEqual({});
    expect(
      groupRows(doc, ['model', 'requests', 'input', 'cacheRead', 'cacheWrite', 'output']),
    ).toEqual([
      ['claude-sonnet-4-5', 2, 12 + 40, 18000 + 24200, 6200 + 1500, 480 + 900],
      // the title request names no message: no cache counts
      ['claude-haiku-4-5', 1, 800, 0, 0, 20],
    ]);
    // Credits are Amp's unit, not dollars: the cost is calculated ($3 / $0.30 / $3.75 / $15 per 1M).
    expect(doc.groups[0].cost).toBeCloseTo(
      (52 * 3 + 42200 * 0.3 + 7700 * 3.75 + 1380 * 15) / 1e6,
      12,
    );
    const broken = await runCli(['analyze', '-', '--json'], {
      stdin: JSON.stringify({
        id: 'T-2',
        usageLedger: { events: [{ model: 'gpt-5', credits: 1 }] },
      }),
    });
    expect(JSON.parse(broken.stdout).malformed).toEqual({
      'missing field: usageLedger.events[].tokens': 1,
    });
  });

  it('finds the agents under USERPROFILE where HOME is not set (Windows)', async () => {
    const doc = await analyze(['--cline', '--by', 'model'], {
      USERPROFILE: 'fixtures/agents/cline-home',
    });
    expect(doc.summary.records).toBe(4);
  });

  it("--cline reads Cline's and Roo Code's tasks in each editor's storage: the model from the task's metadata", async () => {
    // fixtures/agents/cline-home: a Cline task in VS Code (a switch to OpenRouter's gpt-5 mid-task) and a Roo
    // Code task in Cursor; each task's conversation file beside its messages is not read.
    const doc = await analyze(['--cline', '--by', 'model', '--tz', 'UTC'], {
      HOME: 'fixtures/agents/cline-home',
    });
    expect(doc.malformed).toEqual({});
    expect(doc.skipped['Cline request cancelled before its usage']).toBe(1);
    expect(
      groupRows(doc, ['model', 'requests', 'input', 'cacheRead', 'cacheWrite', 'output', 'cost']),
    ).toEqual([
      // Anthropic's tokensIn leaves the cache out
      ['claude-sonnet-4-5', 2, 12 + 5, 8000, 8000 + 500, 400 + 300, 0.036036 + 0.00879],
      // OpenRouter is OpenAI-style: its tokensIn holds the 6,000 cached
      ['gpt-5', 1, 9000 - 6000, 6000, 0, 700, 0.0115],
      // Roo Code writes the protocol: "openai"
      ['gemini-2.5-pro', 1, 3000 - 2000, 2000, 0, 100, 0.0025],
    ]);
    // A task folder named whole: its conversation and metadata files are skipped unread, by reason.
    const folder = await analyze(['fixtures/agents/cline-home/.config', '--by', 'model']);
    expect(folder.summary).toEqual(doc.summary);
    expect(folder.skipped['Cline task file without usage']).toBe(3);
    const bySession = await analyze(['--cline', '--by', 'session'], {
      HOME: 'fixtures/agents/cline-home',
    });
    expect(groupRows(bySession, ['session', 'requests'])).toEqual([
      ['1795600000000', 3],
      ['5b2c9e4a-1d3f-4e8a-9c7b-2f1e0d9c8b7a', 1],
    ]);
  });

  it("--qwen-code reads Qwen Code's chats: Gemini-shaped usage, thoughts inside an OpenAI-shaped total, exact totals", async () => {
    const doc = await analyze(['--qwen-code', '--by', 'model', '--tz', 'UTC'], env);
    expect(doc.malformed).toEqual({});
    expect(doc.skipped).toEqual({ 'system line': 1, 'user line': 1, 'tool_result line': 1 });
    expect(doc.duplicates).toEqual({ 'same response id logged again': 1 });
    expect(
      groupRows(doc, ['model', 'requests', 'input', 'cacheRead', 'output', 'reasoning']),
    ).toEqual([
      // gemini-2.5-pro: total 5300 = 5000 + 200 + 100, the thoughts beside the candidates
      ['gemini-2.5-pro', 1, 5000, 0, 300, 100],
      // qwen3-coder-plus (converted from OpenAI's shape: total = prompt + candidates), and its subagent
      ['qwen3-coder-plus', 2, 3000 + 3000, 9000, 800 + 100, 300],
    ]);
    const byProject = await analyze(['--qwen-code', '--by', 'session,project'], env);
    expect(byProject.groups[0]).toMatchObject({
      session: '7c1e5a2b-3d4f-4a6b-8c9d-0e1f2a3b4c5d',
      project: '/work/shop',
      requests: 3,
    });
  });

  it("--pi reads pi's sessions: buckets as pi keeps them, a branch's copied message once, exact totals", async () => {
    const doc = await analyze(['--pi', '--by', 'model', '--tz', 'UTC'], env);
    expect(doc.malformed).toEqual({});
    expect(doc.skipped).toEqual({
      'pi session start': 2,
      'pi user message': 2,
      'pi toolResult message': 1,
      'pi model_change entry': 2,
      'pi compaction entry': 1,
      'pi failed request without tokens': 1,
    });
    // The branched session copies its parent's first Sonnet response.
    expect(doc.duplicates).toEqual({ 'same response id logged again': 1 });
    expect(
      groupRows(doc, ['model', 'requests', 'input', 'cacheRead', 'cacheWrite', 'output', 'cost']),
    ).toEqual([
      ['claude-sonnet-4-5', 2, 12 + 20, 8000 + 10000, 2000, 300 + 100, 0.014436 + 0.00456],
      // pi's early Gemini reader: totalTokens = input + output, so the 1,000 cached were inside the input
      ['gemini-2.5-pro', 1, 5000 - 1000, 1000, 0, 400, 0.010375],
      ['gpt-5', 1, 1500, 3000, 0, 700, 0.00925],
    ]);
    expect(doc.summary.calculatedCost).toBeCloseTo(
      0.014436 + 0.00456 + (4000 * 1.25 + 1000 * 0.125 + 400 * 10) / 1e6 + 0.00925,
      12,
    );
    const bySession = await analyze(['--pi', '--by', 'session,project'], env);
    expect(bySession.groups.map((g: Record<string, unknown>) => [g.project, g.requests])).toEqual([
      ['/work/api', 3],
      ['/work/web', 1],
    ]);
  });

  it("--openclaw reads OpenClaw's pi-format sessions: the model from its snapshot entry, archived sessions too", async () => {
    const doc = await analyze(['--openclaw', '--by', 'model', '--tz', 'UTC'], env);
    expect(doc.malformed).toEqual({});
    expect(groupRows(doc, ['model', 'input', 'cacheRead', 'cacheWrite', 'output', 'cost'])).toEqual(
      [
        ['claude-opus-4-5', 40, 20000, 4000, 900, 0.0577],
        // from <id>.jsonl.deleted.<time>: a deleted session's spend is spend
        ['claude-sonnet-4-5', 100, 0, 1000, 200, 0.00705],
        // no model on the message: the custom model-snapshot entry before it names gpt-5.2 (via openai-codex)
        ['gpt-5.2', 1660, 108928, 0, 55, 0],
      ],
    );
    expect(doc.groups[2].calculatedCost).toBeCloseTo(
      (1660 * 1.75 + 108928 * 0.175 + 55 * 14) / 1e6,
      12,
    );
  });

  it('reads an OpenClaw session that starts with its model choice (no header, no times on it)', async () => {
    const lines = [
      { type: 'model_change', provider: 'openai-codex', modelId: 'gpt-5.2' },
      {
        type: 'message',
        message: {
          role: 'assistant',
          usage: { input: 1660, output: 55, cacheRead: 108928, cost: { total: 0.02 } },
          timestamp: 1769753935279,
        },
      },
    ];
    const r = await runCli(['analyze', '-', '--json'], {
      stdin: lines.map((l) => JSON.stringify(l)).join('\n'),
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.malformed).toEqual({});
    expect(doc.groups).toEqual([
      expect.objectContaining({ model: 'gpt-5.2', input: 1660, cacheRead: 108928, output: 55 }),
    ]);
  });

  it('keeps two alike pi requests that carry no time (nothing tells them apart as copies)', async () => {
    const line = JSON.stringify({
      type: 'message',
      message: { role: 'assistant', model: 'gpt-5', usage: { input: 5, output: 7, cacheRead: 0 } },
    });
    const r = await runCli(['analyze', '-', '--json'], { stdin: `${line}\n${line}\n` });
    expect(JSON.parse(r.stdout).summary.requests).toBe(2);
  });

  it('counts a pi assistant message whose usage changed shape as malformed, never as zeros', async () => {
    const header = { type: 'session', id: 's', timestamp: '2026-11-20T09:00:00Z', cwd: '/w' };
    const changed = {
      type: 'message',
      timestamp: '2026-11-20T09:00:01Z',
      message: { role: 'assistant', model: 'gpt-5', usage: { tokensIn: 5, tokensOut: 7 } },
    };
    const r = await runCli(['analyze', '-', '--json'], {
      stdin: `${JSON.stringify(header)}\n${JSON.stringify(changed)}\n`,
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.malformed).toEqual({ 'missing field: message.usage.input': 1 });
    expect(doc.summary.records).toBe(0);
  });

  it('counts a Codex turn once however often its token_count is written, and tags session and project', async () => {
    const doc = await analyze(['fixtures/agents/codex', '--by', 'session,project']);
    expect(doc.skipped['Codex repeated token count']).toBe(1);
    expect(doc.groups).toHaveLength(1);
    expect(doc.groups[0]).toMatchObject({
      session: '019a0000-0000-7000-8000-000000000001',
      project: '/home/dev/app',
      requests: 3,
    });
  });

  it("uses OpenCode's logged cost in auto mode", async () => {
    const doc = await analyze(['fixtures/agents/opencode/storage/message']);
    expect(doc.summary.loggedCost).toBeCloseTo(0.0163, 12);
    expect(doc.summary.cost).toBeCloseTo(0.0163, 12);
  });
});
