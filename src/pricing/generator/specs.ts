import type { Tokenizer } from '../../core/types.js';

/**
 * The curated list of models the bundled catalog carries, and where each price comes from.
 * g: genai-prices [provider, model id] (preferred, newer); l: LiteLLM key (batch prices, max output, or
 * the price itself when `from: 'litellm'` because genai-prices is stale for that model, see reference.md §4).
 */
export interface ModelSpec {
  id: string;
  provider: string;
  creator: string;
  tokenizer: Tokenizer;
  g?: [string, string];
  l?: string;
  from?: 'litellm';
  aliases?: string[];
  name?: string;
  note?: string;
}

type Row = [id: string, g: string | null, l: string | null, extra?: Partial<ModelSpec>];

function family(
  provider: string,
  creator: string,
  gProvider: string,
  tokenizer: Tokenizer,
  rows: Row[],
): ModelSpec[] {
  return rows.map(([id, g, l, extra]) => ({
    id,
    provider,
    creator,
    tokenizer,
    ...(g ? { g: [gProvider, g] as [string, string] } : {}),
    ...(l ? { l } : {}),
    ...extra,
  }));
}

const cl100k: Partial<ModelSpec> = { tokenizer: 'cl100k_base' };

export const SPECS: ModelSpec[] = [
  ...family('openai', 'openai', 'openai', 'o200k_base', [
    ['gpt-3.5-turbo', 'gpt-3.5-turbo', 'gpt-3.5-turbo', { ...cl100k, aliases: ['gpt-35-turbo'] }],
    ['gpt-4', 'gpt-4', 'gpt-4', cl100k],
    ['gpt-4-turbo', 'gpt-4-turbo', 'gpt-4-turbo', cl100k],
    ['gpt-4o', 'gpt-4o', 'gpt-4o'],
    // The first GPT-4o snapshot kept its launch price: without its own record it would resolve to gpt-4o.
    ['gpt-4o-2024-05-13', 'gpt-4o-2024-05-13', 'gpt-4o-2024-05-13'],
    ['gpt-4o-mini', 'gpt-4o-mini', 'gpt-4o-mini'],
    ['gpt-4.1', 'gpt-4.1', 'gpt-4.1'],
    ['gpt-4.1-mini', 'gpt-4.1-mini', 'gpt-4.1-mini'],
    ['gpt-4.1-nano', 'gpt-4.1-nano', 'gpt-4.1-nano'],
    ['o1', 'o1', 'o1'],
    ['o1-mini', 'o1-mini', 'o1-mini'],
    ['o3', 'o3', 'o3'],
    ['o3-mini', 'o3-mini', 'o3-mini'],
    ['o3-pro', 'o3-pro', 'o3-pro'],
    ['o4-mini', 'o4-mini', 'o4-mini'],
    ['gpt-5', 'gpt-5', 'gpt-5'],
    ['gpt-5-mini', 'gpt-5-mini', 'gpt-5-mini'],
    ['gpt-5-nano', 'gpt-5-nano', 'gpt-5-nano'],
    ['gpt-5-pro', 'gpt-5-pro', 'gpt-5-pro'],
    ['gpt-5.1', 'gpt-5.1', 'gpt-5.1'],
    ['gpt-5.2', 'gpt-5.2', 'gpt-5.2'],
    ['gpt-5.3', 'gpt-5.3', 'gpt-5.3-chat-latest'],
    ['gpt-5.4', 'gpt-5.4', 'gpt-5.4'],
    ['gpt-5.4-mini', 'gpt-5.4-mini', 'gpt-5.4-mini'],
    ['gpt-5.4-nano', 'gpt-5.4-nano', 'gpt-5.4-nano'],
    ['gpt-5.4-pro', 'gpt-5.4-pro', 'gpt-5.4-pro'],
    ['gpt-5.5', 'gpt-5.5', 'gpt-5.5'],
    ['gpt-5.5-pro', 'gpt-5.5-pro', 'gpt-5.5-pro'],
    [
      'gpt-5.6-sol',
      'gpt-5.6-sol',
      'gpt-5.6-sol',
      { note: 'genai-prices: $5/$30 until 2026-08-21, then $4/$20 (LiteLLM predates the cut).' },
    ],
    ['gpt-5.6-terra', 'gpt-5.6-terra', 'gpt-5.6-terra'],
    ['gpt-5.6-luna', 'gpt-5.6-luna', 'gpt-5.6-luna'],
    ['gpt-6-sol', 'gpt-6-sol', null],
    ['gpt-6-luna', 'gpt-6-luna', null],
    ['gpt-6-astra', 'gpt-6-astra', null],
  ]),
  ...family('azure', 'openai', 'azure', 'o200k_base', [
    ['azure/gpt-4o', null, 'azure/gpt-4o', { from: 'litellm', aliases: ['gpt-4o'] }],
    ['azure/gpt-4o-mini', null, 'azure/gpt-4o-mini', { from: 'litellm', aliases: ['gpt-4o-mini'] }],
    ['azure/gpt-4.1', null, 'azure/gpt-4.1', { from: 'litellm', aliases: ['gpt-4.1'] }],
    [
      'azure/gpt-4.1-mini',
      null,
      'azure/gpt-4.1-mini',
      { from: 'litellm', aliases: ['gpt-4.1-mini'] },
    ],
    ['azure/o3', 'o3-2025-04-16', null, { aliases: ['o3'] }],
    ['azure/o4-mini', 'o4-mini', null, { aliases: ['o4-mini'] }],
    ['azure/gpt-5', null, 'azure/gpt-5', { from: 'litellm', aliases: ['gpt-5'] }],
    ['azure/gpt-5-mini', null, 'azure/gpt-5-mini', { from: 'litellm', aliases: ['gpt-5-mini'] }],
  ]),
  ...family('anthropic', 'anthropic', 'anthropic', 'claude', [
    ['claude-3-haiku', 'claude-3-haiku', 'claude-3-haiku-20240307'],
    ['claude-3-opus', 'claude-3-opus-latest', 'claude-3-opus-20240229'],
    ['claude-3-5-haiku', 'claude-3-5-haiku-latest', null],
    ['claude-3-5-sonnet', 'claude-3-5-sonnet', null],
    ['claude-3-7-sonnet', 'claude-3-7-sonnet-latest', 'claude-3-7-sonnet-20250219'],
    [
      'claude-sonnet-4',
      'claude-sonnet-4-0',
      'claude-sonnet-4-20250514',
      { aliases: ['claude-4-sonnet', 'claude-sonnet-4-0'] },
    ],
    [
      'claude-opus-4',
      'claude-opus-4-0',
      'claude-opus-4-20250514',
      { aliases: ['claude-4-opus', 'claude-opus-4-0'] },
    ],
    ['claude-opus-4-1', 'claude-opus-4-1', 'claude-opus-4-1'],
    ['claude-sonnet-4-5', 'claude-sonnet-4-5', 'claude-sonnet-4-5'],
    ['claude-haiku-4-5', 'claude-haiku-4-5', 'claude-haiku-4-5'],
    ['claude-opus-4-5', 'claude-opus-4-5', 'claude-opus-4-5'],
    ['claude-opus-4-6', 'claude-opus-4-6', 'claude-opus-4-6'],
    ['claude-sonnet-4-6', 'claude-sonnet-4-6', 'claude-sonnet-4-6'],
    ['claude-opus-4-7', 'claude-opus-4-7', 'claude-opus-4-7'],
    ['claude-opus-4-8', 'claude-opus-4-8', 'claude-opus-4-8'],
    ['claude-sonnet-5', 'claude-sonnet-5', 'claude-sonnet-5'],
    ['claude-opus-5', 'claude-opus-5', 'claude-opus-5'],
    ['claude-opus-5-5', 'claude-opus-5-5', null],
    ['claude-fable-5', 'claude-fable-5', 'claude-fable-5'],
    ['claude-fable-5-1', 'claude-fable-5-1', null],
  ]),
  ...family('bedrock', 'anthropic', 'aws', 'claude', [
    [
      'bedrock/claude-3-haiku',
      'regional.anthropic.claude-3-haiku-20240307-v1:0',
      'anthropic.claude-3-haiku-20240307-v1:0',
      { aliases: ['claude-3-haiku'] },
    ],
    [
      'bedrock/claude-3-5-haiku',
      'regional.anthropic.claude-3-5-haiku-20241022-v1:0',
      'anthropic.claude-3-5-haiku-20241022-v1:0',
      { aliases: ['claude-3-5-haiku'] },
    ],
    [
      'bedrock/claude-3-5-sonnet',
      'regional.anthropic.claude-3-5-sonnet-20241022-v2:0',
      null,
      { aliases: ['claude-3-5-sonnet'] },
    ],
    [
      'bedrock/claude-3-7-sonnet',
      'regional.anthropic.claude-3-7-sonnet-20250219-v1:0',
      'anthropic.claude-3-7-sonnet-20250219-v1:0',
      { aliases: ['claude-3-7-sonnet'] },
    ],
    [
      'bedrock/claude-sonnet-4',
      'regional.anthropic.claude-sonnet-4-20250514-v1:0',
      'anthropic.claude-sonnet-4-20250514-v1:0',
      { aliases: ['claude-sonnet-4'] },
    ],
    [
      'bedrock/claude-opus-4-1',
      'regional.anthropic.claude-opus-4-1-20250805-v1:0',
      'anthropic.claude-opus-4-1-20250805-v1:0',
      { aliases: ['claude-opus-4-1'] },
    ],
    [
      'bedrock/claude-sonnet-4-5',
      'regional.anthropic.claude-sonnet-4-5-20250929-v1:0',
      'anthropic.claude-sonnet-4-5-20250929-v1:0',
      { aliases: ['claude-sonnet-4-5'] },
    ],
    [
      'bedrock/claude-haiku-4-5',
      'regional.anthropic.claude-haiku-4-5-20251001-v1:0',
      'anthropic.claude-haiku-4-5-20251001-v1:0',
      { aliases: ['claude-haiku-4-5'] },
    ],
    [
      'bedrock/claude-sonnet-4-6',
      'regional.anthropic.claude-sonnet-4-6-v1:0',
      'anthropic.claude-sonnet-4-6',
      { aliases: ['claude-sonnet-4-6'] },
    ],
    [
      'bedrock/claude-opus-4-7',
      'regional.anthropic.claude-opus-4-7-v1:0',
      'anthropic.claude-opus-4-7',
      { aliases: ['claude-opus-4-7'] },
    ],
    [
      'bedrock/claude-sonnet-5',
      'regional.anthropic.claude-sonnet-5-v1:0',
      'anthropic.claude-sonnet-5',
      { aliases: ['claude-sonnet-5'] },
    ],
  ]),
  ...family('bedrock-global', 'anthropic', 'aws', 'claude', [
    [
      'bedrock-global/claude-sonnet-4-5',
      'global.anthropic.claude-sonnet-4-5-20250929-v1:0',
      null,
      { aliases: ['claude-sonnet-4-5'] },
    ],
    [
      'bedrock-global/claude-haiku-4-5',
      'global.anthropic.claude-haiku-4-5-20251001-v1:0',
      null,
      { aliases: ['claude-haiku-4-5'] },
    ],
    [
      'bedrock-global/claude-sonnet-4-6',
      'global.anthropic.claude-sonnet-4-6-v1:0',
      null,
      { aliases: ['claude-sonnet-4-6'] },
    ],
    [
      'bedrock-global/claude-opus-4-7',
      'global.anthropic.claude-opus-4-7-v1:0',
      null,
      { aliases: ['claude-opus-4-7'] },
    ],
  ]),
  ...family('bedrock', 'meta', 'aws', 'llama', [
    [
      'bedrock/llama3-1-8b-instruct',
      'meta.llama3-1-8b-instruct-v1:0',
      null,
      { aliases: ['llama3-1-8b-instruct'] },
    ],
    [
      'bedrock/llama3-1-70b-instruct',
      'meta.llama3-1-70b-instruct-v1:0',
      null,
      {
        aliases: ['llama3-1-70b-instruct'],
        note: 'LiteLLM has $0.99/$0.99; genai-prices $0.72, the same as Llama 3.3 70B (reference.md §4C).',
      },
    ],
    [
      'bedrock/llama3-3-70b-instruct',
      'meta.llama3-3-70b-instruct-v1:0',
      null,
      { aliases: ['llama3-3-70b-instruct'] },
    ],
    [
      'bedrock/llama4-maverick-17b-instruct',
      'meta.llama4-maverick-17b-instruct-v1:0',
      null,
      { aliases: ['llama4-maverick-17b-instruct'] },
    ],
    [
      'bedrock/llama4-scout-17b-instruct',
      'meta.llama4-scout-17b-instruct-v1:0',
      null,
      { aliases: ['llama4-scout-17b-instruct'] },
    ],
  ]),
  ...family('vertex', 'anthropic', 'google', 'claude', [
    ['vertex/claude-3-5-sonnet', 'claude-3-5-sonnet', null, { aliases: ['claude-3-5-sonnet'] }],
    ['vertex/claude-3-7-sonnet', 'claude-3-7-sonnet', null, { aliases: ['claude-3-7-sonnet'] }],
    ['vertex/claude-sonnet-4', 'claude-4-sonnet', null, { aliases: ['claude-sonnet-4'] }],
    [
      'vertex/claude-sonnet-4-5',
      'claude-sonnet-4-5',
      'vertex_ai/claude-sonnet-4-5',
      { aliases: ['claude-sonnet-4-5'] },
    ],
    ['vertex/claude-sonnet-4-6', 'claude-sonnet-4-6', null, { aliases: ['claude-sonnet-4-6'] }],
    ['vertex/claude-opus-4-7', 'claude-opus-4-7', null, { aliases: ['claude-opus-4-7'] }],
    ['vertex/claude-opus-5', 'claude-opus-5', null, { aliases: ['claude-opus-5'] }],
  ]),
  ...family('google', 'google', 'google', 'gemini', [
    ['gemini-1.5-pro', 'gemini-1.5-pro', null],
    ['gemini-1.5-flash', 'gemini-1.5-flash', null],
    ['gemini-2.0-flash', 'gemini-2.0-flash', 'gemini/gemini-2.0-flash'],
    ['gemini-2.0-flash-lite', 'gemini-2.0-flash-lite', 'gemini/gemini-2.0-flash-lite'],
    ['gemini-2.5-pro', 'gemini-2.5-pro', 'gemini/gemini-2.5-pro'],
    ['gemini-2.5-flash', 'gemini-2.5-flash', 'gemini/gemini-2.5-flash'],
    ['gemini-2.5-flash-lite', 'gemini-2.5-flash-lite', 'gemini/gemini-2.5-flash-lite'],
    ['gemini-3-pro-preview', 'gemini-3-pro-preview', 'gemini/gemini-3-pro-preview'],
    ['gemini-3.1-pro-preview', 'gemini-3.1-pro-preview', 'gemini/gemini-3.1-pro-preview'],
    ['gemini-3-flash-preview', 'gemini-3-flash-preview', 'gemini/gemini-3-flash-preview'],
    ['gemini-3.1-flash-lite', 'gemini-3.1-flash-lite', 'gemini/gemini-3.1-flash-lite'],
    ['gemini-3.5-flash', 'gemini-3.5-flash', 'gemini/gemini-3.5-flash'],
    ['gemini-3.5-flash-lite', 'gemini-3.5-flash-lite', 'gemini/gemini-3.5-flash-lite'],
    [
      'gemini-3.6-flash',
      'gemini-3.6-flash',
      'gemini/gemini-3.6-flash',
      {
        note: 'Unresolved (reference.md §4E): genai-prices has an introductory $0.75/$3.75 until 2026-12-31; LiteLLM only $1.50/$7.50. Catalog follows genai-prices with the dated step.',
      },
    ],
    ['gemini-3.7-flash', 'gemini-3.7-flash', null],
    ['gemini-3.8-flash', 'gemini-3.8-flash', null],
  ]),
  ...family('mistral', 'mistral', 'mistral', 'mistral', [
    [
      'mistral-large-2512',
      'mistral-large-2512',
      'mistral/mistral-large-2512',
      {
        aliases: ['mistral-large-latest', 'mistral-large-3'],
        note: 'mistral-large-latest points to Large 3 (2512), as LiteLLM maps it; genai-prices still maps -latest to Large 2.',
      },
    ],
    [
      'mistral-large-2411',
      'mistral-large',
      'mistral/mistral-large-2411',
      { aliases: ['mistral-large-2407', 'mistral-large'] },
    ],
    [
      'mistral-medium-3-5',
      'mistral-medium-3-5',
      'mistral/mistral-medium-3-5',
      { aliases: ['mistral-medium-latest', 'mistral-medium-3.5'] },
    ],
    [
      'mistral-medium-3-1',
      'mistral-medium-3-1',
      null,
      { aliases: ['mistral-medium-2508', 'mistral-medium-2505'] },
    ],
    [
      'mistral-small-2603',
      'mistral-small-2603',
      null,
      {
        aliases: ['mistral-small-latest'],
        note: 'mistral-small-latest: genai-prices $0.10/$0.30 (checked 2025-07-04) and LiteLLM $0.06/$0.18 disagree; the newest Small (2603) is used.',
      },
    ],
    [
      'codestral-2508',
      'codestral-2508',
      'mistral/codestral-2508',
      { aliases: ['codestral-latest'] },
    ],
    ['devstral-2512', 'devstral-2512', null, { aliases: ['devstral-latest'] }],
    ['ministral-8b-2512', 'ministral-8b-2512', null],
    ['magistral-medium', 'magistral-medium', null, { aliases: ['magistral-medium-latest'] }],
  ]),
  ...family('deepseek', 'deepseek', 'deepseek', 'deepseek', [
    [
      'deepseek-chat',
      null,
      'deepseek/deepseek-chat',
      {
        from: 'litellm',
        note: 'genai-prices still has 2025 V3 prices (checked 2025-07-12); LiteLLM has the unified V3.2 rate (reference.md §4B).',
      },
    ],
    [
      'deepseek-reasoner',
      null,
      'deepseek/deepseek-reasoner',
      {
        from: 'litellm',
        note: 'genai-prices still has 2025 R1 prices; LiteLLM has the unified V3.2 rate (reference.md §4B).',
      },
    ],
    ['deepseek-v4-flash', 'deepseek-v4-flash', 'deepseek/deepseek-v4-flash'],
    ['deepseek-v4-pro', 'deepseek-v4-pro', 'deepseek/deepseek-v4-pro'],
  ]),
  ...family('xai', 'xai', 'x-ai', 'grok', [
    ['grok-3', 'grok-3', 'xai/grok-3'],
    ['grok-3-mini', 'grok-3-mini', 'xai/grok-3-mini'],
    ['grok-4', 'grok-4-0709', 'xai/grok-4-0709', { aliases: ['grok-4-0709', 'grok-4-latest'] }],
    [
      'grok-4-fast-reasoning',
      'grok-4-fast-reasoning',
      'xai/grok-4-fast-reasoning',
      { aliases: ['grok-4-fast'] },
    ],
    [
      'grok-4-1-fast-reasoning',
      'grok-4-1-fast-reasoning',
      'xai/grok-4-1-fast-reasoning',
      { aliases: ['grok-4-1-fast', 'grok-4.1-fast'] },
    ],
    [
      'grok-4.20',
      'grok-4.20',
      null,
      {
        note: 'Unresolved (reference.md §4E): genai-prices $1.25/$2.50; LiteLLM $2/$6 under dated snapshot keys.',
      },
    ],
    ['grok-4.3', 'grok-4.3', 'xai/grok-4.3'],
    [
      'grok-4.5',
      'grok-4.5',
      'xai/grok-4.5',
      { note: 'Cache read $0.30 per genai-prices; LiteLLM $0.50 is Grok 4.6’s rate.' },
    ],
    ['grok-4.6', 'grok-4.6', null],
    ['grok-code-fast-1', 'grok-code-fast-1', 'xai/grok-code-fast-1'],
  ]),
  ...family('together', 'meta', 'together', 'llama', [
    [
      'together/llama-3.1-8b-instruct-turbo',
      'meta-llama/Meta-Llama-3.1-8B-Instruct-Turbo',
      null,
      { aliases: ['meta-llama/meta-llama-3.1-8b-instruct-turbo'] },
    ],
    [
      'together/llama-3.1-70b-instruct-turbo',
      'meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
      'together_ai/meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo',
      { aliases: ['meta-llama/meta-llama-3.1-70b-instruct-turbo'] },
    ],
    [
      'together/llama-3.1-405b-instruct-turbo',
      'meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
      'together_ai/meta-llama/Meta-Llama-3.1-405B-Instruct-Turbo',
      { aliases: ['meta-llama/meta-llama-3.1-405b-instruct-turbo'] },
    ],
    [
      'together/llama-3.3-70b-instruct-turbo',
      'meta-llama/Llama-3.3-70B-Instruct-Turbo',
      'together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo',
      {
        aliases: [
          'meta-llama/llama-3.3-70b-instruct-turbo',
          'meta-llama/meta-llama-3.3-70b-instruct-turbo',
        ],
      },
    ],
    [
      'together/llama-4-maverick',
      'meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8',
      'together_ai/meta-llama/Llama-4-Maverick-17B-128E-Instruct-FP8',
      { aliases: ['meta-llama/llama-4-maverick-17b-128e-instruct-fp8'] },
    ],
    [
      'together/llama-4-scout',
      'meta-llama/Llama-4-Scout-17B-16E-Instruct',
      null,
      { aliases: ['meta-llama/llama-4-scout-17b-16e-instruct'] },
    ],
  ]),
  ...family('groq', 'meta', 'groq', 'llama', [
    [
      'groq/llama-3.1-8b-instant',
      'llama-3.1-8b-instant',
      'groq/llama-3.1-8b-instant',
      { aliases: ['llama-3.1-8b-instant'] },
    ],
    [
      'groq/llama-3.3-70b-versatile',
      'llama-3.3-70b-versatile',
      'groq/llama-3.3-70b-versatile',
      { aliases: ['llama-3.3-70b-versatile'] },
    ],
    [
      'groq/llama-4-maverick',
      'meta-llama/llama-4-maverick-17b-128e-instruct',
      null,
      { aliases: ['meta-llama/llama-4-maverick-17b-128e-instruct'] },
    ],
    [
      'groq/llama-4-scout',
      'meta-llama/llama-4-scout-17b-16e-instruct',
      null,
      { aliases: ['meta-llama/llama-4-scout-17b-16e-instruct'] },
    ],
  ]),
];
