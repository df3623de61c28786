/**
 * An OpenCode assistant message is one or more steps, each a model call: OpenCode adds each step's cost to
 * the message but keeps only the last step's `tokens` (session/processor.ts, finish-step), and records
 * every step as a `step-finish` part with its tokens, which its own session totals sum. StepSum sums a
 * message's step parts (from opencode.db's `part` table or the JSON files of `storage/part/<message>/`),
 * and `apply` gives the message the sum as its `tokens` and the count as `steps` (its requests).
 */
const tokenCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export class StepSum {
  n = 0;
  input = 0;
  output = 0;
  reasoning = 0;
  read = 0;
  write = 0;
  /** A step that could not be read: the message's own `tokens` are used instead. */
  unreadable = false;

  /** A part that named a step-finish: its parsed data (undefined when it was not JSON). */
  add(d: { type?: unknown; tokens?: Record<string, unknown> } | undefined): void {
    if (d !== undefined && d?.type !== 'step-finish') return;
    this.n++;
    const t = d?.tokens;
    const cache = t?.cache as Record<string, unknown> | undefined;
    const counts = [t?.input, t?.output, t?.reasoning ?? 0, cache?.read ?? 0, cache?.write ?? 0];
    if (!counts.every(tokenCount)) {
      this.unreadable = true;
      return;
    }
    const [input, output, reasoning, read, write] = counts as number[];
    this.input += input!;
    this.output += output!;
    this.reasoning += reasoning!;
    this.read += read!;
    this.write += write!;
  }

  /** The message with its steps' tokens, when it is an assistant's and every step was read. */
  apply(message: Record<string, unknown>): void {
    if (message.role !== 'assistant' || !this.n || this.unreadable) return;
    message.tokens = {
      input: this.input,
      output: this.output,
      reasoning: this.reasoning,
      cache: { read: this.read, write: this.write },
    };
    message.steps = this.n;
  }
}

/** A part's text parsed when it names a step (most parts are text and tool output, never parsed). */
export function stepPart(text: string): { parsed: unknown } | undefined {
  if (!text.includes('"step-finish"')) return undefined;
  try {
    return { parsed: JSON.parse(text) as unknown };
  } catch {
    return { parsed: undefined }; // named a step but is not JSON: the message falls back to its tokens
  }
}
