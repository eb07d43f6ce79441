import type { Settings } from 'meilisearch';

export type IndexNames = { episodes: string; moments: string };

export function indexNames(prefix: string): IndexNames {
  return { episodes: `${prefix}-episodes`, moments: `${prefix}-moments` };
}

/** What results can be narrowed by: the facets of the search page. */
export const FACETS = { podcast: 'podcast', tag: 'tags', year: 'year', person: 'people', speaker: 'speakers' } as const;
export type Facet = keyof typeof FACETS;

const FILTERABLE = ['slug', 'day', ...Object.values(FACETS)];

/**
 * Exactness comes right after typos: a short acronym such as "NIF" is also a prefix of "nifty", and Meilisearch's
 * default order (exactness last) would rank a title that says "nifty" above a summary that says "NIF".
 */
const RANKING_RULES = ['words', 'typo', 'exactness', 'proximity', 'attribute', 'sort'];

/** The order of searchable attributes is a ranking rule: a title match outranks a summary match, which outranks a link. */
export const EPISODE_SEARCHABLE = [
  'title',
  'label',
  'summary',
  'guests',
  'panel',
  'links',
  'picks',
  'tags',
  'podcast',
  'sponsors',
  'otherNotes',
  'chapters',
];

/** Only features Meilisearch 1.21 has are used. `synonyms` come from the glossary. */
export function episodeSettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: EPISODE_SEARCHABLE,
    filterableAttributes: FILTERABLE,
    sortableAttributes: ['day', 'episodeNumber'],
    rankingRules: RANKING_RULES,
    faceting: { maxValuesPerFacet: 100_000 },
    synonyms,
  };
}

export function momentSettings(synonyms: Record<string, string[]>): Settings {
  return {
    searchableAttributes: ['text'],
    filterableAttributes: FILTERABLE,
    sortableAttributes: ['day', 'start'],
    // Moments have one attribute, so `attribute` would rank only where in a 30-second chunk a word falls: an accident
    // of where the chunk was cut. Without it, equally good moments tie and search-results.ts breaks the tie.
    rankingRules: RANKING_RULES.filter((rule) => rule !== 'attribute'),
    synonyms,
    // Caps `estimatedTotalHits`; no read pages past 100 moments (search-request.ts).
    pagination: { maxTotalHits: 5000 },
    // The research view counts moments per episode as the facet distribution of `slug`: one value per episode.
    faceting: { maxValuesPerFacet: 100_000 },
  };
}
