import os from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../adapters/cli/load-config.ts';
import { runCli } from '../../adapters/cli/run-cli.ts';
import { connectSearchEngine } from '../../adapters/meili/search-engine.ts';
import { PodgrepError } from '../../src/errors.ts';
import { dryRun, runIndex } from './run-index.ts';

const USAGE = `Usage: npm run index [-- --dry-run | --rebuild] [--feed URL] [--verbose]

Indexes the episodes in EPISODES_DIR: transcribes what has no transcript yet and writes everything to the search engine.
  --dry-run   the episodes that would be transcribed, their minutes and the estimated cost (ten named, all of them
              with their minutes in DATA_DIR/dry-run.txt); send nothing
  --rebuild   index everything again into fresh indexes, swapped in atomically when complete (kept transcripts are reused)
  --feed URL  also index this RSS feed, this run only (repeatable; feeds.yml and FEEDS are read as always)
  --verbose   print every episode as it finishes (otherwise failures and transcriptions, and a progress line), and
              every episode, warning and failure in the summary (otherwise ten of each; all are in DATA_DIR/last-run.txt,
              or dry-run.txt)
Exit status: 0 when every episode was indexed, 1 when any failed, 2 on an error that stopped the run, 130 when stopped.`;

/**
 * Meilisearch's indexing is what a run waits for; podgrep's own work (reading files, cutting moments) keeps ahead of
 * it. At a lower priority that work takes the cores only when the engine (started before this, at its own priority)
 * and a web server on the same machine leave them: 1,000 episodes indexed in 30.0–35.9 s instead of 31.5–37.1 s, in three pairs of runs here (2026-12).
 * Children started later (ffmpeg) inherit it, which suits background work too.
 */
function yieldToEngine(): void {
  try {
    os.setPriority(Math.min(19, os.getPriority() + INDEXER_NICENESS));
  } catch {
    // Not allowed or not supported here: the run is only slower, never wrong.
  }
}

/** Added to the process's niceness (Unix; 10 is what `nice` adds by default). */
const INDEXER_NICENESS = 10;

/** `npm run index`: index EPISODES_DIR into the search engine. */
export async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        'dry-run': { type: 'boolean' },
        rebuild: { type: 'boolean' },
        feed: { type: 'string', multiple: true },
        verbose: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new PodgrepError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  if (values['dry-run']) {
    await dryRun(config, { feeds: values.feed ?? [], ...(values.verbose ? { verbose: true } : {}) });
    return 0;
  }
  const engine = await connectSearchEngine(config, (line) => console.log(line));
  yieldToEngine();
  const controller = new AbortController();
  process.once('SIGINT', () => {
    console.log('\nStopping: what is already transcribed is kept. (Ctrl-C again to quit at once.)');
    controller.abort();
    process.once('SIGINT', () => process.exit(130));
  });
  try {
    const report = await runIndex(config, engine, {
      signal: controller.signal,
      feeds: values.feed ?? [],
      ...(values.rebuild ? { rebuild: true } : {}),
      ...(values.verbose ? { verbose: true } : {}),
    });
    return report.stopped ? 130 : report.failed.length ? 1 : 0;
  } finally {
    await engine.stop();
  }
}

if (import.meta.main) await runCli(main);
