import type { MultiSearchQuery } from 'meilisearch';
import { BadRequestError } from './errors.ts';
import { filterValue } from './filter.ts';
import { oneLine } from './terminal-text.ts';
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
  const q = typeof input.q === 'string' ? oneLine(input.q).trim() : '';
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
const SUMMARY_FIELDS = ['slug', 'title', 'podcast', 'date', 'episodeNumber', 'tags', 'people', 'speakers', 'year'];

/**
 * Notes hits read to rank episodes. 200 cost a broad query ~6 ms at 1,000 episodes against ~3.5 ms for 100
 * (measured here); episodes further down are counted (search-results.ts) but, like those past MOMENT_EPISODES, not
 * ranked.
 */
const EPISODE_HITS = 100;
/** Episodes whose best moment is read to rank them; further matching episodes are counted but not ranked. */
const MOMENT_EPISODES = 100;
/** Moments shown per episode; more would bury the next episode. */
export const MOMENTS_PER_EPISODE = 3;
/** When one episode is asked for (the research view), all its matching moments are the point. */
const MOMENTS_IN_ONE_EPISODE = 100;

/**
 * A search is two multi-searches. The first ranks: notes hits, each episode's best moment (`distinct: slug`) and the
 * number of matching moments per episode (the facet distribution of `slug`), without highlighting. The second reads
 * what the page shows: the notes snippets and the best moments of its ten episodes, one query per episode.
 *
 * Why: on 30,000 moments (measured here with bench/catalogue.ts), Meilisearch took ~40 ms to rank the 1,000 best
 * moments of a common word, 5 ms for the best moment of each of 100 episodes, and 2 ms to count matches per episode;
 * highlighting 200 notes hits cost 10 ms against 3 ms without. Over-fetching moments and grouping them here was the
 * first design; it made every search pay for hits no page shows. Each part, timed alone at 100k moments, is in
 * BENCHMARKS.md ("Where a search's time goes", regenerated by `npm run bench`).
 */
export function searchRequests(query: SearchQuery, names: IndexNames): MultiSearchQuery[] {
  const filter = filterExpression(query.filters, query.episode);
  const common = { q: query.q, showRankingScore: true, ...(filter ? { filter } : {}) };
  return [
    { ...common, indexUid: names.episodes, limit: EPISODE_HITS, attributesToRetrieve: SUMMARY_FIELDS },
    { ...common, indexUid: names.moments, limit: MOMENT_EPISODES, distinct: 'slug', attributesToRetrieve: SUMMARY_FIELDS },
    // Counted apart: with `distinct`, Meilisearch counts one document per episode in the facet distribution.
    { q: query.q, ...(filter ? { filter } : {}), indexUid: names.moments, limit: 0, facets: ['slug'] },
  ];
}

/** The second multi-search: notes snippets (for the shown episodes that matched by notes) and each one's moments. */
export function detailRequests(query: SearchQuery, shown: string[], withNotes: string[], names: IndexNames): MultiSearchQuery[] {
  const highlight = { highlightPreTag: MATCH_START, highlightPostTag: MATCH_END };
  const notes: MultiSearchQuery[] = withNotes.length
    ? [
        {
          indexUid: names.episodes,
          q: query.q,
          filter: `slug IN [${withNotes.map(filterValue).join(', ')}]`,
          limit: withNotes.length,
          attributesToRetrieve: ['slug', 'chapterStarts'],
          attributesToHighlight: EPISODE_SEARCHABLE,
          showMatchesPosition: true,
          ...highlight,
        },
      ]
    : [];
  const filters = filterExpression(query.filters);
  return [
    ...notes,
    ...shown.map((slug) => ({
      indexUid: names.moments,
      q: query.q,
      filter: [`slug = ${filterValue(slug)}`, ...(filters ? [filters] : [])].join(' AND '),
      limit: query.episode ? MOMENTS_IN_ONE_EPISODE : MOMENTS_PER_EPISODE,
      attributesToRetrieve: ['slug', 'start', 'end', 'wordTimes', 'turns'],
      attributesToHighlight: ['text'],
      ...highlight,
    })),
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
