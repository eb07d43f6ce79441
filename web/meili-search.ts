import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import { TRANSCRIPT_FIELDS, type EpisodeDocument, type MomentDocument } from '../src/documents.ts';
import { BadRequestError, SearchEngineError } from '../src/errors.ts';
import { filterValue } from '../src/filter.ts';
import { FACETS, type Facet, type IndexNames } from '../src/index-settings.ts';
import type { SearchBackend } from '../src/ports.ts';
import { detailRequests, searchRequests, timelineRequest, type SearchQuery } from '../src/search-request.ts';
import { detailAnswers, rankAnswers } from '../src/search-results.ts';
import { CUE_FIELDS, linesOf, type CueSource } from '../src/transcript-lines.ts';

/** The web page's reads from Meilisearch: one multi-search per query, two reads per episode page. */
export function meiliSearch(client: Meilisearch, names: IndexNames, now: () => number = Date.now): SearchBackend {
  const known = knownValues(client, names, now);
  return {
    async search(query) {
      await checkFilters(query, known);
      const { results } = await engine(() => client.multiSearch({ queries: searchRequests(query, names) }));
      const page = rankAnswers(query, results);
      const shown = page.response.episodes.map((episode) => episode.slug);
      if (shown.length === 0) return detailAnswers(page, []);
      const details = await engine(() => client.multiSearch({ queries: detailRequests(query, shown, page.notesSlugs, names) }));
      return detailAnswers(page, details.results);
    },
    async timeline(query) {
      await checkFilters(query, known);
      const { results } = await engine(() => client.multiSearch({ queries: timelineRequest(query, names) }));
      const inMoments = results[0]?.facetDistribution?.slug ?? {};
      const inNotes = results[1]?.facetDistribution?.slug ?? {};
      const slugs = [...new Set([...Object.keys(inMoments), ...Object.keys(inNotes)])];
      if (slugs.length === 0) return [];
      const episodes = await engine(() =>
        client.index<EpisodeDocument>(names.episodes).getDocuments({
          filter: `slug IN [${slugs.map(filterValue).join(', ')}]`,
          fields: ['slug', 'title', 'date'],
          limit: slugs.length,
        }),
      );
      return episodes.results.map((doc) => ({
        slug: doc.slug,
        title: doc.title,
        date: doc.date,
        moments: inMoments[doc.slug] ?? 0,
        inNotes: (inNotes[doc.slug] ?? 0) > 0,
      }));
    },
    async episode(slug) {
      const found = await engine(() =>
        client.index<EpisodeDocument>(names.episodes).getDocuments({ filter: `slug = ${filterValue(slug)}`, limit: 1 }),
      );
      return found.results[0];
    },
    async moments(slug) {
      const found = await engine(() =>
        client.index<MomentDocument>(names.moments).getDocuments({ filter: `slug = ${filterValue(slug)}`, fields: [...TRANSCRIPT_FIELDS], limit: 10_000 }),
      );
      return found.results.sort((a, b) => a.start - b.start);
    },
    async transcript(slug) {
      const found = await engine(() =>
        client.index<MomentDocument>(names.moments).getDocuments({ filter: `slug = ${filterValue(slug)}`, fields: [...CUE_FIELDS], limit: 10_000 }),
      );
      return linesOf(found.results as CueSource[]);
    },
    async health() {
      const health = await engine(() => client.health());
      return { status: health.status };
    },
  };
}

/**
 * Meilisearch unreachable, or answering with an error, becomes SearchEngineError (a 503 for the client); an index
 * that does not exist yet simply has nothing in it.
 */
async function engine<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === 'index_not_found') {
      throw new SearchEngineError('Nothing is indexed yet: run `npm run index` (or `npm start`).', { cause: error });
    }
    throw new SearchEngineError('The search engine is not answering; try again in a moment.', { cause: error });
  }
}

/** How long the list of existing filter values is trusted; a newly indexed podcast is filterable within this. */
const KNOWN_VALUES_MS = 60_000;

type Known = Record<Facet, Set<string>>;

/**
 * Every value each facet has in the catalogue, read with one search and kept for a minute. Once it is older, the next
 * request still gets it while a fresh copy is read, so no search waits for the refresh.
 */
function knownValues(client: Meilisearch, names: IndexNames, now: () => number): (fresh?: boolean) => Promise<Known> {
  let cached: { at: number; values: Promise<Known> } | undefined;
  let last: Known | undefined;
  // `fresh`: the caller found a value it did not know, and waits for a read no older than a minute before refusing it.
  return (fresh = false) => {
    if (cached && now() - cached.at < KNOWN_VALUES_MS) return cached.values;
    const facets = Object.entries(FACETS) as [Facet, string][];
    const values = engine(() =>
      client.index(names.episodes).search('', { limit: 0, facets: facets.map(([, attribute]) => attribute) }),
    ).then((result) => {
      const distribution = result.facetDistribution ?? {};
      last = Object.fromEntries(facets.map(([facet, attribute]) => [facet, new Set(Object.keys(distribution[attribute] ?? {}))])) as Known;
      return last;
    });
    cached = { at: now(), values };
    values.catch(() => (cached = undefined));
    return last && !fresh ? Promise.resolve(last) : values;
  };
}

/**
 * Filter values must exist in the catalogue: a value that does not is a mistake (or a probe) and gets a 400 naming it,
 * rather than a silent empty page. They are escaped besides (filter.ts), so nothing can change the expression.
 */
async function checkFilters(query: SearchQuery, known: (fresh?: boolean) => Promise<Known>): Promise<void> {
  const facets = (Object.keys(query.filters) as Facet[]).filter((facet) => query.filters[facet]?.length);
  // Searches without filters, the common case, pay nothing for this.
  if (facets.length === 0) return;
  const unknown = (values: Known) => facets.some((facet) => query.filters[facet]?.some((value) => !values[facet].has(value)));
  let values = await known();
  if (unknown(values)) values = await known(true);
  for (const facet of facets) {
    for (const value of query.filters[facet] ?? []) {
      if (!values[facet].has(value)) {
        const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
        throw new BadRequestError(`There is no ${facet} "${shown}" in this catalogue.`);
      }
    }
  }
}
