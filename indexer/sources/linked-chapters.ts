import { openUrl } from '../../adapters/net/http-download.ts';
import { addressGuard } from '../../adapters/net/url-guard.ts';
import { parseChaptersJson } from '../../src/episode/chapters.ts';
import type { FeedEpisode } from '../../src/feed/feed-episode.ts';
import type { EpisodeFile } from './read-episodes.ts';

const MAX_CHAPTERS_BYTES = 5 * 1024 * 1024;

/**
 * Fetches the item's `podcast:chapters` file, only for an episode being indexed (an unchanged one is skipped before
 * this), through the guarded download. Its chapters replace those found in the show notes; a file that cannot be had
 * is a warning: the episode keeps the notes' chapters, or none.
 */
export async function addLinkedChapters(
  item: EpisodeFile,
  options: { signal: AbortSignal | undefined; allowPrivateUrls: boolean; warn: (line: string) => void },
): Promise<void> {
  const episode = item.episode as Partial<FeedEpisode>;
  const url = episode.chaptersUrl;
  if (!url) return;
  try {
    const reply = await openUrl(url, {
      what: 'chapters',
      connectTimeoutMs: 15_000,
      idleTimeoutMs: 30_000,
      maxRedirects: 10,
      maxBytes: MAX_CHAPTERS_BYTES,
      limitName: 'for chapters',
      headers: {},
      signal: options.signal,
      guard: addressGuard({ allowPrivateUrls: options.allowPrivateUrls }),
    });
    if (reply.status < 200 || reply.status > 299) {
      await reply.discard();
      throw new Error(`chapters ${url} answered HTTP ${reply.status}`);
    }
    item.episode.chapters = parseChaptersJson(url, await reply.text());
  } catch (error) {
    if (options.signal?.aborted) throw error;
    options.warn(`${item.file}: ${(error as Error).message}; indexed without these chapters`);
  }
}
