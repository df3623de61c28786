const SURROGATE = /[\ud800-\udfff]/;

const NOT_HIGH_SURROGATE = /[^\ud800-\udbff]+/g;

/** Characters as people count them (code points), without materialising an array of them. */
export function codePoints(text: string): number {
  // Most text has no astral characters: one native scan then. Otherwise the regex engine drops everything
  // but high surrogates (one per astral character), ~3.5x faster than a JS loop over the characters.
  if (!SURROGATE.test(text)) return text.length;
  return text.length - text.replace(NOT_HIGH_SURROGATE, '').length;
}
