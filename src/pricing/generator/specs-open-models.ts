import { family, type ModelSpec } from './family.js';

/** Mistral, DeepSeek, xAI, and Llama on Together and Groq. */
export const OPEN_MODELS: ModelSpec[] = [
  ...family('mistral', 'mistral', 'mistral', 'mistral', [
    [
      'mistral-large-2512',
      'mistral-large-2512',
      'mistral/mistral-large-2512',
      {
        aliases: ['mistral-large-latest', 'mistral-large-3'],
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
    // Which map's price stands for these two: corrections.ts (RESOLUTIONS).
    ['deepseek-chat', 'deepseek-chat', 'deepseek/deepseek-chat'],
    ['deepseek-reasoner', 'deepseek-reasoner', 'deepseek/deepseek-reasoner'],
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
    ['grok-4.20', 'grok-4.20', null, {}],
    ['grok-4.3', 'grok-4.3', 'xai/grok-4.3'],
    ['grok-4.5', 'grok-4.5', 'xai/grok-4.5', {}],
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

/** Llama on Bedrock (kept beside the Bedrock Claude records in catalog order). */
export const BEDROCK_LLAMA: ModelSpec[] = [
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
];
