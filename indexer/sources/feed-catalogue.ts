import path from 'node:path';
import type { Config } from '../../src/config/config.ts';
import { EpisodeError } from '../../src/errors.ts';
import { type FeedSource, feedUrl, mergeFeedSources } from '../../src/feed/feed-list.ts';
import type { Catalogue } from './read-episodes.ts';
import { readFeedList, readFeeds } from './read-feeds.ts';

/**
 * Adds the episodes of every feed (feeds.yml in EPISODES_DIR, FEEDS, and `--feed` URLs) to the catalogue read from
 * the Markdown files, so the pipeline sees one list. A slug both a file and a feed item claim is the file's.
 */
export async function withFeeds(
  catalogue: Catalogue,
  config: Config,
  options: { extra?: string[]; signal?: AbortSignal; log?: (line: string) => void } = {},
): Promise<Catalogue & { feedWarnings: string[] }> {
  let listed: FeedSource[] = [];
  try {
    listed = await readFeedList(config.episodesDir);
  } catch (error) {
    catalogue.failures.push(error instanceof EpisodeError ? error : new EpisodeError('feeds.yml', String(error)));
  }
  const toSource = (url: string): FeedSource[] => {
    const checked = feedUrl(url);
    if (!checked) catalogue.failures.push(new EpisodeError(`feed ${url}`, 'is not an http(s) URL'));
    return checked ? [{ url: checked }] : [];
  };
  const sources = mergeFeedSources(listed, config.feeds.flatMap(toSource), (options.extra ?? []).flatMap(toSource));
  if (sources.length === 0) return { ...catalogue, feedWarnings: [] };
  const feeds = await readFeeds(sources, {
    dir: path.join(config.dataDir, 'feeds'),
    allowPrivateUrls: config.allowPrivateUrls,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const taken = new Set(catalogue.slugs.map((slug) => slug.toLowerCase()));
  const warnings = [...feeds.warnings];
  const episodes = feeds.episodes.filter((item) => {
    if (!taken.has(item.episode.slug.toLowerCase())) return (taken.add(item.episode.slug.toLowerCase()), true);
    warnings.push(`${item.file}: the slug "${item.episode.slug}" is already an episode file's; the item is left out`);
    return false;
  });
  return {
    ...catalogue,
    episodes: [...catalogue.episodes, ...episodes],
    failures: [...catalogue.failures, ...feeds.failures],
    slugs: [...catalogue.slugs, ...feeds.slugs],
    feedWarnings: warnings,
  };
}
