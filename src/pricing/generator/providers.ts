import type { Tokenizer } from '../../core/types.js';

/** genai-prices provider ids that are not ours. */
const G_PROVIDERS: Record<string, string> = {
  aws: 'bedrock',
  'x-ai': 'xai',
  moonshotai: 'moonshot',
};

/** LiteLLM `litellm_provider` values that are one of ours. */
const L_PROVIDERS: Record<string, string> = {
  'text-completion-openai': 'openai',
  gemini: 'google',
  palm: 'google',
  bedrock_converse: 'bedrock',
  bedrock_mantle: 'bedrock',
  amazon_nova: 'bedrock',
  azure_ai: 'azure',
  azure_text: 'azure',
  codestral: 'mistral',
  'text-completion-codestral': 'mistral',
  together_ai: 'together',
  cohere_chat: 'cohere',
  voyage: 'voyageai',
  'text-completion-inception': 'inception',
};

const slug = (p: string) => p.toLowerCase().replace(/_/g, '-');

export function gProvider(id: string): string {
  return G_PROVIDERS[id] ?? slug(id);
}

export function lProvider(id: string): string {
  if (id.startsWith('vertex_ai')) return 'vertex';
  if (id.startsWith('fireworks_ai')) return 'fireworks';
  return L_PROVIDERS[id] ?? slug(id);
}

/** Providers that sell their own models: a record there is the creator's own listing. */
export const FIRST_PARTY = new Set([
  'openai',
  'anthropic',
  'google',
  'mistral',
  'deepseek',
  'xai',
  'cohere',
  'moonshot',
  'minimax',
  'zhipuai',
  'zai',
  'perplexity',
  'voyageai',
  'ai21',
  'arcee',
  'inception',
]);

/** Who made a model, read from its name (the host is not the creator). */
const CREATORS: [RegExp, string][] = [
  [/claude|anthropic/, 'anthropic'],
  [
    /gpt-oss|(^|[/.:-])(gpt|o1|o3|o4|chatgpt|text-embedding|davinci|babbage|codex-mini|openai)/,
    'openai',
  ],
  [/gemini|gemma|palm|learnlm|google/, 'google'],
  [/llama|meta[-/]/, 'meta'],
  [/mistral|mixtral|codestral|magistral|devstral|pixtral|ministral|voxtral/, 'mistral'],
  [/deepseek/, 'deepseek'],
  [/grok|x-ai|xai/, 'xai'],
  [/qwen|qwq/, 'qwen'],
  [/glm|zhipu|z-ai/, 'zhipuai'],
  [/kimi|moonshot/, 'moonshot'],
  [/minimax/, 'minimax'],
  [/command|cohere|c4ai|aya-|^embed-|rerank/, 'cohere'],
  [/nova-|titan|amazon/, 'amazon'],
  [/jamba|ai21/, 'ai21'],
  [/phi-\d|microsoft|wizardlm/, 'microsoft'],
  [/nemotron|nvidia/, 'nvidia'],
  [/sonar|perplexity/, 'perplexity'],
  [/voyage/, 'voyageai'],
];

export function creatorOf(provider: string, model: string): string {
  const name = model.toLowerCase();
  const found = CREATORS.find(([re]) => re.test(name))?.[1];
  if (FIRST_PARTY.has(provider) && (!found || found === provider || provider === 'zai'))
    return provider;
  return found ?? 'other';
}

/** The tokenizer family counts are made with (exact for OpenAI's encodings, estimates otherwise). */
export function tokenizerOf(creator: string, model: string): Tokenizer {
  const name = model.toLowerCase();
  switch (creator) {
    case 'openai':
      return /gpt-4(?!o|\.\d|-o)|gpt-3\.5|text-embedding-(ada|3)|davinci|babbage/.test(name) &&
        !/gpt-4o|gpt-4\.1|gpt-oss/.test(name)
        ? 'cl100k_base'
        : 'o200k_base';
    case 'anthropic':
      return 'claude';
    case 'google':
      return 'gemini';
    case 'meta':
      return 'llama';
    case 'mistral':
      return 'mistral';
    case 'deepseek':
      return 'deepseek';
    case 'xai':
      return 'grok';
    default:
      return 'other';
  }
}
