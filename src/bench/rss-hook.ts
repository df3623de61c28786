/** Loaded with `node --import` by the benchmarks: reports the process's peak RSS when it exits. */
process.on('exit', () => {
  process.stderr.write(`peak-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
