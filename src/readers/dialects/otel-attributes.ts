import { label, obj, type Obj } from '../values.js';

/**
 * A span's attributes as one flat object: OTLP's list ([{key, value: {intValue: "12"}}]), a flat object
 * (`{"gen_ai.usage.input_tokens": 12}`), or a nested one as OpenInference's JSON spans and Phoenix's
 * exports write them (`{"llm": {"token_count": {"prompt": 12}}}`), flattened to dotted names.
 */
export function attributes(span: Obj): Obj {
  const a = span.attributes;
  if (!Array.isArray(a)) {
    const o = obj(a);
    if (!o) return {};
    for (const k in o) if (obj(o[k])) return flatten(o, '', Object.create(null) as Obj, 0);
    return o;
  }
  // Prototype-less: an attribute named __proto__ is only a name.
  const out: Obj = Object.create(null) as Obj;
  for (const kv of a) {
    const e = obj(kv);
    const v = obj(e?.value);
    if (!e || !v) continue;
    out[label(e.key)] = v.stringValue ?? v.intValue ?? v.doubleValue ?? v.boolValue;
  }
  return out;
}

/** Levels of nesting followed (OpenInference's deepest names have four); deeper values are left out. */
const MAX_DEPTH = 8;

function flatten(o: Obj, prefix: string, out: Obj, depth: number): Obj {
  for (const k of Object.keys(o)) {
    const v = o[k];
    const inner = obj(v);
    if (inner && depth < MAX_DEPTH) flatten(inner, `${prefix}${k}.`, out, depth + 1);
    else if (!inner) out[prefix + k] = v;
  }
  return out;
}
