/** `npm run bench [-- compare|count|analyze|agents|beyond|library]`: prints the figures the issues ask for. Not a timed test. */
import { benchCompare } from './compare.js';
import { benchCount } from './count.js';
import { benchAnalyze } from './analyze.js';
import { benchLibrary } from './library.js';
import { benchAgents } from './agents.js';
import { benchBeyond } from './beyond.js';

const BENCHES: Record<string, () => void | Promise<void>> = {
  compare: benchCompare,
  count: benchCount,
  analyze: benchAnalyze,
  library: benchLibrary,
  agents: benchAgents,
  beyond: benchBeyond,
};

const wanted = process.argv.slice(2);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (wanted.length === 0 || wanted.includes(name)) await bench();
}
