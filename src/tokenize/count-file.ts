import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { TokenCounter } from './counter.js';
import type { EncodingName } from './encoding.js';
import { chatChars, chatShape, chatTokens, parseChat, type ChatShape } from './chat.js';
import { codePoints } from '../core/code-points.js';

export interface FileCount {
  path: string;
  kind: 'text' | 'chat';
  chars: number;
  tokens: Partial<Record<EncodingName, number>>;
  /** A chat file's messages and names: a model that frames them otherwise re-frames the count. */
  chat?: ChatShape;
}

export type FileResult =
  FileCount | { path: string; skipped: 'binary' | 'unreadable'; reason?: string };

const SNIFF = 8192;

/** Binary files hold a NUL in their first 8 K (git's rule; a NUL byte decodes to exactly one U+0000). */
function isBinary(text: string): boolean {
  return text.lastIndexOf('\0', SNIFF - 1) >= 0; // searches back from there: the rest is never read
}

/** Counts decoded UTF-8 text; a BOM is not counted. */
export function countText(
  path: string,
  decoded: string,
  counters: TokenCounter[],
  raw: boolean,
): FileResult {
  if (isBinary(decoded)) return { path, skipped: 'binary' };
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  const chat = !raw && chatNamed(path) ? parseChat(text, /\.jsonl$/i.test(path)) : undefined;
  const tokens: FileCount['tokens'] = {};
  for (const c of counters) {
    tokens[c.encoding.name] = chat ? chatTokens(chat, (s) => c.count(s)) : c.count(text);
  }
  return {
    path,
    kind: chat ? 'chat' : 'text',
    chars: chat ? chatChars(chat, codePoints) : codePoints(text),
    tokens,
    ...(chat ? { chat: chatShape(chat) } : {}),
  };
}

/** A file whose name says it may be a chat transcript (read as messages unless --raw). */
const chatNamed = (path: string): boolean => /\.jsonl?$/i.test(path);

/**
 * Plain text above this is counted a slice at a time, so memory stays flat and a file past V8's longest
 * string (~512 MiB) is counted too. Tokens never cross a slice's end: it is cut only after a line break
 * followed by a printable ASCII character other than "/", where both encodings' patterns always end a
 * piece (a piece holds a line break only in a run of white space or line breaks, or, in o200k, after
 * punctuation followed by more breaks or "/"), so the sum is the whole file's count.
 */
const SLICE_AT = 64 * 1024 * 1024;

/** Counts in slices of `slice` bytes (a parameter for tests); see SLICE_AT. */
export function countSliced(path: string, counters: TokenCounter[], slice = 8 << 20): FileResult {
  const fd = openSync(path, 'r');
  try {
    const decoder = new TextDecoder();
    const buf = Buffer.allocUnsafe(slice);
    const tokens: FileCount['tokens'] = {};
    for (const c of counters) tokens[c.encoding.name] = 0;
    let chars = 0;
    // Text read but not yet counted (no cut found in it): joined once a cut is, never copied per slice.
    let pending: string[] = [];
    const count = (text: string) => {
      for (const c of counters) tokens[c.encoding.name]! += c.count(text);
      chars += codePoints(text);
    };
    for (let first = true; ; first = false) {
      const n = readSync(fd, buf, 0, slice, null);
      let text = decoder.decode(buf.subarray(0, n), { stream: n > 0 });
      if (first) {
        if (isBinary(text)) return { path, skipped: 'binary' };
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      }
      if (n === 0) {
        count(pending.join('') + text);
        return { path, kind: 'text', chars, tokens };
      }
      // A break at the end of the text before may pair with this text's first character.
      const before = pending.length ? pending[pending.length - 1]!.endsWith('\n') : false;
      const cut = lastCut(text, before);
      if (cut < 0) {
        pending.push(text);
        continue;
      }
      count(pending.join('') + text.slice(0, cut));
      pending = [text.slice(cut)];
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Where text may be cut: after its last line break followed by a printable ASCII character but "/"
 * (0 when only the break that ended the text before qualifies; -1: nowhere).
 */
function lastCut(text: string, breakBefore: boolean): number {
  const ok = (at: number) => {
    const c = text.charCodeAt(at);
    return c > 0x20 && c < 0x7f && c !== 0x2f;
  };
  for (
    let at = text.lastIndexOf('\n', text.length - 2);
    at >= 0;
    at = text.lastIndexOf('\n', at - 1)
  ) {
    if (ok(at + 1)) return at + 1;
    if (at === 0) break;
  }
  return breakBefore && ok(0) ? 0 : -1;
}

/** Files above this are sniffed before they are read, so a large binary is skipped without decoding it. */
const SNIFF_FIRST = 4 * 1024 * 1024;

function startsBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF);
    const got = head.subarray(0, readSync(fd, head, 0, SNIFF, 0));
    return !utf16Order(got) && got.includes(0);
  } finally {
    closeSync(fd);
  }
}

/**
 * The byte order a UTF-16 byte order mark names (Windows tools write such text: Notepad's "Unicode",
 * Windows PowerShell's `>`), else undefined. Its NUL bytes made such a prompt read as binary.
 */
function utf16Order(b: Buffer): 'le' | 'be' | undefined {
  if (b.length < 2) return undefined;
  if (b[0] === 0xff && b[1] === 0xfe) return 'le';
  return b[0] === 0xfe && b[1] === 0xff ? 'be' : undefined;
}

/** Bytes as text: UTF-16 when a UTF-16 byte order mark says so (the mark kept: counting drops it), else UTF-8. */
export function decodeText(b: Buffer): string {
  const order = utf16Order(b);
  if (!order) return b.toString('utf8');
  return new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be', { ignoreBOM: true }).decode(b);
}

export function countFile(path: string, counters: TokenCounter[], raw: boolean): FileResult {
  let text: string;
  try {
    const size = statSync(path).size;
    if (size > SNIFF_FIRST && startsBinary(path)) return { path, skipped: 'binary' };
    if (size > SLICE_AT && (raw || !chatNamed(path))) return countSliced(path, counters);
    // Read straight into a string: one native call, where reading a Buffer runs several JS functions
    // per file that a thread must first warm up.
    text = readFileSync(path, 'utf8');
    // Either UTF-16 byte order mark is invalid UTF-8: two replacement characters first.
    if (text.charCodeAt(0) === 0xfffd && text.charCodeAt(1) === 0xfffd)
      text = decodeText(readFileSync(path));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      path,
      skipped: 'unreadable',
      // V8's longest string (~512 MiB): past it a file (or, sliced, a stretch without a line break to
      // cut at) cannot be held as one text.
      reason:
        code === 'ERR_STRING_TOO_LONG' || err instanceof RangeError
          ? raw || !chatNamed(path)
            ? 'more than 512 MiB without a line break, the most one text can hold (split it)'
            : 'a chat file over 512 MiB, the most one text can hold (split it, or --raw to count it as text)'
          : (code ?? String(err)),
    };
  }
  return countText(path, text, counters, raw);
}
