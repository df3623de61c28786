/**
 * The catalog provider a log's own provider field names (LiteLLM's `custom_llm_provider`, OpenCode's
 * `providerID`): the serving provider's price wins over another host's. Unknown names pass through
 * lower-cased, with `_` as `-`, which is how the catalog spells provider ids.
 */
const ALIASES: Record<string, string> = {
  'amazon-bedrock': 'bedrock',
  'bedrock-converse': 'bedrock',
  'aws-bedrock': 'bedrock',
  'vertex-ai': 'vertex',
  'google-vertex': 'vertex',
  'vertex-ai-beta': 'vertex',
  'google-vertex-ai': 'vertex',
  'azure-ai': 'azure',
  'azure-openai': 'azure',
  'together-ai': 'together',
  togetherai: 'together',
  'fireworks-ai': 'fireworks',
  gemini: 'google',
  'google-ai-studio': 'google',
  // Opik's provider names.
  'google-ai': 'google',
  'google-vertexai': 'vertex',
  'x-ai': 'xai',
  'text-completion-openai': 'openai',
  'cohere-chat': 'cohere',
  moonshotai: 'moonshot',
  // Cloudflare AI Gateway's provider names.
  'workers-ai': 'cloudflare',
  'perplexity-ai': 'perplexity',
  grok: 'xai',
};

export function servedBy(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const id = raw
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, '-');
  if (!id) return undefined;
  return Object.hasOwn(ALIASES, id) ? ALIASES[id] : id;
}
