import { Meilisearch, type EnqueuedTaskPromise } from 'meilisearch';
import { SearchEngineError } from '../src/errors.ts';

export type MeiliConnection = { host: string; apiKey: string | undefined };

/**
 * The one place a Meilisearch client is made. Node's fetch asks for a compressed answer by default, and decompressing
 * it made each search on loopback take ~45 ms instead of ~3 ms (FACTS.md); asking for `identity` avoids that.
 */
export function meiliClient({ host, apiKey }: MeiliConnection, timeoutMs = 30_000): Meilisearch {
  return new Meilisearch({
    host,
    ...(apiKey ? { apiKey } : {}),
    timeout: timeoutMs,
    requestInit: { headers: { 'accept-encoding': 'identity' } },
    // Indexing a large episode can take Meilisearch longer than the client's default 5 s wait.
    defaultWaitOptions: { timeout: 10 * 60_000, interval: 50 },
  });
}

/** Waits for a task and turns a failed one into an error carrying Meilisearch's own reason. */
export async function settled(what: string, task: EnqueuedTaskPromise): Promise<void> {
  const done = await task.waitTask();
  if (done.status !== 'succeeded') {
    const reason = done.error ? `${done.error.message} (${done.error.code})` : `task ${done.status}`;
    throw new SearchEngineError(`Meilisearch could not ${what}: ${reason}`, { cause: done.error });
  }
}
