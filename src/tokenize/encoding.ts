import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MapRanks, type RankTable } from './bpe.js';
import { readRankFile } from './rank-file.js';
import { withUnicodeWhiteSpace } from './white-space.js';

export type EncodingName = 'o200k_base' | 'cl100k_base';

export interface Encoding {
  name: EncodingName;
  pattern: RegExp;
  ranks: RankTable;
}

interface RankModule {
  pat_str: string;
  bpe_ranks: string;
}

/**
 * Builds an encoding from js-tiktoken's rank data. Its format is lines of "<first> <offset> <b64> <b64>…",
 * each base64 token taking rank offset+i; we decode every token once into a binary-string key.
 */
export function buildEncoding(name: EncodingName, data: RankModule): Encoding {
  const ranks = new Map<string, number>();
  for (const line of data.bpe_ranks.split('\n')) {
    if (!line) continue;
    const fields = line.split(' ');
    const offset = Number.parseInt(fields[1]!, 10);
    for (let i = 2; i < fields.length; i++) {
      // atob yields exactly the binary string we key on, and is the fastest decoder here.
      ranks.set(atob(fields[i]!), offset + i - 2);
    }
  }
  return {
    name,
    pattern: new RegExp(withUnicodeWhiteSpace(data.pat_str), 'gu'),
    ranks: new MapRanks(ranks),
  };
}

const cache = new Map<EncodingName, Promise<Encoding>>();

/**
 * The prebuilt rank file, read synchronously (the library's countTokens is synchronous); undefined when
 * the build made none (a source checkout before `npm run build`).
 */
export function loadEncodingSync(name: EncodingName): Encoding | undefined {
  // Beside this module (tsc's dist/tokenize/, the CLI bundle's dist/cli/), or the CLI bundle's copy when
  // this is the library bundle in dist/pkg/: one copy of the 7 MB of tables in the package.
  const file = [`./tables/${name}.bin`, `../cli/tables/${name}.bin`]
    .map((f) => new URL(f, import.meta.url))
    .find((u) => existsSync(u));
  if (!file) return undefined;
  const { pattern, ranks } = readRankFile(fileURLToPath(file));
  return { name, pattern: new RegExp(pattern, 'gu'), ranks };
}

/** The prebuilt rank file when the build made one, else js-tiktoken's data (only the encoding asked for). */
export function loadEncoding(name: EncodingName): Promise<Encoding> {
  let hit = cache.get(name);
  if (!hit) {
    const prebuilt = loadEncodingSync(name);
    if (prebuilt) {
      hit = Promise.resolve(prebuilt);
    } else {
      hit = (
        name === 'o200k_base'
          ? import('js-tiktoken/ranks/o200k_base')
          : import('js-tiktoken/ranks/cl100k_base')
      ).then((m) => buildEncoding(name, m.default as RankModule));
    }
    cache.set(name, hit);
  }
  return hit;
}
