/**
 * `npm run bench -- agents`: llmcost against ccusage (the native tool, a dev dependency) on a generated
 * Claude Code tree of the shape, interleaved in one run; peak RSS of both; and with
 * LLMCOST_BENCH_TREE_10X=1 the peak RSS on a tree ten times larger (4.3 GB, generated once).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeClaudeTree } from './logs.js';
import { BIN, line, median } from './timing.js';

const CCUSAGE = new URL('../../node_modules/.bin/ccusage', import.meta.url).pathname;
const MB = 1024 * 1024;

interface Run {
  ms: number;
  rssMb: number;
  stdout: string;
}

/** Wall time and peak RSS (GNU time's %M, which counts every thread) of one command. */
function timedRun(cmd: string[], env: Record<string, string>): Run {
  const start = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'maxrss-kb=%M', ...cmd], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 1 << 28,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd.join(' ')} failed: ${r.stderr}`);
  const m = /maxrss-kb=(\d+)/.exec(r.stderr);
  return { ms, rssMb: Number(m?.[1] ?? 0) / 1024, stdout: r.stdout };
}

function ensureTree(dir: string, sessions: number): number {
  if (!existsSync(join(dir, 'projects'))) {
    console.log(`(generating a Claude Code tree of ${sessions} sessions in ${dir} ...)`);
    writeClaudeTree(dir, sessions);
  }
  const du = spawnSync('du', ['-sb', dir], { encoding: 'utf8' }).stdout.split('\t')[0];
  return Number(du) / MB;
}

export function benchAgents(): void {
  console.log(
    '\n# agents: a Claude Code tree, llmcost beside ccusage 20.0.24 (same run, interleaved)',
  );
  if (!existsSync(CCUSAGE) || !existsSync('/usr/bin/time')) {
    console.log('(ccusage or /usr/bin/time missing: npm ci installs ccusage; skipped)');
    return;
  }
  const tree = '.bench/agents/claude';
  const mb = ensureTree(tree, 200);
  const env = { CLAUDE_CONFIG_DIR: tree };
  const ours = ['node', BIN, 'analyze', '--claude', '--by', 'day', '--json'];
  const theirs = [CCUSAGE, 'daily', '--offline', '--json'];
  const a: Run[] = [];
  const b: Run[] = [];
  for (let i = 0; i <= 3; i++) {
    const x = timedRun(ours, env);
    const y = timedRun(theirs, env);
    if (i === 0) continue; // warm-up: the page cache
    a.push(x);
    b.push(y);
  }
  const ms = median(a.map((r) => r.ms));
  const cms = median(b.map((r) => r.ms));
  line('tree: 200 sessions, 500k assistant lines', `${mb.toFixed(0)} MB`);
  line('ccusage daily --offline --json (median of 3)', `${(cms / 1000).toFixed(2)} s`);
  line('llmcost analyze --claude --by day (median of 3)', `${(ms / 1000).toFixed(2)} s`);
  line('  ratio llmcost / ccusage', (ms / cms).toFixed(2), '<= 0.70', ms / cms <= 0.7);
  const rss = Math.max(...a.map((r) => r.rssMb));
  line('  peak RSS llmcost (highest of 3)', `${rss.toFixed(0)} MB`, '< 256 MB', rss < 256);
  line('  peak RSS ccusage', `${Math.max(...b.map((r) => r.rssMb)).toFixed(0)} MB`);
  const t = JSON.parse(b[0]!.stdout).totals;
  const u = JSON.parse(a[0]!.stdout).summary.usage;
  const same =
    t.inputTokens === u.input &&
    t.outputTokens === u.output &&
    t.cacheReadTokens === u.cacheRead &&
    t.cacheCreationTokens === u.cacheWrite5m + u.cacheWrite1h;
  line('  token totals equal to ccusage', same ? 'yes' : 'NO', undefined, same);
  if (process.env.LLMCOST_BENCH_TREE_10X !== '1') {
    line('tree ten times larger', 'LLMCOST_BENCH_TREE_10X=1');
    return;
  }
  const big = '.bench/agents/claude-10x';
  const bigMb = ensureTree(big, 2000);
  const r = timedRun(ours, { CLAUDE_CONFIG_DIR: big });
  line(`tree x10 (${(bigMb / 1024).toFixed(1)} GB): wall`, `${(r.ms / 1000).toFixed(1)} s`);
  line('  peak RSS llmcost', `${r.rssMb.toFixed(0)} MB`, '< 256 MB', r.rssMb < 256);
}
