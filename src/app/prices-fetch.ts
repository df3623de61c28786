import { resolve } from 'node:path';
import { readText } from '../files/read-text.js';
import { UsageError } from '../errors.js';
import type { SourceStamp } from '../pricing/user-catalog.js';

/** The two public price maps' raw files: what `llmcost prices update` reads unless told otherwise. */
export const DEFAULT_SOURCES = [
  'https://raw.githubusercontent.com/pydantic/genai-prices/main/prices/data.json',
  'https://raw.githubusercontent.com/BerriAI/litellm/main/model_prices_and_context_window.json',
];

/** A price map of either kind, read. */
export type Fetched =
  | { notModified: true; from: string }
  | { notModified?: false; from: string; body: unknown; etag?: string; lastModified?: string };

/** 64 MiB: both maps are a few MB; a body past this is not a price map. */
const MAX_BYTES = 64 * 1024 * 1024;

const isUrl = (s: string) => /^https?:\/\//i.test(s);

/**
 * One source: an http(s) URL (sent If-None-Match / If-Modified-Since from the last update, with a
 * timeout) or a file. Every failure is one UsageError line naming the source: unreachable, timed out, an
 * HTTP error, a body cut short or not JSON.
 */
export async function fetchSource(
  from: string,
  cwd: string,
  timeoutMs: number,
  previous: SourceStamp | undefined,
): Promise<Fetched> {
  if (!isUrl(from))
    return { from, body: parse(readText(resolve(cwd, from), from, MAX_BYTES), from) };
  const headers: Record<string, string> = { accept: 'application/json' };
  if (previous?.etag) headers['if-none-match'] = previous.etag;
  if (previous?.lastModified) headers['if-modified-since'] = previous.lastModified;
  let res: Response;
  try {
    res = await fetch(from, { headers, signal: AbortSignal.timeout(timeoutMs) });
  } catch (err) {
    throw new UsageError(
      `${from}: ${why(err, timeoutMs)}`,
      'check the URL and the network, or use --from FILE',
    );
  }
  if (res.status === 304) {
    if (!previous)
      throw new UsageError(
        `${from}: answered 304 Not Modified to a request with nothing to compare`,
      );
    return { notModified: true, from };
  }
  if (!res.ok) throw new UsageError(`${from}: HTTP ${res.status} ${res.statusText}`.trim());
  let text: string;
  try {
    text = await res.text();
  } catch (err) {
    throw new UsageError(`${from}: the response was cut short (${why(err, timeoutMs)})`);
  }
  if (text.length > MAX_BYTES) throw new UsageError(`${from}: larger than 64 MiB, not a price map`);
  return {
    from,
    body: parse(text, from),
    ...(res.headers.get('etag') ? { etag: res.headers.get('etag')! } : {}),
    ...(res.headers.get('last-modified')
      ? { lastModified: res.headers.get('last-modified')! }
      : {}),
  };
}

function parse(text: string, from: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${from}: not JSON (a truncated or wrong file?)`);
  }
}

function why(err: unknown, timeoutMs: number): string {
  const e = err as { name?: string; cause?: { code?: string; message?: string }; message?: string };
  if (e.name === 'TimeoutError' || e.name === 'AbortError')
    return `no answer within ${timeoutMs / 1000} s`;
  return e.cause?.code ?? e.cause?.message ?? e.message ?? String(err);
}

/** Which map a body is: genai-prices' provider list or LiteLLM's model table; undefined for neither. */
export function kindOf(body: unknown): SourceStamp['kind'] | undefined {
  if (Array.isArray(body))
    return body.length > 0 &&
      body.every(
        (p) => p && typeof p === 'object' && typeof p.id === 'string' && Array.isArray(p.models),
      )
      ? 'genai-prices'
      : undefined;
  if (body && typeof body === 'object') {
    const entries = Object.values(body as Record<string, unknown>);
    const models = entries.filter(
      (e) =>
        e &&
        typeof e === 'object' &&
        typeof (e as { litellm_provider?: unknown }).litellm_provider === 'string',
    );
    return models.length > 0 && models.length >= entries.length / 2 ? 'litellm' : undefined;
  }
  return undefined;
}
