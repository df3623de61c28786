import { CATALOG_SIZE } from '../pricing/catalog-meta.js';
import { BIN, line, median, wallMs } from './timing.js';

/** A whole `compare` run beside bare `node -e 0`, interleaved so a slow spell hits both alike. */
export function benchCompare(): void {
  console.log('\n# compare: whole process, start to exit, beside bare node');
  const bare: number[] = [];
  const version: number[] = [];
  const compare: number[] = [];
  for (let i = 0; i <= 30; i++) {
    const b = wallMs(['-e', '0']);
    const v = wallMs([BIN, '--version']);
    const c = wallMs([BIN, 'compare', '--input', '500', '--output', '300', '--requests', '10000']);
    if (i === 0) continue; // warm-up
    bare.push(b);
    version.push(v);
    compare.push(c);
  }
  const over = median(compare) - median(bare);
  line('catalog records (generated from both maps)', String(CATALOG_SIZE));
  line('node -e 0 (median of 30)', `${median(bare).toFixed(0)} ms`);
  line('llmcost --version (median)', `${median(version).toFixed(0)} ms`);
  line('llmcost compare -i 500 -o 300 -r 10000 (median)', `${median(compare).toFixed(0)} ms`);
  line('  compare over bare node', `${over.toFixed(0)} ms`, '<= 60 ms', over <= 60);
}
