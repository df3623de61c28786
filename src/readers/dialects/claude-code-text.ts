import type { Obj } from '../values.js';
import type { LineText } from './types.js';

/** Content shorter than this is parsed with the line (measured: the cut pays from ~2 KB; 8 KB parse 2.4x faster). */
const MIN_CUT = 2048;

const SKIPPABLE = /"type":"(user|system|summary|file-history-snapshot|queue-operation)"/;

/**
 * Claude Code lines read by their text first: most of a transcript's bytes are user lines (tool results)
 * and the content of assistant messages, and no report needs either.
 *
 * - skipReason: `"type":"user"` unescaped is a key and its value, never text inside a string, and transcripts
 *   nest no object of these types; a line naming "assistant" anywhere is never skipped unparsed.
 * - shorten: an assistant line is `{…,"message":{…,"content":[…],…,"usage":{…}},…}`; the text from
 *   `"content":` to the last `"usage":{` is cut, so JSON.parse builds none of the content. shortOk then
 *   checks what the cut assumed: the type, the role and the top-level fields after the message are still
 *   there, which they would not be had the last "usage" been nested anywhere but the message. Any
 *   other shape (a new version's key order) is parsed whole.
 */
export const claudeCodeText: LineText = {
  skipReason(line) {
    // An assistant line names its type after the message, near its end: found from the end at once.
    if (line.lastIndexOf('"type":"assistant"') >= 0) return undefined;
    if (line.includes('"assistant"') || !line.includes('"sessionId":')) return undefined;
    const m = SKIPPABLE.exec(line);
    return m ? `${m[1]} line` : undefined;
  },
  shorten(line) {
    if (line.length < MIN_CUT * 1.25) return undefined; // no content worth cutting: no search either
    const content = line.indexOf('"content":');
    if (content < 0) return undefined;
    const usage = line.lastIndexOf('"usage":{');
    // Cutting a short content costs more (a copy of the rest) than parsing it.
    if (usage - content < MIN_CUT) return undefined;
    return line.slice(0, content) + line.slice(usage);
  },
  shortOk(o: Obj) {
    const m = o.message as Obj | undefined;
    return (
      o.type === 'assistant' &&
      typeof o.timestamp === 'string' &&
      typeof m === 'object' &&
      m !== null &&
      m.role === 'assistant' &&
      typeof m.usage === 'object'
    );
  },
};
