import { own } from './own.js';

/**
 * Turns a model name as logs and users write it into lookup keys, most specific first, each with the
 * platform it implies (Bedrock, Vertex, Azure) and why the key was derived.
 */
export interface NameKey {
  key: string;
  platform?: string;
  step: string;
  /** A last-chance reading (its preview release, without an unknown prefix): not a basis for suggestions. */
  fallback?: true;
}

const ROUTE_PREFIXES: Record<string, string | undefined> = {
  openai: undefined,
  anthropic: undefined,
  google: undefined,
  gemini: undefined,
  models: undefined,
  'x-ai': undefined,
  xai: undefined,
  mistral: undefined,
  mistralai: undefined,
  deepseek: undefined,
  'deepseek-ai': undefined,
  openrouter: undefined,
  vertex_ai: 'vertex',
  vertex_ai_beta: 'vertex',
  vertexai: 'vertex',
  vertex: 'vertex',
  azure: 'azure',
  azure_ai: 'azure',
  bedrock: 'bedrock',
  bedrock_converse: 'bedrock',
  together_ai: 'together',
  together: 'together',
  groq: 'groq',
  fireworks_ai: 'fireworks',
  fireworks: 'fireworks',
  deepinfra: 'deepinfra',
  novita: 'novita',
  cerebras: 'cerebras',
  nebius: 'nebius',
  sambanova: 'sambanova',
  hyperbolic: 'hyperbolic',
};
/** Pydantic AI's `provider:` prefixes, and the platform each bills on (none: the maker's own API). */
const COLON_PREFIXES: Record<string, string | undefined> = {
  openai: undefined,
  anthropic: undefined,
  'google-gla': undefined,
  google: undefined,
  'google-vertex': 'vertex',
  mistral: undefined,
  cohere: undefined,
  deepseek: undefined,
  grok: undefined,
  xai: undefined,
  moonshotai: undefined,
  bedrock: 'bedrock',
  groq: 'groq',
  cerebras: 'cerebras',
  azure: 'azure',
  together: 'together',
  fireworks: 'fireworks',
  openrouter: undefined,
};
// Not `:free`: OpenRouter bills a free variant at $0, and a free tier is left unpriced, never list price.
const VARIANT = /:(thinking|floor|nitro|beta|extended|online|exacto)$/;
const GEO = /^(us|eu|apac|au|jp|ca|us-gov|global)\./;
const VENDOR = /^(anthropic|meta|mistral|amazon|cohere|ai21|openai|deepseek|qwen|writer|google)\./;

/** The step that reads a preview as its general release (a last chance; never a catalog alias). */
export const GENERAL_RELEASE = 'its general release';

export function nameKeys(raw: string): NameKey[] {
  const keys: NameKey[] = [];
  const push = (key: string, step: string, platform?: string, fallback = false) => {
    if (key && !keys.some((k) => k.key === key && k.platform === platform)) {
      keys.push({
        key,
        step,
        ...(platform ? { platform } : {}),
        ...(fallback ? { fallback } : {}),
      });
    }
  };
  let name = raw.trim().toLowerCase();
  push(name, 'exact name');
  let platform: string | undefined;
  // Pydantic AI names a model with its provider and a colon: openai:gpt-4o, google-gla:gemini-2.5-pro.
  const colon = /^([a-z][a-z0-9-]*):(?!\d+$)(.+)$/.exec(name);
  if (colon && Object.hasOwn(COLON_PREFIXES, colon[1]!)) {
    name = colon[2]!;
    platform = own(COLON_PREFIXES, colon[1]!);
    push(name, `provider prefix "${colon[1]}:"`, platform);
  }

  // OpenAI fine-tunes, ft:<base>:<org>:<suffix>:<id>, bill at the base's fine-tuned price (the catalog's
  // ft:<base>), never at the base model's own; a base without one stays unpriced.
  const fineTune = /^ft:([^:]+):/.exec(name);
  if (fineTune) {
    name = `ft:${fineTune[1]}`;
    push(name, 'OpenAI fine-tuned model', platform);
  }
  if (name.startsWith('arn:aws:bedrock')) {
    name = name.slice(name.lastIndexOf('/') + 1);
    platform = 'bedrock';
    push(name, 'Bedrock ARN', platform);
  }
  const vertexPath = /(?:^|\/)publishers\/[^/]+\/models\/(.+)$/.exec(name);
  if (vertexPath?.[1]) {
    name = vertexPath[1];
    platform = 'vertex';
    push(name, 'Vertex resource path', platform);
  }
  for (;;) {
    const slash = name.indexOf('/');
    const prefix = slash > 0 ? name.slice(0, slash) : '';
    if (!Object.hasOwn(ROUTE_PREFIXES, prefix)) break;
    name = name.slice(slash + 1);
    platform = own(ROUTE_PREFIXES, prefix) ?? platform;
    push(name, `provider prefix "${prefix}/"`, platform);
  }
  // OpenRouter variants of one model (same weights, other routing or pricing): anthropic/…:thinking.
  const variant = VARIANT.exec(name);
  if (variant) {
    name = name.slice(0, variant.index);
    push(name, `OpenRouter variant "${variant[0]}"`, platform);
  }
  const geo = GEO.exec(name);
  if (geo?.[1]) {
    name = name.slice(geo[0].length);
    platform = geo[1] === 'global' ? 'bedrock-global' : 'bedrock';
    push(name, `Bedrock ${geo[1] === 'global' ? 'global' : 'geo'} prefix "${geo[0]}"`, platform);
  }
  const vendor = VENDOR.exec(name);
  if (vendor && (platform?.startsWith('bedrock') || /-v\d+(:\d+)?$|:\d+$/.test(name))) {
    platform = platform ?? 'bedrock';
    push(name, 'Bedrock model id', platform);
    name = name.slice(vendor[0].length);
    push(name, `Bedrock vendor prefix "${vendor[0]}"`, platform);
  }
  const version = /(-v\d+(:\d+)?|:\d+)$/.exec(name);
  if (version && platform?.startsWith('bedrock')) {
    name = name.slice(0, version.index);
    push(name, 'Bedrock version suffix', platform);
  }
  const at = name.indexOf('@');
  if (at > 0) {
    name = name.slice(0, at);
    platform = platform ?? 'vertex';
    push(name, 'Vertex version "@…"', platform);
    // Vertex names a second release of one model by revision: claude-3-5-sonnet-v2@20241022.
    const revision = /-v\d+$/.exec(name);
    if (revision) {
      name = name.slice(0, revision.index);
      push(name, `Vertex revision "${revision[0]}"`, platform);
    }
  }
  // Cursor's (and other clients') labels for a Claude or GPT-5 model run with extended thinking or a
  // reasoning effort: claude-4.5-sonnet-thinking, gpt-5-high, claude-4.5-opus-high-thinking. Both are
  // request settings, billed at the model's own prices (thinking and reasoning as output); other families
  // keep such names whole (a thinking release may have prices of its own).
  const setting = /(-(?:minimal|low|medium|high|xhigh))?(-thinking)?$/.exec(name);
  if (setting?.[0] && /^(claude-|gpt-5)/.test(name)) {
    name = name.slice(0, setting.index);
    push(name, `reasoning setting "${setting[0]}"`, platform);
  }
  // Dates as Anthropic (20250514), OpenAI (2024-08-06), Google (05-20, 001) and Mistral (2506: year and
  // month, 2023 on, so that a context size such as 8192 is never taken for one) write them.
  const dated = /-(\d{8}|\d{4}-\d{2}-\d{2}|\d{2}-\d{2}|0\d{2}|2[3-9](?:0[1-9]|1[0-2]))$/.exec(name);
  if (dated) {
    name = name.slice(0, dated.index);
    push(name, 'dated snapshot suffix', platform);
  }
  if (name.endsWith('-latest')) push(name.slice(0, -'-latest'.length), '"-latest" alias', platform);
  // Anthropic writes versions both ways: claude-3.5-sonnet and claude-3-5-sonnet.
  const dotted = (n: string) =>
    n.includes('claude') && /\d\.\d/.test(n)
      ? push(n.replace(/(\d)\.(\d)/g, '$1-$2'), 'dotted version', platform)
      : undefined;
  dotted(name);
  // OpenRouter's Claude ids may put the version first: claude-4.6-sonnet is claude-sonnet-4.6.
  const versionFirst = /^claude-(\d+(?:[.-]\d+)?)-(opus|sonnet|haiku)\b/.exec(name);
  if (versionFirst) {
    name = `claude-${versionFirst[2]}-${versionFirst[1]}${name.slice(versionFirst[0].length)}`;
    push(name, 'Claude version written first', platform);
    dotted(name);
  }
  // And the other way: a model before Claude 4 named the newer way (claude-sonnet-3.7 is claude-3-7-sonnet).
  const familyFirst = /^claude-(opus|sonnet|haiku)-([1-3](?:[.-]\d)?)$/.exec(name);
  if (familyFirst) {
    push(
      `claude-${familyFirst[2]!.replace('.', '-')}-${familyFirst[1]}`,
      'Claude family written first',
      platform,
    );
  }
  // A model the catalog has only as a preview release (gemini-3.1-pro is gemini-3.1-pro-preview), or a
  // preview it no longer lists, priced as its general release (gemini-2.5-pro-preview-05-06).
  if (!name.endsWith('-preview')) push(`${name}-preview`, 'its preview release', platform, true);
  else push(name.slice(0, -'-preview'.length), GENERAL_RELEASE, platform, true);
  // Last: an unknown host or organisation prefix (meta-llama/, qwen/), the model name after it.
  const slash = name.lastIndexOf('/');
  if (slash > 0)
    push(name.slice(slash + 1), `without the prefix "${name.slice(0, slash + 1)}"`, platform, true);
  return keys;
}
