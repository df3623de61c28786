import type { Outcome } from '../../core/usage-record.js';
import type { Obj } from '../values.js';

/** A usage-log shape: `detect` is a cheap look at top-level keys; `normalize` maps to exclusive buckets. */
export interface Dialect {
  name: string;
  detect(o: Obj): boolean;
  normalize(o: Obj): Outcome;
  /** For formats whose lines depend on earlier ones (a Codex rollout): a normalizer per file or stream. */
  perSource?: () => (o: Obj) => Outcome;
}
