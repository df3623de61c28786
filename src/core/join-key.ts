/**
 * Values joined into one Map key that no other list of as many values gives (every key of a Map is made
 * from the same number of values). `\u0000` separates them, so a value's own `\u0000` and `\u0001` are
 * escaped (`\u0001\u0003`, `\u0001\u0002`): joined plainly, a tag value "a\u0000b" made two keys of one, and
 * ("a\u0000b", "c") and ("a", "b\u0000c") summed into one group. Values without either character, nearly
 * all, are joined as they are.
 */
export function joinKey(values: readonly string[]): string {
  for (let i = 0; i < values.length; i++)
    if (SPECIAL.test(values[i]!))
      return values
        .map((v) => v.replace(ESCAPE, '\u0001\u0002').replace(NUL, '\u0001\u0003'))
        .join('\u0000');
  // One flat string (a rope built with += is flattened again when the Map hashes it).
  return values.join('\u0000');
}

// eslint-disable-next-line no-control-regex -- the separator and the escape are the point
const SPECIAL = /[\u0000\u0001]/;
// eslint-disable-next-line no-control-regex -- as above
const ESCAPE = /\u0001/g;
// eslint-disable-next-line no-control-regex -- as above
const NUL = /\u0000/g;
