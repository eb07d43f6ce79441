import type { Config } from '../../src/config/config.ts';
import type { MeiliConnection } from './meili-client.ts';
import { startEmbeddedMeili } from './meili-server.ts';

export type SearchEngine = MeiliConnection & {
  description: string;
  /** Whether `apiKey` is the master key (and so can make the web server's search-only key). */
  isMaster: boolean;
  stop(): Promise<void>;
};

/** MEILI_HOST when set; otherwise podgrep's own Meilisearch under DATA_DIR. */
export async function connectSearchEngine(config: Config, log: (line: string) => void): Promise<SearchEngine> {
  const { host, masterKey, apiKey } = config.meili;
  if (host) return { host, apiKey: masterKey ?? apiKey, isMaster: masterKey !== undefined, description: host, stop: async () => {} };
  const embedded = await startEmbeddedMeili({ dataDir: config.dataDir, bin: config.meili.bin, log });
  return { ...embedded, isMaster: true, description: `embedded Meilisearch at ${embedded.host}` };
}
