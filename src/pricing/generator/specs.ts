import { ANTHROPIC, VERTEX_CLAUDE } from './specs-anthropic.js';
import { GOOGLE } from './specs-google.js';
import { BEDROCK_LLAMA, OPEN_MODELS } from './specs-open-models.js';
import { OPENAI } from './specs-openai.js';
import type { ModelSpec } from './family.js';

export type { ModelSpec } from './family.js';

/** Every model the bundled catalog carries, in catalog order. */
export const SPECS: ModelSpec[] = [
  ...OPENAI,
  ...ANTHROPIC,
  ...BEDROCK_LLAMA,
  ...VERTEX_CLAUDE,
  ...GOOGLE,
  ...OPEN_MODELS,
];
