import { setTimeout as sleep } from 'node:timers/promises';
import { type EnqueuedTask, type EnqueuedTaskPromise, Meilisearch, MeilisearchRequestError } from 'meilisearch';
import { taskFailure, unreachable } from './engine-errors.ts';

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
    // A batch waits behind the ones sent before it, and Meilisearch indexes a large catalogue's queue at ~2,000
    // moments/s here: far past the client's default 5 s wait.
    defaultWaitOptions: { timeout: 60 * 60_000, interval: 50 },
  });
}

/**
 * How long the indexer keeps trying a Meilisearch that stopped answering (restarted, or briefly overloaded) before the
 * run fails: backoff from 0.5 s, about a minute in all.
 */
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];

/**
 * Enqueues a task (retrying while Meilisearch cannot be reached), waits for it (likewise: a restarted Meilisearch still
 * has its queue), and turns a failed task into an error carrying Meilisearch's own reason. Enqueueing twice after a
 * lost answer is harmless: every write podgrep makes replaces documents by id.
 */
export async function settled(client: Meilisearch, what: string, enqueue: () => EnqueuedTaskPromise): Promise<void> {
  await succeeded(client, await enqueued(client, [[what, enqueue]]));
}

/** Enqueues the steps in order, each once the one before was accepted (so Meilisearch runs them in this order,
 * batching what it can); resolves once it has accepted them all. */
export async function enqueued(client: Meilisearch, steps: [string, () => EnqueuedTaskPromise][]): Promise<[string, EnqueuedTask][]> {
  const tasks: [string, EnqueuedTask][] = [];
  for (const [what, enqueue] of steps) tasks.push([what, await reachable(client, what, () => enqueue())]);
  return tasks;
}

/** Waits for enqueued tasks; a failed one is an error with Meilisearch's own reason. */
export async function succeeded(client: Meilisearch, tasks: [string, EnqueuedTask][]): Promise<void> {
  for (const [what, task] of tasks) {
    const done = await reachable(client, what, () => client.tasks.waitForTask(task.taskUid));
    if (done.status !== 'succeeded') throw taskFailure(what, done);
  }
}

async function reachable<T>(client: Meilisearch, what: string, call: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      const delay = RETRY_DELAYS_MS[attempt];
      if (!(error instanceof MeilisearchRequestError) || delay === undefined) {
        throw error instanceof MeilisearchRequestError ? unreachable(client.config.host, what, error) : error;
      }
      await sleep(delay);
    }
  }
}
