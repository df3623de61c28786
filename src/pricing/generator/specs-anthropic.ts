import { family, type ModelSpec } from './family.js';

/** Claude, first party and on Bedrock. */
export const ANTHROPIC: ModelSpec[] = [
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
];

/** Claude on Vertex AI. */
export const VERTEX_CLAUDE: ModelSpec[] = [
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
];
