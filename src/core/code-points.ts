const SURROGATE = /[\ud800-\udfff]/;

/** Characters as people count them (code points), without materialising an array of them. */
export function codePoints(text: string): number {
  // Most text has no astral characters: one native scan then, not a JS loop that a busy second thread
  // may keep from being optimized for a while.
  if (!SURROGATE.test(text)) return text.length;
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) surrogates++;
  }
  return text.length - surrogates;
}
