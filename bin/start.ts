import { loadConfig } from '../adapters/cli/load-config.ts';
import { runCli } from '../adapters/cli/run-cli.ts';
import { connectSearchEngine } from '../adapters/meili/search-engine.ts';
import { runIndex } from '../indexer/commands/run-index.ts';
import { serve } from '../web/server.ts';

/** `npm start`, the main job: search engine up, EPISODES_DIR indexed, page served. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  const engine = await connectSearchEngine(config, log);
  try {
    await runIndex(config, engine);
  } catch (error) {
    await engine.stop();
    throw error;
  }
  // Episodes that failed were reported above; the rest are searchable, so the page comes up anyway.
  await serve(config, engine, log);
}

if (import.meta.main) await runCli(main);
