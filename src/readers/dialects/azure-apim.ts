import { inputOutputRecord, UNKNOWN_MODEL, type Outcome } from '../../core/usage-record.js';
import { num, str, tagValue, time } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Azure API Management's LLM gateway log (`ApiManagementGatewayLlmLog` in Log Analytics, exported as CSV or
 * JSON): `TimeGenerated`, `ModelName`, `DeploymentName`, `PromptTokens`, `CompletionTokens`, `TotalTokens`,
 * `CorrelationId`, `SequenceNumber`.
 * - The prompt count is Azure OpenAI's `prompt_tokens` (cached tokens inside it, and not split out here: the
 *   whole prompt is priced as input); the model is served by Azure.
 * - A large request is logged as several entries (`SequenceNumber`) under one `CorrelationId`: counted once,
 *   the entry with the most tokens.
 * - The portal's CSV export writes the time as `TimeGenerated [UTC]` in a US format
 *   ("10/1/2026, 10:00:00.000 AM"), read as UTC.
 */
export const azureApim: Dialect = {
  name: 'azure-apim',
  detect: (o) =>
    'PromptTokens' in o && 'CompletionTokens' in o && ('ModelName' in o || 'DeploymentName' in o),
  normalize(o): Outcome {
    const model = str(o.ModelName) ?? str(o.DeploymentName) ?? UNKNOWN_MODEL;
    const r = inputOutputRecord(
      model,
      num(o.PromptTokens, 'PromptTokens'),
      num(o.CompletionTokens, 'CompletionTokens'),
    );
    r.servedBy = 'azure';
    const ts = time(o.TimeGenerated) ?? portalTime(o['TimeGenerated [UTC]']);
    if (ts !== undefined) r.timestamp = ts;
    const deployment = tagValue(o.DeploymentName);
    if (deployment) r.tags = { deployment };
    const id = str(o.CorrelationId) ?? str(o.RequestId);
    if (id) r.dedup = { key: `azure-apim:${id}`, keep: 'largest' };
    return r;
  },
};

const PORTAL =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4}),? (\d{1,2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))? ?(AM|PM)$/i;

/** "10/1/2026, 10:00:00.000 AM" (month first, 12-hour clock) as UTC milliseconds; else what time() reads. */
function portalTime(v: unknown): number | undefined {
  const m = typeof v === 'string' ? PORTAL.exec(v.trim()) : null;
  if (!m) return time(v);
  const [month, day, year, h, min, sec] = [m[1], m[2], m[3], m[4], m[5], m[6]].map(
    Number,
  ) as number[];
  if (h! < 1 || h! > 12 || min! > 59 || sec! > 59) return undefined;
  const hour = (h! % 12) + (m[8]!.toUpperCase() === 'PM' ? 12 : 0);
  const t = Date.UTC(
    year!,
    month! - 1,
    day!,
    hour,
    min!,
    sec!,
    Number((m[7] ?? '0').padEnd(3, '0')),
  );
  // A day that does not exist (2/30) would roll over into the next month: no time, not a wrong one.
  const d = new Date(t);
  return d.getUTCMonth() === month! - 1 && d.getUTCDate() === day! ? t : undefined;
}
