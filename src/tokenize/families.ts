import type { Tokenizer } from '../core/types.js';
import type { EncodingName } from './encoding.js';

/**
 * How each tokenizer family is counted. OpenAI encodings are exact. Other families have no exact offline
 * tokenizer here, so they are estimated with the closest public BPE vocabulary: Llama 3's vocabulary extends
 * cl100k_base; Claude, Gemini, Mistral, DeepSeek and Grok use o200k_base as a proxy. Expect real counts to
 * differ by roughly 5-20%, more for code and non-English text.
 */
export interface Counting {
  encoding: EncodingName;
  exact: boolean;
}

export function countingFor(tokenizer: Tokenizer): Counting {
  switch (tokenizer) {
    case 'o200k_base':
      return { encoding: 'o200k_base', exact: true };
    case 'cl100k_base':
      return { encoding: 'cl100k_base', exact: true };
    case 'llama':
      return { encoding: 'cl100k_base', exact: false };
    default:
      return { encoding: 'o200k_base', exact: false };
  }
}
