import { obj, str, type Obj } from '../values.js';

/**
 * MLflow's spans (`mlflow.get_trace(...).to_json()`, exported traces): OpenTelemetry-shaped, with every
 * attribute value JSON-encoded (`"mlflow.spanType": "\"CHAT_MODEL\""`). Usage is `mlflow.chat.tokenUsage`
 * (`input_tokens`, `output_tokens`, `total_tokens`, and in later versions `cache_read_input_tokens`,
 * `cache_creation_input_tokens`), the model `mlflow.llm.model` (else the request's `model` in
 * `mlflow.spanInputs`), the price MLflow put on it `mlflow.llm.cost` (`total_cost`, USD). The trace's own
 * `mlflow.trace.tokenUsage` sums its spans and is not read.
 *
 * Decoded into the names otel.ts reads, the ones an object value gets when span attributes are flattened
 * (`mlflow.chat.tokenUsage.input_tokens`, `mlflow.llm.cost.total_cost`), plus `mlflow.model` and
 * `mlflow.span_type`: JSON text and already-decoded values read alike.
 */
const USAGE = 'mlflow.chat.tokenUsage';
const COST = 'mlflow.llm.cost';
export const MLFLOW_USAGE = `${USAGE}.`;
export const MLFLOW_COST = `${COST}.total_cost`;

/** The span's attributes with MLflow's decoded beside them (a copy); a span without them as it is. */
export function withMlflow(a: Obj): Obj {
  const type = a['mlflow.spanType'];
  if (
    a[USAGE] === undefined &&
    a[MLFLOW_USAGE + 'input_tokens'] === undefined &&
    type === undefined
  )
    return a;
  const out: Obj = Object.assign(Object.create(null) as Obj, a);
  const usage = obj(decoded(a[USAGE]));
  if (usage) for (const k of Object.keys(usage)) out[MLFLOW_USAGE + k] = usage[k];
  const cost = obj(decoded(a[COST]))?.total_cost;
  if (cost !== undefined) out[MLFLOW_COST] = cost;
  const spanType = str(decoded(type));
  if (spanType) out['mlflow.span_type'] = spanType;
  const used = out[MLFLOW_USAGE + 'input_tokens'] !== undefined;
  const model = str(decoded(a['mlflow.llm.model'])) ?? (used ? requestModel(a) : undefined);
  if (model) out['mlflow.model'] = model;
  return out;
}

/** A value as MLflow writes it: JSON text (decoded), or already a value (a converter that decoded it). */
function decoded(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

/** Request bodies past this are not parsed for their model (the line is already in memory: time only). */
const MAX_INPUTS = 8 * 1024 * 1024;

function requestModel(a: Obj): string | undefined {
  const inputs = a['mlflow.spanInputs'];
  if (typeof inputs === 'string' && inputs.length > MAX_INPUTS) return undefined;
  return str(obj(decoded(inputs))?.model);
}
