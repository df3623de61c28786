import { readFileSync } from 'node:fs';
import type { TokenCounter } from './counter.js';
import type { EncodingName } from './encoding.js';
import { chatChars, chatTokens, parseChat } from './chat.js';

export interface FileCount {
  path: string;
  kind: 'text' | 'chat';
  chars: number;
  tokens: Partial<Record<EncodingName, number>>;
}

export type FileResult =
  FileCount | { path: string; skipped: 'binary' | 'unreadable'; reason?: string };

const SNIFF = 8192;

/** Binary files hold a NUL byte in their first 8 KB (git's rule). */
export function isBinary(buf: Buffer): boolean {
  return buf.subarray(0, SNIFF).includes(0);
}

/** Characters as people count them (code points), without materialising an array of them. */
export function codePoints(text: string): number {
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) surrogates++;
  }
  return text.length - surrogates;
}

export function countBuffer(
  path: string,
  buf: Buffer,
  counters: TokenCounter[],
  raw: boolean,
): FileResult {
  if (isBinary(buf)) return { path, skipped: 'binary' };
  const text = buf.toString('utf8').replace(/^\uFEFF/, '');
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

export function countFile(path: string, counters: TokenCounter[], raw: boolean): FileResult {
  let buf: Buffer;
  try {
    buf = readFileSync(path);
  } catch (err) {
    return {
      path,
      skipped: 'unreadable',
      reason: (err as NodeJS.ErrnoException).code ?? String(err),
    };
  }
  return countBuffer(path, buf, counters, raw);
}
