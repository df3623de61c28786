import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { TokenCounter } from './counter.js';
import type { EncodingName } from './encoding.js';
import { chatChars, chatTokens, parseChat } from './chat.js';
import { codePoints } from '../core/code-points.js';

export interface FileCount {
  path: string;
  kind: 'text' | 'chat';
  chars: number;
  tokens: Partial<Record<EncodingName, number>>;
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
  const lower = path.toLowerCase();
  const chat =
    !raw && (lower.endsWith('.json') || lower.endsWith('.jsonl'))
      ? parseChat(text, lower.endsWith('.jsonl'))
      : undefined;
  const tokens: FileCount['tokens'] = {};
  for (const c of counters) {
    tokens[c.encoding.name] = chat ? chatTokens(chat, (s) => c.count(s)) : c.count(text);
  }
  return {
    path,
    kind: chat ? 'chat' : 'text',
    chars: chat ? chatChars(chat, codePoints) : codePoints(text),
    tokens,
  };
}

/** Files above this are sniffed before they are read, so a large binary is skipped without decoding it. */
const SNIFF_FIRST = 4 * 1024 * 1024;

function startsBinary(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(SNIFF);
    return head.subarray(0, readSync(fd, head, 0, SNIFF, 0)).includes(0);
  } finally {
    closeSync(fd);
  }
}

export function countFile(path: string, counters: TokenCounter[], raw: boolean): FileResult {
  let text: string;
  try {
    if (statSync(path).size > SNIFF_FIRST && startsBinary(path)) return { path, skipped: 'binary' };
    // Read straight into a string: one native call, where reading a Buffer runs several JS functions
    // per file that a thread must first warm up.
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return {
      path,
      skipped: 'unreadable',
      // V8's longest string (~512 MiB): past it a file cannot be held as one text.
      reason:
        code === 'ERR_STRING_TOO_LONG'
          ? 'larger than the 512 MiB one file can be counted at (split it)'
          : (code ?? String(err)),
    };
  }
  return countText(path, text, counters, raw);
}
