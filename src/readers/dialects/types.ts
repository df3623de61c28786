import type { Outcome } from '../../core/usage-record.js';
import type { Obj } from '../values.js';

/** A usage-log shape: `detect` is a cheap look at top-level keys; `normalize` maps to exclusive buckets. */
export interface Dialect {
  name: string;
  detect(o: Obj): boolean;
  normalize(o: Obj): Outcome;
  /**
   * Lines that are this dialect's only after a line `detect` recognized in the same source (a Gemini CLI
   * recording's message lines): too generic to claim a line of another log on their own.
   */
  follows?(o: Obj): boolean;
  /** For formats whose lines depend on earlier ones (a Codex rollout): a normalizer per file or stream. */
  perSource?: () => (o: Obj) => Outcome;
  /** Lines of this dialect told apart by their text, before (or instead of) parsing them. */
  text?: LineText;
}

/**
 * The hot path of a large log of one dialect (the last one met in the file): most bytes of an agent's
 * transcript are lines without usage and payloads no report reads.
 */
export interface LineText {
  /** The reason a line that cannot hold usage is skipped, unparsed; undefined: read it. */
  skipReason(line: string): string | undefined;
  /** A shorter text to parse in the line's place, payloads cut out; undefined: parse the whole line. */
  shorten(line: string): string | undefined;
  /** Whether the shorter text parsed to the shape the cut assumed; if not, the whole line is parsed. */
  shortOk(o: Obj): boolean;
}
