import { line, medianRunMs } from './timing.js';

export function benchCompare(): void {
  console.log('\n# compare: whole process, start to exit');
  const bare = medianRunMs(['--version'], 20);
  const ms = medianRunMs(
    ['compare', '--input', '500', '--output', '300', '--requests', '10000'],
    20,
  );
  line('llmcost --version (startup floor)', `${bare.toFixed(0)} ms`);
  line(
    'llmcost compare -i 500 -o 300 -r 10000 (median)',
    `${ms.toFixed(0)} ms`,
    '<= 150 ms',
    ms <= 150,
  );
}
