/** Build step (`npm run build`): writes dist/tokenize/tables/<encoding>.bin from js-tiktoken's rank data. */
import { mkdirSync, writeFileSync } from 'node:fs';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { encodeRankFile } from './rank-file.js';
import { withUnicodeWhiteSpace } from './white-space.js';

const dir = new URL('./tables/', import.meta.url);
mkdirSync(dir, { recursive: true });
for (const [name, data] of [
  ['o200k_base', o200k],
  ['cl100k_base', cl100k],
] as const) {
  const entries: [Buffer, number][] = [];
  for (const line of data.bpe_ranks.split('\n')) {
    if (!line) continue;
    const fields = line.split(' ');
    const offset = Number.parseInt(fields[1]!, 10);
    for (let i = 2; i < fields.length; i++)
      entries.push([Buffer.from(fields[i]!, 'base64'), offset + i - 2]);
  }
  writeFileSync(
    new URL(`${name}.bin`, dir),
    encodeRankFile(withUnicodeWhiteSpace(data.pat_str), entries),
  );
}
