import { loadConfig } from './load-config.ts';
import { runIndex } from './run-index.ts';
import { runCli } from './run-cli.ts';
import { connectSearchEngine } from './search-engine.ts';

/** `npm run index`: index EPISODES_DIR into the search engine; exit status 1 when any episode failed. */
async function main(): Promise<number> {
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const engine = await connectSearchEngine(config, log);
  const controller = new AbortController();
  process.once('SIGINT', () => {
    log('Stopping: finishing what is in flight…');
    controller.abort();
  });
  try {
    const report = await runIndex(config, engine, log, controller.signal);
    return report.failed.length ? 1 : 0;
  } finally {
    await engine.stop();
  }
}

if (import.meta.main) await runCli(main);
