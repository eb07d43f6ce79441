import type { Meilisearch, MultiSearchQuery } from 'meilisearch';
import { Agent, request } from 'undici';
import type { EpisodeDocument, MomentDocument } from '../../src/documents/documents.ts';
import { FACETS, type Facet, type IndexNames } from '../../src/documents/index-settings.ts';
import { CUE_FIELDS, type CueSource, linesOf } from '../../src/documents/transcript-lines.ts';
import { BadRequestError } from '../../src/errors.ts';
import type { SearchBackend } from '../../src/ports.ts';
import { filterValue } from '../../src/search/filter.ts';
import { type SearchQuery, searchLimits, searchRequests, timelineRequest } from '../../src/search/search-request.ts';
import { type SearchAnswer, searchResults } from '../../src/search/search-results.ts';
import { transcriptMarks, transcriptMarksRequest } from '../../src/search/transcript-marks.ts';
import { shorten } from '../../src/shorten.ts';
import { EngineAnswerError, readFailure } from './engine-errors.ts';

/**
 * The web page's reads from Meilisearch: two searches at once per query (one round trip), two reads per episode page
 * (three, side by side, when it marks the search that led there).
 */
export function meiliSearch(client: Meilisearch, names: IndexNames, now: () => number = Date.now): SearchBackend {
  const known = knownValues(client, names, now);
  const searchOne = searcher(client);
  return {
    async search(query) {
      await checkFilters(query, known);
      // Two requests at once rather than one multi-search: Meilisearch runs a multi-search's queries one after the
      // other, and separate requests side by side (search-request.ts).
      const results = await Promise.all(searchRequests(query, names).map((one) => engine(() => searchOne(one))));
      return searchResults(query, results, searchLimits(query));
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
    async transcript(slug, { q, sentences = false } = {}) {
      // The searched words are found while the moments are read: one round trip either way.
      const fields = ['id' as const, ...CUE_FIELDS, ...(sentences ? ['wordTimes' as const] : [])];
      const [found, matched] = await Promise.all([
        engine(() =>
          client.index<MomentDocument>(names.moments).getDocuments({ filter: `slug = ${filterValue(slug)}`, fields, limit: 10_000 }),
        ),
        // Marks only help the reader: a query the engine refuses leaves the transcript unmarked, not the page broken.
        q ? searchOne(transcriptMarksRequest(q, slug, names)).catch(() => undefined) : undefined,
      ]);
      const moments = found.results as (CueSource & { id: string })[];
      const marks = matched ? transcriptMarks(matched, new Map(moments.map((moment) => [moment.id, moment.text]))) : new Map();
      return linesOf(
        moments.map((moment) => (marks.has(moment.id) ? { ...moment, marks: marks.get(moment.id) } : moment)),
        { sentences },
      );
    },
    async recent(limit) {
      const found = await engine(() =>
        client.index<EpisodeDocument>(names.episodes).search('', {
          sort: ['day:desc'],
          limit,
          attributesToRetrieve: ['slug', 'title', 'podcast', 'date', 'episodeNumber'],
        }),
      );
      return found.hits;
    },
    async health() {
      const health = await engine(() => client.health());
      return { status: health.status };
    },
  };
}

/** Every read goes through here: a failure becomes the SearchEngineError a listener sees (a 503 for the client). */
async function engine<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw readFailure(error);
  }
}

/**
 * One search query, POSTed with undici's `request` over a pool of kept-alive connections: the hot path of every
 * search. It skips the WHATWG Request/Response objects `fetch` (and so the Meilisearch client) builds for each call
 * (measured in BENCHMARKS.md, "client"). It asks for an uncompressed answer: decompressing one on loopback made a
 * search take ~45 ms instead of ~3 (FACTS.md).
 */
export function searcher(client: Meilisearch): (query: MultiSearchQuery) => Promise<SearchAnswer> {
  const { host, apiKey } = client.config;
  const url = `${host.replace(/\/+$/, '')}/multi-search`;
  const headers = {
    'content-type': 'application/json',
    'accept-encoding': 'identity',
    ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
  };
  const dispatcher = new Agent({ keepAliveTimeout: 30_000, connections: 64 });
  const timeout = typeof client.config.timeout === 'number' ? client.config.timeout : 30_000;
  return async (query) => {
    const response = await request(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ queries: [query] }),
      dispatcher,
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
    const body = (await response.body.json()) as { results?: SearchAnswer[]; code?: string; message?: string };
    if (response.statusCode !== 200 || !body.results?.[0]) throw new EngineAnswerError(response.statusCode, body);
    return body.results[0];
  };
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
        throw new BadRequestError(`There is no ${facet} "${shorten(value, 60)}" in this catalogue.`);
      }
    }
  }
}
