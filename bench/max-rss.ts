// Loaded with `node --import` into a process the benchmark runs, to report its peak memory when it exits.
process.on('exit', () => process.stderr.write(`\nmax-rss-kb ${process.resourceUsage().maxRSS}\n`));
