import type { Tokenizer } from '../core/types.js';
import { chatTokens, framingFor, type ChatFraming, type ChatMessage } from '../tokenize/chat.js';
import { counterForSync } from '../tokenize/count.js';
import type { EncodingName } from '../tokenize/encoding.js';
import { countingFor } from '../tokenize/families.js';
import type { Pricing } from './catalog.js';
import { defaultPricing } from './catalog.js';
import { InvalidArgumentError, UnknownModelError } from './errors.js';

export type { ChatMessage, EncodingName };

export interface CountOptions {
  /** Count with this model's tokenizer (resolved in the catalog, like `count --models`). */
  model?: string;
  /** Or name an OpenAI encoding directly. Default: o200k_base. */
  encoding?: EncodingName;
  pricing?: Pricing;
}

export interface TokenCount {
  tokens: number;
  /** True for OpenAI encodings (the count tiktoken gives); false for other families' labelled estimates. */
  exact: boolean;
  /** The encoding counted with. */
  encoding: EncodingName;
  /** The model's tokenizer family (`claude`, `gemini`, …), or the encoding when none was named. */
  tokenizer: Tokenizer;
}

function counting(opts: CountOptions): {
  tokenizer: Tokenizer;
  encoding: EncodingName;
  exact: boolean;
  framing?: ChatFraming;
} {
  if (opts.model !== undefined && opts.encoding !== undefined)
    throw new InvalidArgumentError('give model or encoding, not both');
  if (opts.encoding !== undefined) {
    if (opts.encoding !== 'o200k_base' && opts.encoding !== 'cl100k_base')
      throw new InvalidArgumentError(
        `unknown encoding "${String(opts.encoding)}" (o200k_base or cl100k_base)`,
      );
    return { tokenizer: opts.encoding, encoding: opts.encoding, exact: true };
  }
  if (opts.model === undefined)
    return { tokenizer: 'o200k_base', encoding: 'o200k_base', exact: true };
  const res = (opts.pricing ?? defaultPricing()).book.resolve(opts.model);
  if (!res.ok) throw new UnknownModelError(opts.model, res.candidates);
  return {
    tokenizer: res.record.tokenizer,
    ...countingFor(res.record.tokenizer),
    framing: framingFor(res.record),
  };
}

/** The counter for an encoding; its rank table is read on the first count, not on import. */
function counterOf(encoding: EncodingName) {
  const c = counterForSync(encoding);
  if (!c) throw new Error(`llmcost: the ${encoding} rank table is missing; run npm run build`);
  return c;
}

/**
 * Tokens of a text: exact for OpenAI encodings (special-token text counted as plain text, like tiktoken's
 * `encode_ordinary`), a labelled estimate for other families (`exact: false`). A leading BOM is not counted.
 */
export function countTokens(text: string, opts: CountOptions = {}): TokenCount {
  if (typeof text !== 'string') throw new InvalidArgumentError('countTokens needs a string');
  const c = counting(opts);
  return {
    tokens: counterOf(c.encoding).count(text.replace(/^\uFEFF/, '')),
    exact: c.exact,
    encoding: c.encoding,
    tokenizer: c.tokenizer,
  };
}

/**
 * Prompt tokens of a chat request the way OpenAI bills its chat models: 3 tokens of framing per message plus
 * its role and content (1 more with a `name`), and 3 that prime the reply. Content may be a string or an
 * array of parts (their `text` is counted).
 */
export function countChatTokens(
  messages: readonly ChatMessage[],
  opts: CountOptions = {},
): TokenCount {
  if (!Array.isArray(messages) || !messages.every((m) => m && typeof m.role === 'string'))
    throw new InvalidArgumentError('countChatTokens needs an array of {role, content} messages');
  const c = counting(opts);
  const counter = counterOf(c.encoding);
  return {
    tokens: chatTokens([[...messages]], (s) => counter.count(s), c.framing),
    exact: c.exact,
    encoding: c.encoding,
    tokenizer: c.tokenizer,
  };
}
