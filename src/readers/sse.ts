/**
 * Server-sent events as captured from a streaming API (`curl -N … > stream.txt`, a proxy's saved response
 * bodies): OpenAI's `data: {chunk}` lines ending in `data: [DONE]`, Anthropic's `event: …` / `data: {event}`
 * pairs. The JSON of a `data:` line is the record (the dialects read stream chunks and events); the other
 * fields (`event`, `id`, `retry`), comments (`:` first) and the end marker are framing, not usage.
 *
 * WHATWG's rule for a field line: the name, a colon, one optional space, the value. An event whose JSON is
 * split over several `data:` lines (no provider writes one) is not joined: each part is invalid JSON,
 * counted as malformed, never silently dropped.
 */

/** What a line that is not JSON means as SSE: the JSON text of a data line, a framing reason, or nothing. */
export type SseLine = { json: string } | { skip: string } | undefined;

const FRAMING = ['event', 'id', 'retry'];

/** Called only for lines that do not start with `{`, so JSON lines pay nothing for it. */
export function sseLine(line: string): SseLine {
  const c0 = line.charCodeAt(0);
  if (c0 === 58 /* : */) return { skip: 'SSE comment' };
  // Field names are 2 to 5 letters: only the line's first characters are looked at.
  const colon = line.slice(0, 6).indexOf(':');
  if (colon < 2) return undefined;
  const name = line.slice(0, colon);
  let value = line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
  if (name === 'data') {
    value = value.trim();
    if (value === '[DONE]') return { skip: 'SSE end of stream ([DONE])' };
    return value ? { json: value } : { skip: 'SSE empty data line' };
  }
  return FRAMING.includes(name) ? { skip: `SSE ${name} line` } : undefined;
}
