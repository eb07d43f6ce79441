import type { MultiSearchQuery } from 'meilisearch';
import { BadRequestError } from './errors.ts';
import { EPISODE_SETTINGS, type IndexNames } from './index-settings.ts';

/** Characters Meilisearch puts around matches. Control characters, so no real text is mistaken for them. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 50;
export const EPISODES_PER_PAGE = 10;

/** How many hits of each kind are read to rank episodes; results past these are not shown. */
const EPISODE_HITS = 200;
const MOMENT_HITS = 1000;

export type SearchQuery = { q: string; page: number };

/** Checks what a client sent; throws BadRequestError with a message meant for that client. */
export function parseSearchQuery(input: { q?: unknown; page?: unknown }): SearchQuery {
  const q = typeof input.q === 'string' ? input.q.trim() : '';
  if (!q) throw new BadRequestError('Type something to search for: the query "q" is empty.');
  if (q.length > MAX_QUERY_LENGTH) {
    throw new BadRequestError(`The query is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed.`);
  }
  const rawPage = input.page === undefined || input.page === '' ? '1' : input.page;
  const page = typeof rawPage === 'string' && /^\d{1,4}$/.test(rawPage) ? Number(rawPage) : NaN;
  if (!(page >= 1 && page <= MAX_PAGE)) {
    throw new BadRequestError(`"page" must be a whole number from 1 to ${MAX_PAGE}.`);
  }
  return { q, page };
}

/**
 * One multi-search: show notes and transcript moments are searched side by side, then grouped by episode in
 * search-results.ts. Grouping needs the moments of every episode on the page, so hits are over-fetched rather than
 * paged by the engine.
 */
export function searchRequests(query: SearchQuery, names: IndexNames): MultiSearchQuery[] {
  const common = {
    q: query.q,
    highlightPreTag: MATCH_START,
    highlightPostTag: MATCH_END,
    showRankingScore: true,
  };
  return [
    {
      ...common,
      indexUid: names.episodes,
      limit: EPISODE_HITS,
      attributesToRetrieve: ['slug', 'title', 'podcast', 'date', 'episodeNumber'],
      attributesToHighlight: EPISODE_SETTINGS.searchableAttributes ?? ['*'],
      showMatchesPosition: true,
    },
    {
      ...common,
      indexUid: names.moments,
      limit: MOMENT_HITS,
      attributesToRetrieve: ['slug', 'title', 'podcast', 'date', 'episodeNumber', 'start', 'end', 'wordOffsets', 'wordStarts'],
      attributesToHighlight: ['text'],
    },
  ];
}
