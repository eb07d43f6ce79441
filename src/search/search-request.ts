import type { MultiSearchQuery } from 'meilisearch';
import { EPISODE_SEARCHABLE, FACETS, type Facet, type IndexNames } from '../documents/index-settings.ts';
import { BadRequestError } from '../errors.ts';
import { oneLine } from '../terminal-text.ts';
import { filterValue } from './filter.ts';

/** Characters Meilisearch puts around matches. Control characters, so no real text is mistaken for them. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 50;
export const EPISODES_PER_PAGE = 10;
/** Values of one facet a query may ask for at once. */
export const MAX_FILTER_VALUES = 10;
const MAX_FILTER_LENGTH = 200;

export type Sort = 'relevance' | 'newest';
export type Filters = Partial<Record<Facet, string[]>>;
export type SearchQuery = {
  q: string;
  page: number;
  filters: Filters;
  sort: Sort;
  /** One episode only (the research view's drill-down), with all its matching moments rather than the best three. */
  episode?: string;
};

type Input = Record<string, unknown>;

/** Checks what a client sent; throws BadRequestError with a message meant for that client. */
export function parseSearchQuery(input: Input): SearchQuery {
  // Control characters are no words (and \u0002/\u0003 are the match markers): `q=%00` is an empty query, not "all".
  const q = queryText(input.q);
  if (!q) throw new BadRequestError('Type something to search for: the query "q" is empty.');
  if (q.length > MAX_QUERY_LENGTH) {
    throw new BadRequestError(`The query is ${q.length} characters long; at most ${MAX_QUERY_LENGTH} are allowed.`);
  }
  const rawPage = input.page === undefined || input.page === '' ? '1' : input.page;
  const page = typeof rawPage === 'string' && /^\d{1,4}$/.test(rawPage) ? Number(rawPage) : NaN;
  if (!(page >= 1 && page <= MAX_PAGE)) {
    throw new BadRequestError(`"page" must be a whole number from 1 to ${MAX_PAGE}.`);
  }
  const sort = input.sort === undefined || input.sort === '' ? 'relevance' : input.sort;
  if (sort !== 'relevance' && sort !== 'newest') throw new BadRequestError('"sort" must be "relevance" or "newest".');
  const episode = input.episode === undefined || input.episode === '' ? undefined : input.episode;
  if (episode !== undefined && (typeof episode !== 'string' || episode.length > MAX_FILTER_LENGTH)) {
    throw new BadRequestError(`"episode" must be an episode's slug.`);
  }
  return { q, page, filters: parseFilters(input), sort, ...(episode ? { episode } : {}) };
}

/** The query as it is searched: one line, trimmed, without control characters; '' when there is none. */
export function queryText(raw: unknown): string {
  return typeof raw === 'string' ? oneLine(raw).trim() : '';
}

function parseFilters(input: Input): Filters {
  const filters: Filters = {};
  for (const facet of Object.keys(FACETS) as Facet[]) {
    const raw = input[facet];
    if (raw === undefined || raw === '') continue;
    const values = (Array.isArray(raw) ? raw : [raw]).filter((value) => value !== '');
    if (!values.every((value): value is string => typeof value === 'string' && value.length <= MAX_FILTER_LENGTH)) {
      throw new BadRequestError(`"${facet}" must be text of at most ${MAX_FILTER_LENGTH} characters.`);
    }
    if (values.length > MAX_FILTER_VALUES) throw new BadRequestError(`At most ${MAX_FILTER_VALUES} values of "${facet}" at once.`);
    if (facet === 'year' && !values.every((value) => /^\d{4}$/.test(value)))
      throw new BadRequestError('"year" must be a year such as 2019.');
    filters[facet] = [...new Set(values)];
  }
  return filters;
}

/**
 * The filter expression: values of one facet are alternatives, facets narrow each other. Every value is a quoted,
 * escaped literal (filter.ts), so nothing from the query string can change the expression itself.
 */
export function filterExpression(filters: Filters, episode?: string): string | undefined {
  const parts = (Object.keys(filters) as Facet[]).flatMap((facet) => {
    const values = filters[facet] ?? [];
    if (values.length === 0) return [];
    const literals = facet === 'year' ? values.map(Number) : values.map(filterValue);
    return [`${FACETS[facet]} IN [${literals.join(', ')}]`];
  });
  if (episode !== undefined) parts.push(`slug = ${filterValue(episode)}`);
  return parts.length ? parts.join(' AND ') : undefined;
}

/** Fields every hit brings back, so results and their facet counts need no second lookup (generic over FACETS). */
const SUMMARY_FIELDS = ['slug', 'title', 'podcast', 'date', 'episodeNumber', ...new Set(Object.values(FACETS))];

/**
 * Moment hits read per page of results, grouped by episode here (search-results.ts) and shown. The engine highlights
 * each one, and that is most of a search's cost (~80 µs a hit at 10,000 episodes: 100 hits took 13 ms, 30 took 5.5,
 * 20 as long as a plain search, ~4.5 ms; BENCHMARKS.md). Twenty is two moments for each of ten episodes, or three for
 * the best ones: Meilisearch returns equally good moments an episode's together (newest episode first).
 * Asking the engine to group by episode instead (`distinct: slug`) cost three plain searches at 10,000 episodes.
 */
export const MOMENT_HITS = 20;
/** Notes hits read per page of results: the ten best notes matches are all a page can show. */
export const NOTES_HITS = 10;
/** Moments shown per episode; more would bury the next episode. */
export const MOMENTS_PER_EPISODE = 3;
/** When one episode is asked for (the research view), all its matching moments are the point. */
const MOMENTS_IN_ONE_EPISODE = 100;

/** How many hits of each index a query reads: a later page reads further down both lists. */
export function searchLimits(query: SearchQuery): { notes: number; moments: number } {
  if (query.episode) return { notes: 1, moments: MOMENTS_IN_ONE_EPISODE };
  return { notes: NOTES_HITS * query.page, moments: MOMENT_HITS * query.page };
}

/**
 * A search is two queries, notes and moments, each highlighted, sent at once (adapters/meili/meili-search.ts) and grouped by
 * episode in search-results.ts. Sent as one multi-search, Meilisearch answers them one after the other (their times
 * add up); as two requests at once, it answers them side by side, so the search takes as long as the slower one.
 * Both use Meilisearch's default matching strategy (`last`): hits with every word of the query come first (the
 * `words` ranking rule), then hits that lack the last words, and each hit's score details say which it is — so one
 * answer holds the full matches, ranked as `matchingStrategy: 'all'` would rank them, and the partial ones after.
 *
 * Hits that are equally good by every ranking rule come newest first (`sort`, the last ranking rule, so it only breaks
 * ties): otherwise Meilisearch returns them in the order they were indexed, and a broad query's answer would hold the
 * first-indexed show's episodes only.
 *
 * What is not asked for, and why (measured at 1,000 and 10,000 episodes, BENCHMARKS.md): no third request for the
 * filters' counts (each extra search costs a millisecond of engine time or more on two cores, so the filters count over
 * the episodes these two answers found: facets.ts); no facet distribution (exact counts per episode would need
 * `distinct: slug`, 36 ms at 10,000 episodes; the episodes index's own distribution cost 3 ms for a common word); no
 * `slug` facet over every match (27 ms); no match positions (a pass over every attribute of every hit); no second
 * read for the shown episodes; no highlighted hit the page does not show.
 */
export function searchRequests(query: SearchQuery, names: IndexNames): MultiSearchQuery[] {
  const filter = filterExpression(query.filters, query.episode);
  const limits = searchLimits(query);
  const common = {
    q: query.q,
    showRankingScore: true,
    // Only a query of several words can match partly; the details cost the engine a little for every hit.
    ...(/\s/.test(query.q) ? { showRankingScoreDetails: true } : {}),
    highlightPreTag: MATCH_START,
    highlightPostTag: MATCH_END,
    sort: ['day:desc'],
    ...(filter ? { filter } : {}),
  };
  return [
    {
      ...common,
      indexUid: names.episodes,
      limit: limits.notes,
      attributesToRetrieve: [...SUMMARY_FIELDS, 'chapterStarts'],
      attributesToHighlight: EPISODE_SEARCHABLE,
    },
    {
      ...common,
      indexUid: names.moments,
      limit: limits.moments,
      attributesToRetrieve: [...SUMMARY_FIELDS, 'start', 'end', 'wordTimes', 'turns'],
      attributesToHighlight: ['text'],
    },
  ];
}

/**
 * The research view: how many moments of each episode match, in one request. Meilisearch counts them as the facet
 * distribution of `slug`, so no hit is transferred.
 */
export function timelineRequest(query: SearchQuery, names: IndexNames): MultiSearchQuery[] {
  const filter = filterExpression(query.filters);
  const common = { q: query.q, limit: 0, facets: ['slug'], ...(filter ? { filter } : {}) };
  return [
    { ...common, indexUid: names.moments },
    { ...common, indexUid: names.episodes },
  ];
}
