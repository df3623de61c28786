import { spawnSync } from 'node:child_process';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { writeOpenAiLog } from './logs.js';
import { BIN, line, median, peakRssMb } from './timing.js';

const MB = 1024 * 1024;
/** Loop and analyze runs, alternating. */
const PAIRS = Number(process.env.LLMCOST_BENCH_PAIRS ?? 3);

function timed(args: string[]): { ms: number; stdout: string } {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`llmcost ${args.join(' ')}: ${r.stderr}`);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, stdout: r.stdout };
}

function catMbPerSec(path: string): number {
  const start = process.hrtime.bigint();
  spawnSync('bash', ['-c', `cat "${path}" > /dev/null`]);
  return statSync(path).size / MB / (Number(process.hrtime.bigint() - start) / 1e9);
}

/** The reference: a process that reads the file in 1 MB chunks, splits lines and JSON.parses each. */
const LOOP = `const fs = require('node:fs'); let rest = '', n = 0;
const s = fs.createReadStream(process.argv[1], { highWaterMark: 1 << 20 });
s.on('data', (c) => { const lines = (rest + c.toString('utf8')).split('\\n'); rest = lines.pop();
  for (const l of lines) if (l) n += JSON.parse(l).usage ? 1 : 0; });
s.on('end', () => console.log(n));`;

function parseLoopMbPerSec(path: string): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['-e', LOOP, path], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`JSON.parse loop failed: ${r.stderr}`);
  return statSync(path).size / MB / (Number(process.hrtime.bigint() - start) / 1e9);
}

export async function benchAnalyze(): Promise<void> {
  const dir = '.bench/analyze';
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'openai-1gb.jsonl');
  const gz = `${log}.gz`;
  const size = Number(process.env.LLMCOST_BENCH_LOG_MB ?? 1024) * MB;
  if (!existsSync(log) || Math.abs(statSync(log).size - size) > 64 * MB) {
    console.log(
      `\n(generating ${(size / MB).toFixed(0)} MB of OpenAI-style usage records in ${log} ...)`,
    );
    await writeOpenAiLog(log, size);
    rmSync(gz, { force: true });
  }
  if (!existsSync(gz))
    await pipeline(createReadStream(log), createGzip({ level: 6 }), createWriteStream(gz));
  const bytes = statSync(log).size;

  console.log('\n# analyze: whole CLI, one process');
  line('raw read: cat > /dev/null', `${catMbPerSec(log).toFixed(0)} MB/s`);
  // The loop and analyze alternate, PAIRS times: the machine's speed drifts (up to 40%), so one of each
  // measured minutes apart gave ratios from 1.03x to 1.45x on the same build. Medians of each, and the
  // ratio of the medians.
  const loops: number[] = [];
  const runs: { ms: number; stdout: string }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    loops.push(parseLoopMbPerSec(log));
    runs.push(timed(['analyze', log, '--json']));
  }
  const loop = median([...loops]);
  line(`plain JSON.parse loop, one thread (median of ${PAIRS})`, `${loop.toFixed(0)} MB/s`);
  const plain = runs.sort((a, b) => a.ms - b.ms)[Math.floor(PAIRS / 2)]!;
  const records = JSON.parse(plain.stdout).summary.records as number;
  const rate = bytes / MB / (plain.ms / 1000);
  line(
    `analyze ${(bytes / MB).toFixed(0)} MB JSONL (median of ${PAIRS})`,
    `${rate.toFixed(0)} MB/s`,
    '>= 240 MB/s',
    rate >= 240,
  );
  const each = runs.map((r) => bytes / MB / (r.ms / 1000));
  line('  against the plain loop', `${(rate / loop).toFixed(2)}x`);
  line('  each run', each.map((r) => r.toFixed(0)).join(', ') + ' MB/s');
  line('records per second', `${Math.round(records / (plain.ms / 1000)).toLocaleString('en-US')}`);
  line('  threads used', String(JSON.parse(plain.stdout).threads));
  const single = timed(['analyze', log, '--threads', '1', '--json']);
  line('  the same on one thread', `${(bytes / MB / (single.ms / 1000)).toFixed(0)} MB/s`);
  const zipped = timed(['analyze', gz, '--json']);
  const zrate = bytes / MB / (zipped.ms / 1000);
  line(
    `analyze the same, gzip (${(statSync(gz).size / MB).toFixed(0)} MB on disk)`,
    `${zrate.toFixed(0)} MB/s`,
    '>= 60 MB/s',
    zrate >= 60,
  );
  const same =
    JSON.stringify(JSON.parse(zipped.stdout).summary) ===
    JSON.stringify(JSON.parse(plain.stdout).summary);
  line('gzip and plain results identical', same ? 'yes' : 'NO', undefined, same);
  const rss = peakRssMb(['analyze', log, '--by', 'day,model', '--top', '10']);
  line('peak RSS, --by day,model --top 10', `${rss.toFixed(0)} MB`, '< 256 MB', rss < 256);
}
