import {
  UNKNOWN_MODEL,
  withOption,
  type Outcome,
  type UsageRecord,
} from '../../core/usage-record.js';
import { BadRecord, num, obj, str, time, unfinished, withoutCache, type Obj } from '../values.js';
import type { Dialect } from './types.js';

/**
 * Gemini API / Vertex `usageMetadata`: promptTokenCount includes cachedContentTokenCount; tool-use prompt
 * tokens and thoughts are outside prompt and candidates, and thoughts are billed as output (unless the
 * record's own totalTokenCount says the candidates hold them: see geminiUsage).
 * Batch output lines are batch-priced: Vertex AI batch prediction's (`request`, `response`, `status`,
 * `processed_time`) and the Gemini API Batch Mode results file's (`key`, `response`).
 */
export const gemini: Dialect = {
  name: 'gemini',
  detect: (o) => 'usageMetadata' in o || obj(o.response)?.usageMetadata !== undefined,
  normalize(o): Outcome {
    const r: Obj = obj(o.usageMetadata) ? o : (obj(o.response) ?? o);
    const u = obj(r.usageMetadata);
    if (!u) return { skip: 'response without usage' };
    // usageMetadata logged without its response's modelVersion keeps its tokens, unpriced.
    const model = str(r.modelVersion) ?? str(o.model) ?? str(o.modelVersion) ?? UNKNOWN_MODEL;
    const ts = time(r.createTime ?? o.createTime ?? o.timestamp ?? o.processed_time);
    const batch =
      r !== o && (('request' in o && 'processed_time' in o) || typeof o.key === 'string');
    const id = str(r.responseId);
    // In usageMetadata (js-genai's GenerateContentResponseUsageMetadata); some loggers lift it up.
    const traffic = str(u.trafficType) ?? str(r.trafficType);
    return {
      model: traffic ? trafficModel(model, traffic) : model,
      ...(ts !== undefined ? { timestamp: ts } : {}),
      ...geminiUsage(u),
      ...(batch ? { batch: true } : {}),
      ...(traffic ? { tags: { trafficType: traffic } } : {}),
      ...(id
        ? { dedup: { key: `gemini:${id}`, keep: generating(r.candidates) ? 'largest' : 'first' } }
        : {}),
    };
  },
};

/**
 * The model a request was billed as: priority and flex PayGo (`trafficType` `ON_DEMAND_PRIORITY`,
 * `ON_DEMAND_FLEX`) are priced as variants, `<model>-priority` and `<model>-flex` (billing-variants.ts); a
 * model without the variant's price is unpriced, not priced as standard. `ON_DEMAND` and provisioned
 * throughput (billed by subscription, not per token) bill as the model.
 */
function trafficModel(model: string, traffic: string): string {
  if (traffic === 'ON_DEMAND_PRIORITY') return withOption(model, 'priority');
  if (traffic === 'ON_DEMAND_FLEX') return withOption(model, 'flex');
  return model;
}

/**
 * Possibly a streamed chunk before the last: candidates none of which has a `finishReason` ("if empty, the
 * model has not stopped generating"). Each chunk repeats the running totals, so of a response's records the
 * one with a finishReason counts (kept first), else the largest (a stream cut off, or a record logged
 * without the field); only such chunks are held until their file is read, so a log of whole responses
 * costs no memory per response. A response without candidates (a blocked prompt) is whole.
 */
const generating = (candidates: unknown) => unfinished(candidates, 'finishReason');

/**
 * The buckets of a `usageMetadata` object (the rule is in the dialect's comment above). The Live API's
 * messages name the output `responseTokenCount` and `responseTokensDetails` (its UsageMetadata type), for
 * `candidatesTokenCount` and `candidatesTokensDetails`.
 */
export function geminiUsage(u: Obj): Omit<UsageRecord, 'model'> {
  const outDetails = u.candidatesTokensDetails ?? u.responseTokensDetails;
  const cached = num(u.cachedContentTokenCount, 'cachedContentTokenCount');
  const thoughts = num(u.thoughtsTokenCount, 'thoughtsTokenCount');
  // By modality (promptTokensDetails, cacheTokensDetails, candidatesTokensDetails): audio has prices of its
  // own, and so may images; text and video stay in input. A document's pages (DOCUMENT) are billed as images.
  // A tool's prompt (toolUsePromptTokensDetails) is input too, split by modality the same way.
  const tool = u.toolUsePromptTokensDetails;
  const audioIn = modality(u.promptTokensDetails, 'AUDIO') + modality(tool, 'AUDIO');
  const audioCached = modality(u.cacheTokensDetails, 'AUDIO');
  const imageIn =
    modality(u.promptTokensDetails, 'IMAGE') +
    modality(u.promptTokensDetails, 'DOCUMENT') +
    modality(tool, 'IMAGE') +
    modality(tool, 'DOCUMENT');
  const imageCached =
    modality(u.cacheTokensDetails, 'IMAGE') + modality(u.cacheTokensDetails, 'DOCUMENT');
  const audioOut = modality(outDetails, 'AUDIO');
  // Generated images (the image models: $30/M against text's $2.50).
  const imageOut = modality(outDetails, 'IMAGE');
  const prompt = num(u.promptTokenCount, 'promptTokenCount');
  const toolUse = num(u.toolUsePromptTokenCount, 'toolUsePromptTokenCount');
  const candidates = num(u.candidatesTokenCount ?? u.responseTokenCount, 'candidatesTokenCount');
  // Gemini's thoughts are beside the candidates (its total adds them); a total of prompt + candidates says
  // the candidates already hold them, as in usage converted from OpenAI's shape (Qwen Code's records,
  // OpenAI-compatible gateways) and some Vertex responses: added again they would be billed twice.
  const total = u.totalTokenCount;
  if (
    u.promptTokenCount === undefined &&
    u.candidatesTokenCount === undefined &&
    num(total, 'totalTokenCount') > 0
  )
    throw new BadRecord('usage with only a total (no promptTokenCount or candidatesTokenCount)');
  const uncachedPrompt = withoutCache(prompt + toolUse, cached);
  const thoughtsInside =
    thoughts > 0 &&
    candidates >= thoughts &&
    (total === prompt + candidates || total === prompt + toolUse + candidates);
  const r: Omit<UsageRecord, 'model'> = {
    input: Math.max(0, uncachedPrompt - (audioIn - audioCached) - (imageIn - imageCached)),
    cacheRead: cached - audioCached,
    cacheWrite5m: 0,
    cacheWrite1h: 0,
    output: Math.max(0, candidates - audioOut - imageOut) + (thoughtsInside ? 0 : thoughts),
    reasoning: thoughts,
    requests: 1,
  };
  if (audioIn > audioCached) r.audioInput = audioIn - audioCached;
  if (audioCached) r.audioCacheRead = audioCached;
  if (imageIn > imageCached) r.imageInput = imageIn - imageCached;
  if (audioOut) r.audioOutput = audioOut;
  if (imageOut) r.imageOutput = imageOut;
  return r;
}

/** The token count of one modality in a Gemini `*TokensDetails` list ([{modality, tokenCount}]). */
function modality(list: unknown, name: string): number {
  if (!Array.isArray(list)) return 0;
  let n = 0;
  for (const d of list) if (obj(d)?.modality === name) n += num(obj(d)!.tokenCount, 'tokenCount');
  return n;
}
