/**
 * Text from files (model names, tags, paths) made safe for a terminal or a CI log: control characters
 * (C0, DEL, C1), bidirectional overrides and line separators become visible escapes (`\e`, `\n`,
 * `\u202e`), so a name can neither clear the screen, set a title, reorder what is shown, nor start a new
 * line that GitHub Actions would read as a `::workflow-command`.
 */
// eslint-disable-next-line no-control-regex -- the control range is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex -- the control range is the point
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<number, string> = { 9: '\\t', 10: '\\n', 13: '\\r', 27: '\\e' };

export function printable(s: string): string {
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE_ALL, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

const JSON_RAW = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * JSON text with the characters JSON.stringify leaves raw (DEL, C1 controls, line separators, bidi
 * overrides) written as `\uXXXX` escapes: the same value to any JSON reader, inert in a terminal. Outside
 * strings JSON.stringify writes only ASCII, so every match is inside a string.
 */
export function jsonPrintable(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * A CSV cell that a spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets a leading `'`,
 * as OWASP advises; numbers are written as numbers and never changed.
 */
export function spreadsheetSafe(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
