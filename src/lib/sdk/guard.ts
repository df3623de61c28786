import type { ChatMessage } from '../count.js';
import { UnknownModelError } from '../errors.js';
import type { Tracker } from '../tracker/tracker.js';

type Obj = Record<string, unknown>;

const text = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);

/** The chat messages of a request body: Chat Completions `messages`, Anthropic `system` + `messages`, Responses `instructions` + `input`. */
function messagesOf(body: Obj): ChatMessage[] {
  const out: ChatMessage[] = [];
  if (body.system !== undefined) out.push({ role: 'system', content: text(body.system) });
  if (body.instructions !== undefined)
    out.push({ role: 'system', content: text(body.instructions) });
  if (Array.isArray(body.messages))
    for (const m of body.messages as Obj[])
      out.push({ role: typeof m?.role === 'string' ? m.role : 'user', content: m?.content ?? '' });
  if (body.input !== undefined)
    out.push({
      role: 'user',
      content: typeof body.input === 'string' ? body.input : text(body.input),
    });
  return out;
}

/**
 * Budgets that act before the bill: the worst case of the call a wrapped client is about to make (its
 * prompt, counted with the model's tokenizer, and its output cap) against the tracker's budgets; a deny
 * throws BudgetExceededError before any request is sent. A model the catalog does not know is not
 * checked (it cannot be priced): the call goes ahead and is recorded unpriced.
 */
export function checkBeforeCall(tracker: Tracker, body: Obj): void {
  if (typeof body.model !== 'string') return;
  const cap = body.max_tokens ?? body.max_completion_tokens ?? body.max_output_tokens;
  try {
    tracker.check({
      model: body.model,
      prompt: messagesOf(body),
      ...(typeof cap === 'number' ? { maxOutputTokens: cap } : {}),
      guard: 'throw',
    });
  } catch (err) {
    if (err instanceof UnknownModelError) return;
    throw err;
  }
}
