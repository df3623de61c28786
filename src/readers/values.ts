/** Tolerant field readers for log records: numbers written as strings or floats, several time formats. */
export type Obj = Record<string, unknown>;

export function obj(v: unknown): Obj | undefined {
  return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : undefined;
}

/**
 * An object, or text holding one as JSON, as a logger that JSON-encodes its maps writes it into a JSON
 * line (LiteLLM's spend-log metadata, PostHog's `properties`, Cloudflare's metadata header); CSV cells are
 * parsed once for every dialect (csv-records.ts). Text that is not a JSON object is undefined.
 */
export function objectOrJson(v: unknown): Obj | undefined {
  if (typeof v !== 'string') return obj(v);
  if (!v.trimStart().startsWith('{')) return undefined;
  try {
    return obj(JSON.parse(v) as unknown);
  } catch {
    return undefined;
  }
}

/**
 * A record that cannot be read: thrown by the field readers below and by the reader's checks, caught per
 * record, and counted as malformed with `message` as the reason. The run goes on.
 */
export class BadRecord extends Error {}

/** Integers written as text ("1234", "59200.0", "1,234"), as CSV exports and OTLP's int64 strings write them. */
const INTEGER_TEXT = /^\s*\d{1,3}(?:,?\d{3})*(?:\.0*)?\s*$|^\s*\d+(?:\.0*)?\s*$/;

/**
 * A token or request count: a finite, non-negative whole number, or one written as text; missing, null or
 * blank is 0. Anything else (negative, fractional, 1e400, true, {}, "x") makes the record malformed with
 * the field named: silently reading it as 0 would lose data, reading it as negative would subtract.
 */
export function num(v: unknown, field = 'token count'): number {
  if (typeof v === 'number') {
    if (Number.isSafeInteger(v) && v >= 0) return v;
    throw new BadRecord(`invalid ${field} (${numberFault(v)})`);
  }
  if (v === undefined || v === null || v === '') return 0;
  if (typeof v === 'string') {
    const n = v.trim() === '' ? NaN : Number(v.replace(/,/g, ''));
    if (INTEGER_TEXT.test(v) && Number.isSafeInteger(n)) return n;
    // Text that reads as a bad number ("-5", "1.5") is told apart like one; other text ("0x10") is
    // "not a number".
    if (!Number.isNaN(n) && !(Number.isSafeInteger(n) && n >= 0))
      throw new BadRecord(`invalid ${field} (${numberFault(n)})`);
  }
  throw new BadRecord(`invalid ${field} (${describe(v)})`);
}

/** A cost or other amount: any finite number (credits may be negative), or one written as text. */
export function optNum(v: unknown, field = 'amount'): number | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  const n =
    typeof v === 'number'
      ? v
      : typeof v === 'string' && v.trim() !== ''
        ? Number(v.replace(/,/g, ''))
        : NaN;
  if (Number.isFinite(n)) return n;
  throw new BadRecord(`invalid ${field} (${describe(v)})`);
}

/**
 * Why a number is no count. Past 2^53 a double no longer holds every whole number, so such a count could
 * not be summed exactly: "too large", not "not a whole number" (1e308 is whole).
 */
function numberFault(v: number): string {
  if (v < 0) return 'negative';
  if (!Number.isFinite(v)) return 'not finite';
  return Number.isInteger(v) ? 'too large' : 'not a whole number';
}

/** What kind of bad value it was, for a malformed-record reason (never the value: reasons are tallied). */
function describe(v: unknown): string {
  if (typeof v === 'string') return 'not a number';
  if (typeof v === 'number') return 'not finite';
  if (Array.isArray(v)) return 'an array';
  return v !== null && typeof v === 'object' ? 'an object' : typeof v;
}

/** Strings seen lately, each kept once (see interned); cleared when full, so memory stays bounded. */
const pool = new Map<string, string>();
const POOL_SIZE = 4096;

/**
 * One copy of a string that repeats from record to record (a session id, a project folder, a model): a
 * record held until its file is settled then points at it instead of its own copy from JSON.parse, which
 * the young generation collects at once. Held records are what V8's scavenges copy; 200 agent sessions held
 * one copy each of these per response.
 */
export function interned(s: string): string {
  const had = pool.get(s);
  if (had !== undefined) return had;
  if (pool.size >= POOL_SIZE) pool.clear();
  pool.set(s, s);
  return s;
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
    // A time past what a Date can hold is left to checkRecord, which makes the record malformed.
    return v > 1e17 ? Math.floor(v / 1e6) : v > 1e11 ? Math.floor(v) : Math.floor(v * 1000);
  }
  if (typeof v !== 'string' || v === '') return undefined;
  // The lines of one response (and of one second) carry the same time: read it once.
  if (v === lastText) return lastMs;
  const fast = isoUtcMs(v);
  if (fast !== undefined) {
    lastText = v;
    lastMs = fast;
  }
  if (fast !== undefined) return fast;
  if (/^\d+(\.\d+)?$/.test(v)) return time(Number(v));
  let s = v.trim().replace(' ', 'T');
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += 'T00:00:00Z';
  else if (/^\d{4}-\d{2}-\d{2}T[\d:.]+$/.test(s)) s += 'Z';
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

let lastText = '';
let lastMs = 0;

const digit = (s: string, i: number) => s.charCodeAt(i) - 48;
const two = (s: string, i: number) => digit(s, i) * 10 + digit(s, i + 1);
const isDigit = (s: string, i: number) => {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
};

/** The hour last read ("2026-10-01T12:") and its ms: a log's lines mostly fall in the hour before. */
let hourText = '';
let hourMs = 0;

/**
 * "2026-10-01T12:34:56.789Z", the form agents and most APIs write, read without a regular expression or
 * Date.parse (a tenth of the cost, on the hot path of a large log). Anything else: undefined.
 */
function isoUtcMs(s: string): number | undefined {
  if (
    s.length !== 24 ||
    s.charCodeAt(23) !== 90 || // Z
    s.charCodeAt(19) !== 46 || // .
    s.charCodeAt(16) !== 58
  )
    return undefined;
  let base: number;
  if (hourText !== '' && s.startsWith(hourText)) base = hourMs;
  else {
    const hour = hourOf(s);
    if (hour === undefined) return undefined;
    hourText = s.slice(0, 14);
    base = hourMs = hour;
  }
  // mm:ss.fff
  if (
    !isDigit(s, 14) ||
    !isDigit(s, 15) ||
    !isDigit(s, 17) ||
    !isDigit(s, 18) ||
    !isDigit(s, 20) ||
    !isDigit(s, 21) ||
    !isDigit(s, 22)
  )
    return undefined;
  const mi = two(s, 14);
  const se = two(s, 17);
  if (mi > 59 || se > 59) return undefined;
  return base + mi * 60_000 + se * 1000 + digit(s, 20) * 100 + two(s, 21);
}

/** "YYYY-MM-DDTHH:" as ms, checked digit by digit and for the month's length; else undefined. */
function hourOf(s: string): number | undefined {
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 || // T
    s.charCodeAt(13) !== 58
  )
    return undefined;
  for (let i = 0; i < 13; i++)
    if (i !== 4 && i !== 7 && i !== 10 && !isDigit(s, i)) return undefined;
  const mo = two(s, 5);
  const d = two(s, 8);
  const h = two(s, 11);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23) return undefined;
  const year = two(s, 0) * 100 + two(s, 2);
  if (year < 100) return undefined; // Date.UTC reads years 0-99 as 1900-1999
  // Date.UTC rolls 31 April into 1 May: such a date is left to Date.parse.
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (d > (mo === 2 ? (leap ? 29 : 28) : mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31))
    return undefined;
  return Date.UTC(year, mo - 1, d, h);
}

/**
 * A streamed chunk's choices or candidates before the last: a list, not empty, none of whose items has
 * `field` (OpenAI's `finish_reason`, Gemini's `finishReason`) set. Such a chunk carries running totals.
 */
export function unfinished(items: unknown, field: string): boolean {
  if (!Array.isArray(items) || !items.length) return false;
  for (const c of items) if (obj(c)?.[field]) return false;
  return true;
}

export function bool(v: unknown): boolean {
  return v === true || v === 'true' || v === 'TRUE' || v === 'True' || v === 1 || v === '1';
}

/**
 * The uncached part of a prompt count whose cached tokens (`cache`) it holds. A count smaller than its cache
 * cannot hold it (usage a gateway or tool put together leaving the cache out): there it is the uncached part.
 */
export function withoutCache(prompt: number, cache: number): number {
  return cache > prompt ? prompt : prompt - cache;
}

/**
 * The first of `keys` that `o` lacks. A count every version of a format writes (an agent's input and output
 * tokens), absent, is a changed shape: the record is malformed with the field named, never read as 0.
 */
export function missing(o: Obj, keys: readonly string[]): string | undefined {
  for (const k of keys) if (o[k] === undefined) return k;
  return undefined;
}

/**
 * A value from a log as text for a reason or a key: strings as they are, numbers and booleans written,
 * anything else by its kind. Never String() of an object: a log's `{"toString": false}` makes that throw.
 */
export function label(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined || typeof v !== 'object') return String(v);
  return Array.isArray(v) ? 'array' : 'object';
}

/** Reads a dotted path ("metadata.feature", "usage.prompt_tokens") from a record. */
export function getPath(o: unknown, path: string): unknown {
  let cur: unknown = o;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, part)) return undefined;
    cur = (cur as Obj)[part];
  }
  return cur;
}

/** A tag's text: scalars as they are, objects as JSON (a value nested too deeply to write is malformed). */
export function tagValue(v: unknown): string | undefined {
  if (v === null || v === undefined || v === '') return undefined;
  if (typeof v !== 'object') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    throw new BadRecord('tag value nested too deeply');
  }
}
