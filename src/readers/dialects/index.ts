import type { Outcome } from '../../core/usage-record.js';
import type { Obj } from '../values.js';
import { aiSdk } from './ai-sdk.js';
import { amp } from './amp.js';
import { appLog } from './app-log.js';
import { anthropicBatch, anthropicMessage } from './anthropic.js';
import { anthropicUsageApi } from './anthropic-admin.js';
import { anthropicStream } from './anthropic-stream.js';
import { azureApim } from './azure-apim.js';
import { claudeCodePrint } from './claude-code-print.js';
import { braintrust } from './braintrust.js';
import { bedrockBatch, bedrockConverse, bedrockInvocation } from './bedrock.js';
import { claudeCode } from './claude-code.js';
import { cline } from './cline.js';
import { cloudflareGateway } from './cloudflare.js';
import { codex } from './codex.js';
import { geminiCli } from './gemini-cli.js';
import { geminiInteractions } from './gemini-interactions.js';
import { opencode } from './opencode.js';
import { openaiCostCsv } from './cost-reports.js';
import { openaiExportCsv, requestCsv } from './csv-exports.js';
import { cursorCsv } from './cursor.js';
import { flat } from './flat.js';
import { gemini } from './gemini.js';
import { helicone } from './helicone.js';
import { kong } from './kong.js';
import { langsmith } from './langchain.js';
import { langfuse } from './langfuse.js';
import { llmcostEmit } from './llmcost-emit.js';
import { litellm } from './litellm.js';
import { ollama } from './ollama.js';
import { openaiBatch, openaiChat, openaiResponses } from './openai.js';
import { openaiBatchJob } from './openai-batch-job.js';
import { openaiUsageApi } from './openai-usage-api.js';
import { openaiRealtime } from './openai-realtime.js';
import { openrouter } from './openrouter.js';
import { openrouterActivity, openrouterExportCsv } from './openrouter-activity.js';
import { opik } from './opik.js';
import { pi } from './pi.js';
import { otel } from './otel.js';
import { otelLogs } from './otel-logs.js';
import { portkey } from './portkey.js';
import { weave } from './weave.js';
import { qwenCode } from './qwen-code.js';
import { posthog } from './posthog.js';
import { apiError, bedrockConverseStream, cohereStream, geminiLive } from './stream-events.js';
import type { Dialect } from './types.js';

/** Detection order: the most specific shapes first. */
export const DIALECTS: Dialect[] = [
  llmcostEmit,
  claudeCodePrint,
  qwenCode,
  pi,
  claudeCode,
  codex,
  geminiCli,
  opencode,
  amp,
  cline,
  openaiBatch,
  openaiBatchJob,
  anthropicBatch,
  bedrockBatch,
  openaiUsageApi,
  anthropicUsageApi,
  openaiRealtime,
  openaiResponses,
  openaiChat,
  anthropicMessage,
  anthropicStream,
  gemini,
  geminiInteractions,
  bedrockInvocation,
  langfuse,
  langsmith,
  braintrust,
  opik,
  weave,
  litellm,
  helicone,
  portkey,
  posthog,
  cloudflareGateway,
  kong,
  azureApim,
  openrouter,
  openrouterActivity,
  openrouterExportCsv,
  ollama,
  otel,
  otelLogs,
  bedrockConverse,
  bedrockConverseStream,
  cohereStream,
  geminiLive,
  apiError,
  aiSdk,
  appLog,
  openaiExportCsv,
  cursorCsv,
  openaiCostCsv,
  requestCsv,
  flat,
];

export function dialectByName(name: string): Dialect | undefined {
  return DIALECTS.find((d) => d.name === name);
}

/**
 * Detects each record's dialect; a source is usually homogeneous, so the last dialect that matched is
 * tried first.
 */
export class DialectDetector {
  private last: Dialect | undefined;
  /** Per-source normalizers of the stateful dialects met in this source. */
  private readonly sessions = new Map<Dialect, (o: Obj) => Outcome>();

  constructor(private readonly forced?: Dialect) {}

  /** The dialect the next line most likely has: the forced one, else the last one met. */
  get current(): Dialect | undefined {
    return this.forced ?? this.last;
  }

  normalize(o: Obj): { dialect: string; outcome: Outcome } | undefined {
    const last = this.last;
    const d =
      this.forced ??
      (last && (last.detect(o) || last.follows?.(o)) ? last : DIALECTS.find((x) => x.detect(o)));
    if (!d) return undefined;
    this.last = d;
    return { dialect: d.name, outcome: this.normalizerOf(d)(o) };
  }

  private normalizerOf(d: Dialect): (o: Obj) => Outcome {
    if (!d.perSource) return d.normalize;
    let n = this.sessions.get(d);
    if (!n) this.sessions.set(d, (n = d.perSource()));
    return n;
  }
}
