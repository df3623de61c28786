import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Packages kept out of the corpora: the build tool added after the benchmark was defined. Both corpora are
 * drawn from node_modules, so a new package would reshuffle them and the figures would stop being
 * comparable with earlier runs (adding esbuild moved the code corpus from 0.14 to 2.1 MB/s for js-tiktoken).
 */
const NOT_IN_CORPUS = new Set(['esbuild', '@esbuild'].map((p) => join('node_modules', p)));

/** Files under `dir` (sorted, recursive) whose names pass `want`. */
function files(dir: string, want: (name: string) => boolean, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
    a.name.localeCompare(b.name),
  )) {
    const p = join(dir, e.name);
    if (e.isDirectory() && !NOT_IN_CORPUS.has(p)) files(p, want, out);
    else if (e.isFile() && want(e.name) && statSync(p).size < 300_000) out.push(p);
  }
  return out;
}

/** A small deterministic PRNG (mulberry32), so every run benchmarks the same text. */
export function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Real text from the installed packages, paragraphs reshuffled until it reaches `bytes`. */
function build(sources: string[], bytes: number, seed: number): string {
  const paragraphs = sources
    .flatMap((f) => readFileSync(f, 'utf8').split(/\n\s*\n/))
    .filter((p) => p.trim());
  const rand = prng(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = paragraphs[Math.floor(rand() * paragraphs.length)]!;
    parts.push(p);
    size += Buffer.byteLength(p) + 2;
  }
  return parts.join('\n\n');
}

/** English prose: the README files of node_modules. */
export function proseCorpus(bytes: number): string {
  return build(
    files('node_modules', (n) => /^readme\.md$/i.test(n)),
    bytes,
    1,
  );
}

/** Source code: the JavaScript and TypeScript of node_modules. */
export function codeCorpus(bytes: number): string {
  return build(
    files('node_modules', (n) => /\.(js|ts|mjs)$/.test(n) && !n.endsWith('.min.js')),
    bytes,
    2,
  );
}
