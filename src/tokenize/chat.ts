/**
 * Chat requests counted the way OpenAI bills its chat models: every message costs 3 tokens of framing plus
 * its role and content (and 1 more with a name), and the reply is primed with 3 more tokens.
 */
export interface ChatMessage {
  role: string;
  content: unknown;
  name?: string;
}

const PER_MESSAGE = 3;
const PER_NAME = 1;
const REPLY_PRIMING = 3;

function isMessage(v: unknown): v is ChatMessage {
  return (
    !!v &&
    typeof v === 'object' &&
    typeof (v as ChatMessage).role === 'string' &&
    'content' in (v as object)
  );
}

function messagesOf(v: unknown): ChatMessage[] | undefined {
  if (Array.isArray(v) && v.length > 0 && v.every(isMessage)) return v;
  if (v && typeof v === 'object' && 'messages' in v)
    return messagesOf((v as { messages: unknown }).messages);
  return undefined;
}

/** Conversations in a .json file (an array of messages, or {messages}) or a .jsonl file (one per line). */
export function parseChat(text: string, jsonl: boolean): ChatMessage[][] | undefined {
  try {
    if (!jsonl) {
      const one = messagesOf(JSON.parse(text));
      return one ? [one] : undefined;
    }
    const lines = text.split(/\r?\n/).filter((l) => l.trim());
    if (!lines.length) return undefined;
    const values = lines.map((l) => JSON.parse(l) as unknown);
    if (values.every(isMessage)) return [values as ChatMessage[]];
    const convos = values.map(messagesOf);
    return convos.every((c) => c) ? (convos as ChatMessage[][]) : undefined;
  } catch {
    return undefined;
  }
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) =>
        typeof part === 'string' ? part : typeof part?.text === 'string' ? part.text : '',
      )
      .join('');
  }
  return content === null || content === undefined ? '' : JSON.stringify(content);
}

export function chatTokens(convos: ChatMessage[][], count: (s: string) => number): number {
  let total = 0;
  for (const messages of convos) {
    for (const m of messages) {
      total += PER_MESSAGE + count(m.role) + count(contentText(m.content));
      if (m.name) total += PER_NAME + count(m.name);
    }
    total += REPLY_PRIMING;
  }
  return total;
}

export function chatChars(convos: ChatMessage[][], chars: (s: string) => number): number {
  let n = 0;
  for (const messages of convos) for (const m of messages) n += chars(contentText(m.content));
  return n;
}
