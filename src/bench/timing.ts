import { spawn, spawnSync } from 'node:child_process';

export const BIN = new URL('../../bin/llmcost.js', import.meta.url).pathname;

export const median = (times: number[]) =>
  times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;

/** Wall-clock milliseconds of one `node ...args` process, start to exit. */
export function wallMs(args: string[]): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * Median wall-clock milliseconds of each variant over `runs` runs (after one warm-up), the variants'
 * runs interleaved so a slow spell of the machine hits them all alike. A variant is one or more
 * `llmcost ...args` commands started at the same moment, timed until the last one exits.
 */
export async function medianRunsMs(variants: string[][][], runs: number): Promise<number[]> {
  const times = variants.map(() => [] as number[]);
  for (let i = 0; i <= runs; i++) {
    for (const [v, commands] of variants.entries()) {
      const ms = await runTogether(commands);
      if (i > 0) times[v]!.push(ms);
    }
  }
  return times.map(median);
}

async function runTogether(commands: string[][]): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all(
    commands.map(
      (args) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, [BIN, ...args], {
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
          child.on('error', reject);
          child.on('close', (code) =>
            code === 0 || code === 1
              ? resolve()
              : reject(new Error(`llmcost ${args.join(' ')} failed: ${stderr}`)),
          );
        }),
    ),
  );
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function runOnce(args: string[], input?: Buffer): number {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`llmcost ${args.join(' ')} failed: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Median wall-clock milliseconds of `node bin/llmcost.js ...args` over `runs` runs (after one warm-up). */
export function medianRunMs(args: string[], runs: number, input?: Buffer): number {
  const times: number[] = [];
  for (let i = 0; i <= runs; i++) {
    const ms = runOnce(args, input);
    if (i > 0) times.push(ms);
  }
  return median(times);
}

export function line(label: string, value: string, target?: string, pass?: boolean): void {
  const verdict = pass === undefined ? '' : pass ? '  ok' : '  MISSED';
  console.log(
    `${label.padEnd(48)} ${value.padStart(14)}${target ? `   target ${target}` : ''}${verdict}`,
  );
}

const RSS_HOOK = new URL('./rss-hook.js', import.meta.url).pathname;

/** Peak resident set size (MB) of one CLI run, read by a hook the run loads with --import. */
export function peakRssMb(args: string[], input?: Buffer): number {
  const r = spawnSync(process.execPath, ['--import', RSS_HOOK, BIN, ...args], {
    input,
    stdio: ['pipe', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  const m = /peak-rss-kb=(\d+)/.exec(r.stderr);
  if (!m?.[1]) throw new Error(`no RSS reading from llmcost ${args.join(' ')}: ${r.stderr}`);
  return Number(m[1]) / 1024;
}
