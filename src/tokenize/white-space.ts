/**
 * OpenAI's tokenizer (tiktoken, Rust's regex engine) reads `\s` in a split pattern as Unicode White_Space;
 * JavaScript's `\s` differs in two characters: it lacks U+0085 (NEXT LINE) and adds U+FEFF (ZERO WIDTH
 * NO-BREAK SPACE), which is not White_Space. js-tiktoken runs the pattern as JavaScript and inherits both
 * differences; we rewrite the pattern so that it means what the reference means.
 */

/** Unicode White_Space (PropList.txt), as the body of a character class. */
export const WHITE_SPACE_CLASS = String.raw`\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000`;

/**
 * The pattern with every `\s` and `\S` spelled out as White_Space: inside a class the ranges are inlined,
 * outside it becomes its own class. `\S` inside a class has no inline spelling and is refused.
 */
export function withUnicodeWhiteSpace(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      const next = pattern[i + 1];
      i++;
      if (next === 's') out += inClass ? WHITE_SPACE_CLASS : `[${WHITE_SPACE_CLASS}]`;
      else if (next === 'S' && !inClass) out += `[^${WHITE_SPACE_CLASS}]`;
      else if (next === 'S') throw new Error('\\S inside a character class is not supported');
      else out += ch + (next ?? '');
      continue;
    }
    if (ch === '[' && !inClass) inClass = true;
    else if (ch === ']' && inClass) inClass = false;
    out += ch;
  }
  return out;
}
