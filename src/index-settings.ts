import type { Settings } from 'meilisearch';

export type IndexNames = { episodes: string; moments: string };

export function indexNames(prefix: string): IndexNames {
  return { episodes: `${prefix}-episodes`, moments: `${prefix}-moments` };
}

const FILTERABLE = ['slug', 'podcast', 'tags', 'people', 'day'];

/**
 * The order of searchable attributes is a ranking rule: a title match outranks a summary match, which outranks a
 * link label. Only features Meilisearch 1.21 has are used.
 */
export const EPISODE_SETTINGS: Settings = {
  searchableAttributes: ['title', 'summary', 'guests', 'panel', 'links', 'picks', 'tags', 'podcast', 'sponsors', 'otherNotes'],
  filterableAttributes: FILTERABLE,
  sortableAttributes: ['day', 'episodeNumber'],
};

export const MOMENT_SETTINGS: Settings = {
  searchableAttributes: ['text'],
  filterableAttributes: FILTERABLE,
  sortableAttributes: ['day', 'start'],
  // Over-fetching moments to group them by episode needs more than the default 1000 hits.
  pagination: { maxTotalHits: 5000 },
};

/** Bumped whenever the settings or document shapes change, so an index built the old way is rebuilt. */
export const SETTINGS_VERSION = 1;
