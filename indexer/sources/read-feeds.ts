import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { GuardOptions } from '../../adapters/net/url-guard.ts';
import { EpisodeError } from '../../src/errors.ts';
import { type FeedEpisode, feedEpisode, slugOf } from '../../src/feed/feed-episode.ts';
import { type FeedSource, parseFeedList } from '../../src/feed/feed-list.ts';
import { type FeedItem, feedReader } from '../../src/feed/feed-xml.ts';
import { fetchFeed, lastSlugs } from './fetch-feed.ts';
import type { EpisodeFile } from './read-episodes.ts';

/** Bumped when the item → episode mapping changes, so every feed item is indexed again. */
const FEED_MAPPING_VERSION = 1;

export type FeedCatalogue = {
  episodes: EpisodeFile[];
  /** One per feed that could not be read: the line that names it. */
  failures: EpisodeError[];
  /** Every slug to keep: the items read, and those of a feed that could not be read this time. */
  slugs: string[];
  warnings: string[];
};

/** `feeds.yml` (or `.yaml`) in the episodes folder, if there is one. */
export async function readFeedList(dir: string): Promise<FeedSource[]> {
  for (const name of ['feeds.yml', 'feeds.yaml']) {
    const file = path.join(dir, name);
    const text = await fsp.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw new EpisodeError(file, `cannot be read: ${error.message}`, { cause: error });
    });
    if (text !== undefined) return parseFeedList(file, text);
  }
  return [];
}

export type FeedOptions = GuardOptions & {
  /** DATA_DIR/feeds: each feed's kept copy and validators. */
  dir: string;
  signal?: AbortSignal;
  log?: (line: string) => void;
};

/**
 * Every feed's items as episodes, one feed at a time (a feed is one download; its items' audio and transcripts are
 * fetched later by the pipeline, only for items that changed). A feed that cannot be read is one failure naming it;
 * its episodes indexed before are kept, not removed.
 */
export async function readFeeds(sources: FeedSource[], options: FeedOptions): Promise<FeedCatalogue> {
  const catalogue: FeedCatalogue = { episodes: [], failures: [], slugs: [], warnings: [] };
  for (const source of sources) {
    options.signal?.throwIfAborted();
    try {
      const read = await readFeed(source, options);
      catalogue.episodes.push(...read.episodes);
      catalogue.slugs.push(...read.episodes.map((item) => item.episode.slug));
      catalogue.warnings.push(...read.warnings);
      options.log?.(`Feed ${source.url}: ${read.episodes.length} episode(s)${read.unchanged ? ' (unchanged since the last run)' : ''}`);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      // Download errors name the feed already; the line names it once.
      const reason = (error instanceof Error ? error.message : String(error)).replace(`feed ${source.url} `, '');
      catalogue.failures.push(new EpisodeError(`feed ${source.url}`, `${reason}; its episodes indexed before are kept`, { cause: error }));
      catalogue.slugs.push(...(await lastSlugs(source.url, options.dir)));
    }
  }
  return catalogue;
}

async function readFeed(source: FeedSource, options: FeedOptions) {
  const fetched = await fetchFeed(source.url, options.dir, options);
  const episodes: EpisodeFile[] = [];
  const warnings: string[] = [];
  const guids = new Set<string>();
  const slugs = new Set<string>();
  const reader = feedReader((item) => {
    if (source.limit !== undefined && episodes.length >= source.limit) return;
    const made = itemEpisode(item, source, fetched.finalUrl, reader.channel, warnings);
    if (!made) return;
    if (guids.has(made.guid))
      return void warnings.push(
        `feed ${source.url}: item ${item.number} ("${made.title.slice(0, 60)}") repeats the guid ${JSON.stringify(made.guid.slice(0, 80))} of an item above; only the first is indexed`,
      );
    guids.add(made.guid);
    let slug = slugOf(made.podcast, made.guid);
    // Two guids that read the same once made URL-safe ("A/1" and "a-1"): the later one gets its hash.
    if (slugs.has(slug)) slug = `${slug}-${createHash('sha256').update(made.guid).digest('hex').slice(0, 8)}`;
    slugs.add(slug);
    made.slug = slug;
    episodes.push({
      file: `feed ${source.url} item ${item.number} ("${made.title.slice(0, 60)}")`,
      episode: made,
      transcriptFile: undefined,
      // Not the item's position: a new episode on top of the feed must not make every other item look changed.
      sourceHash: createHash('sha256')
        .update(
          JSON.stringify({
            item: { ...item, number: 0 },
            slug,
            podcast: made.podcast,
            feed: fetched.finalUrl,
            version: FEED_MAPPING_VERSION,
          }),
        )
        .digest('hex'),
    });
  });
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of fs.createReadStream(fetched.file, { highWaterMark: 256 * 1024 })) {
    options.signal?.throwIfAborted();
    reader.write(decoder.decode(chunk as Buffer, { stream: true }));
  }
  reader.write(decoder.decode());
  reader.close();
  await fetched.commit({ slugs: [...slugs] });
  return { episodes, warnings, unchanged: fetched.unchanged };
}

function itemEpisode(
  item: FeedItem,
  source: FeedSource,
  feedUrl: string,
  channel: ReturnType<typeof feedReader>['channel'],
  warnings: string[],
): FeedEpisode | undefined {
  try {
    const episode = feedEpisode(item, { feedUrl, podcast: source.podcast, channel });
    if (!episode.audioUrl)
      warnings.push(
        `feed ${source.url}: item ${item.number} ("${episode.title.slice(0, 60)}") has no <enclosure> with an http(s) URL; its show notes are indexed, without audio`,
      );
    return episode;
  } catch (error) {
    warnings.push(`feed ${source.url}: ${(error as Error).message}; the item is left out`);
    return undefined;
  }
}
