import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { openUrl } from '../../adapters/net/http-download.ts';
import { addressGuard, type GuardOptions } from '../../adapters/net/url-guard.ts';
import { AudioError } from '../../src/errors.ts';

/** Largest feed downloaded: a feed of 5,000 items with full HTML show notes is about 30 MB. */
export const MAX_FEED_BYTES = 100 * 1024 * 1024;

/** What a feed's last successful read left in DATA_DIR/feeds: its validators and the slugs of its items. */
export type FeedState = { url: string; etag?: string; lastModified?: string; finalUrl?: string; slugs: string[] };

export type FetchedFeed = {
  file: string;
  finalUrl: string;
  unchanged: boolean;
  state: FeedState | undefined;
  commit(state: Omit<FeedState, 'url'>): Promise<void>;
};

/**
 * Downloads a feed through the guarded download audio uses (no private addresses unless ALLOW_PRIVATE_URLS=1, checked
 * redirects, timeouts, a size cap) into DATA_DIR/feeds, revalidating the copy kept from the last run with ETag /
 * Last-Modified: a 304 reads the kept copy again. The body goes to disk, never into memory whole.
 */
export async function fetchFeed(url: string, dir: string, options: GuardOptions & { signal?: AbortSignal }): Promise<FetchedFeed> {
  await fs.mkdir(dir, { recursive: true });
  const base = path.join(dir, createHash('sha256').update(url).digest('hex').slice(0, 32));
  const stateFile = `${base}.json`;
  const kept = `${base}.xml`;
  const state = await readState(stateFile, url);
  const haveCopy =
    state !== undefined &&
    (await fs.stat(kept).then(
      (stat) => stat.isFile(),
      () => false,
    ));
  const headers: Record<string, string> = {};
  if (haveCopy && state.etag) headers['if-none-match'] = state.etag;
  if (haveCopy && state.lastModified) headers['if-modified-since'] = state.lastModified;
  const reply = await openUrl(url, {
    what: 'feed',
    connectTimeoutMs: 15_000,
    idleTimeoutMs: 30_000,
    maxRedirects: 10,
    maxBytes: MAX_FEED_BYTES,
    limitName: 'for feeds',
    headers,
    signal: options.signal,
    guard: addressGuard(options),
  });
  const commit = async (next: Omit<FeedState, 'url'>) => {
    const temporary = `${stateFile}.${process.pid}.tmp`;
    await fs.writeFile(temporary, JSON.stringify({ url, ...next }));
    await fs.rename(temporary, stateFile);
  };
  if (reply.status === 304 && haveCopy) {
    await reply.discard();
    const finalUrl = state.finalUrl ?? reply.finalUrl;
    const validators = { etag: state.etag, lastModified: state.lastModified, finalUrl };
    return { file: kept, finalUrl, unchanged: true, state, commit: (next) => commit({ ...next, ...validators }) };
  }
  if (reply.status < 200 || reply.status > 299) {
    await reply.discard();
    throw new AudioError(`answered HTTP ${`${reply.status} ${reply.statusText}`.trim()}`);
  }
  const temporary = `${base}.${process.pid}.download`;
  await fs.rm(temporary, { force: true });
  try {
    await reply.save(temporary);
    await fs.rename(temporary, kept);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  const validators = {
    etag: reply.headers.get('etag') ?? undefined,
    lastModified: reply.headers.get('last-modified') ?? undefined,
    finalUrl: reply.finalUrl,
  };
  return {
    file: kept,
    finalUrl: reply.finalUrl,
    unchanged: false,
    state,
    commit: (next) => commit({ ...next, ...validators }),
  };
}

async function readState(file: string, url: string): Promise<FeedState | undefined> {
  try {
    const state = JSON.parse(await fs.readFile(file, 'utf8')) as FeedState;
    return state.url === url && Array.isArray(state.slugs) ? state : undefined;
  } catch {
    return undefined;
  }
}

/** The slugs a feed had when it was last read: kept in the index while the feed cannot be read. */
export async function lastSlugs(url: string, dir: string): Promise<string[]> {
  const base = path.join(dir, createHash('sha256').update(url).digest('hex').slice(0, 32));
  return (await readState(`${base}.json`, url))?.slugs ?? [];
}
