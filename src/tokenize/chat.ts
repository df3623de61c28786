/**
 * Chat requests counted the way OpenAI bills its chat models: every message costs 3 tokens of framing plus
 * its role and content (and 1 more with a name), and the reply is primed with 3 more tokens. The first chat
 * snapshot, gpt-3.5-turbo-0301, framed a message with 4 tokens and left the role out when a name was given
 * (-1): OpenAI's cookbook ("How to count tokens with tiktoken") counts it so.
 */
export interface ChatMessage {
  role: string;
  content: unknown;
  name?: string;
}

/** Tokens a model frames each message and each name with. */
export interface ChatFraming {
  perMessage: number;
  perName: number;
}

/** Every chat model since gpt-3.5-turbo-0613. */
export const CHAT_FRAMING: ChatFraming = { perMessage: 3, perName: 1 };
const FRAMING_0301: ChatFraming = { perMessage: 4, perName: -1 };
const REPLY_PRIMING = 3;

const NAME_0301 = /(^|\/)gpt-3\.5(-turbo)?-0301$/;
const is0301 = (name: string) => NAME_0301.test(name);

/** The framing of a catalog model (by id or alias: `gpt-3.5-turbo-0301` is its own record). */
export function framingFor(model: { id: string; aliases?: readonly string[] }): ChatFraming {
  return is0301(model.id) || model.aliases?.some(is0301) ? FRAMING_0301 : CHAT_FRAMING;
}

/** How many messages and names conversations hold: what re-frames a count (`reframed`). */
export interface ChatShape {
  messages: number;
  names: number;
}

export function chatShape(convos: ChatMessage[][]): ChatShape {
  let messages = 0;
  let names = 0;
  for (const c of convos)
    for (const m of c) {
      messages++;
      if (m.name) names++;
    }
  return { messages, names };
}

/** A count made with CHAT_FRAMING as `framing` makes it. */
export function reframed(tokens: number, shape: ChatShape, framing: ChatFraming): number {
  return (
    tokens +
    (framing.perMessage - CHAT_FRAMING.perMessage) * shape.messages +
    (framing.perName - CHAT_FRAMING.perName) * shape.names
  );
}

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

export function chatTokens(
  convos: ChatMessage[][],
  count: (s: string) => number,
  framing: ChatFraming = CHAT_FRAMING,
): number {
  let total = 0;
  for (const messages of convos) {
    for (const m of messages) {
      total += framing.perMessage + count(m.role) + count(contentText(m.content));
      if (m.name) total += framing.perName + count(m.name);
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
