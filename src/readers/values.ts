/** Tolerant field readers for log records: numbers written as strings or floats, several time formats. */
export type Obj = Record<string, unknown>;

export function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

/** A token count: numbers, "59200.0", "1,234"; missing or blank -> 0. */
export function num(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : 0;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.replace(/,/g, ''));
    return Number.isFinite(n) ? n : 0;
  }
  return 0;
}

export function optNum(v: unknown): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n = typeof v === 'number' ? v : Number(String(v).replace(/,/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/**
 * A timestamp in ms: Unix seconds or ms (by magnitude), nanosecond strings (OTel), ISO 8601. A date-time
 * without an offset ("2026-01-02 03:04:05.123", Langfuse exports) is UTC, not local time.
 */
export function time(v: unknown): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) {
    if (v > 1e17) return Math.floor(v / 1e6);
    if (v > 1e11) return Math.floor(v);
    return Math.floor(v * 1000);
  }
  if (typeof v !== 'string' || v === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(v)) return time(Number(v));
  let s = v.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += 'T00:00:00Z';
  else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(s)) s += 'Z';
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

export function bool(v: unknown): boolean {
  return v === true || v === 'true' || v === 'TRUE' || v === 'True' || v === 1 || v === '1';
}

/** Reads a dotted path ("metadata.feature", "usage.prompt_tokens") from a record. */
export function getPath(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Obj)[part];
  }
  return cur;
}

export function tagValue(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}
