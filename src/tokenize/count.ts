import type { Tokenizer } from '../core/types.js';
import { TokenCounter } from './counter.js';
import { loadEncoding, type EncodingName } from './encoding.js';
import { countingFor } from './families.js';

const counters = new Map<EncodingName, TokenCounter>();

export async function counterFor(encoding: EncodingName): Promise<TokenCounter> {
  let c = counters.get(encoding);
  if (!c) {
    c = new TokenCounter(await loadEncoding(encoding));
    counters.set(encoding, c);
  }
  return c;
}

export interface TextCount {
  tokens: number;
  exact: boolean;
  encoding: EncodingName;
}

/** Tokens of `text` for a model's tokenizer family: exact for OpenAI encodings, an estimate otherwise. */
export async function countText(text: string, tokenizer: Tokenizer): Promise<TextCount> {
  const { encoding, exact } = countingFor(tokenizer);
  const counter = await counterFor(encoding);
  return { tokens: counter.count(text.replace(/^\uFEFF/, '')), exact, encoding };
}
