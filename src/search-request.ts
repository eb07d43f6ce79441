import type { MultiSearchQuery } from 'meilisearch';
import { BadRequestError } from './errors.ts';
import { filterValue } from './filter.ts';
import { EPISODE_SEARCHABLE, FACETS, type Facet, type IndexNames } from './index-settings.ts';

/** Characters Meilisearch puts around matches. Control characters, so no real text is mistaken for them. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export const MAX_QUERY_LENGTH = 200;
export const MAX_PAGE = 50;
export const EPISODES_PER_PAGE = 10;
/** Values of one facet a query may ask for at once. */
export const MAX_FILTER_VALUES = 10;
const MAX_FILTER_LENGTH = 200;

/**
 * How many hits of each kind are read to rank episodes. Results past these are not shown: a catalogue where a term
 * comes up in more than 200 episodes' notes or 1000 moments pages through the strongest of them.
 */
const EPISODE_HITS = 200;
const MOMENT_HITS = 1000;

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
  const sort = input.sort === undefined || input.sort === '' ? 'relevance' : input.sort;
  if (sort !== 'relevance' && sort !== 'newest') throw new BadRequestError('"sort" must be "relevance" or "newest".');
  const episode = input.episode === undefined || input.episode === '' ? undefined : input.episode;
  if (episode !== undefined && (typeof episode !== 'string' || episode.length > MAX_FILTER_LENGTH)) {
    throw new BadRequestError(`"episode" must be an episode's slug.`);
  }
  return { q, page, filters: parseFilters(input), sort, ...(episode ? { episode } : {}) };
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
    if (facet === 'year' && !values.every((value) => /^\d{4}$/.test(value))) throw new BadRequestError('"year" must be a year such as 2019.');
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

/** Fields every hit brings back, so results and their facet counts need no second lookup. */
const SUMMARY_FIELDS = ['slug', 'title', 'podcast', 'date', 'episodeNumber', 'tags', 'people', 'year'];

/**
 * One multi-search: show notes and transcript moments side by side, grouped by episode in search-results.ts.
 *
 * Why over-fetch and group, rather than `distinct: slug` and then one search per episode for its moments: two round
 * trips whatever the page shows (distinct-then-per-episode costs 1 + 10 searches a page), ranking an episode by its
 * best hit of either kind keeps notes and moments in one order, and counting an episode's matching moments lets an
 * episode about a term outrank one that says it once. Reading up to 1000 moment hits is kept cheap by reading only
 * their ids here; the shown moments' text comes from momentRequest. Measured in BENCHMARKS.md.
 */
export function searchRequests(query: SearchQuery, names: IndexNames): MultiSearchQuery[] {
  const filter = filterExpression(query.filters, query.episode);
  const common = {
    q: query.q,
    highlightPreTag: MATCH_START,
    highlightPostTag: MATCH_END,
    showRankingScore: true,
    ...(filter ? { filter } : {}),
  };
  return [
    {
      ...common,
      indexUid: names.episodes,
      limit: EPISODE_HITS,
      attributesToRetrieve: SUMMARY_FIELDS,
      attributesToHighlight: EPISODE_SEARCHABLE,
      showMatchesPosition: true,
    },
    {
      // Ranking needs only which episode each moment belongs to; momentRequest reads the few that are shown.
      q: query.q,
      showRankingScore: true,
      ...(filter ? { filter } : {}),
      indexUid: names.moments,
      limit: MOMENT_HITS,
      attributesToRetrieve: ['id', ...SUMMARY_FIELDS],
    },
  ];
}

/** The second request: the text, highlights and word timings of the moments a page shows, by id. */
export function momentRequest(query: SearchQuery, ids: string[], names: IndexNames): MultiSearchQuery {
  return {
    indexUid: names.moments,
    q: query.q,
    filter: `id IN [${ids.map(filterValue).join(', ')}]`,
    limit: ids.length,
    attributesToRetrieve: ['id', 'slug', 'title', 'podcast', 'date', 'episodeNumber', 'start', 'end', 'wordOffsets', 'wordStarts'],
    attributesToHighlight: ['text'],
    highlightPreTag: MATCH_START,
    highlightPostTag: MATCH_END,
  };
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
