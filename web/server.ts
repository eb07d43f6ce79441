import type { Server } from 'node:http';
import { loadConfig } from '../adapters/cli/load-config.ts';
import { runCli } from '../adapters/cli/run-cli.ts';
import { meiliClient } from '../adapters/meili/meili-client.ts';
import { meiliSearch } from '../adapters/meili/meili-search.ts';
import { connectSearchEngine, type SearchEngine } from '../adapters/meili/search-engine.ts';
import { searchOnlyKey } from '../adapters/meili/search-key.ts';
import type { Config } from '../src/config/config.ts';
import { indexNames } from '../src/documents/index-settings.ts';
import { createApp } from './app.ts';

/** Listens with the app and stops cleanly on SIGTERM/SIGINT: no new connections, in-flight requests finish, engine stops. */
export async function serve(config: Config, engine: SearchEngine, log: (line: string) => void): Promise<Server> {
  // The master key only sets up: requests are served with a key that can search podgrep's indexes and nothing more.
  const key = engine.isMaster ? await searchOnlyKey(meiliClient(engine), config.meili.indexPrefix) : engine.apiKey;
  // Searches must answer in milliseconds; a search engine that takes 10 s is as good as down.
  const client = meiliClient({ host: engine.host, apiKey: key }, 10_000);
  const app = createApp({
    search: meiliSearch(client, indexNames(config.meili.indexPrefix)),
    episodesDir: config.episodesDir,
    audioDirs: config.audioDirs,
    rateLimit: config.rateLimit,
    trustProxy: config.trustProxy,
    log,
  });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(config.port, config.host, (error?: Error) => (error ? reject(error) : resolve(listening)));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`podgrep is serving http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/`);
  const shutdown = (signal: string) => {
    log(`${signal}: stopping…`);
    server.close(() => void engine.stop().then(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  return server;
}

/** `npm run serve`: the page only, over whatever is indexed. */
export async function main(): Promise<void> {
  const config = loadConfig();
  const log = (line: string) => console.log(line);
  await serve(config, await connectSearchEngine(config, log), log);
}

if (import.meta.main) await runCli(main);
