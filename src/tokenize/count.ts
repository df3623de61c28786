import type { Tokenizer } from '../core/types.js';
import { TokenCounter } from './counter.js';
import { loadEncoding, loadEncodingSync, type EncodingName } from './encoding.js';
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

/** The counter of an encoding when its prebuilt table can be read synchronously; undefined otherwise. */
export function counterForSync(encoding: EncodingName): TokenCounter | undefined {
  let c = counters.get(encoding);
  if (!c) {
    const loaded = loadEncodingSync(encoding);
    if (!loaded) return undefined;
    c = new TokenCounter(loaded);
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
