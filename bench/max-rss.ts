// Loaded with `node --import` into a process the benchmark runs, to report its peak memory and CPU time when it exits.
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nmax-rss-kb ${usage.maxRSS} cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
