import { MeilisearchApiError, type Meilisearch } from 'meilisearch';
import type { EpisodeDocument, MomentDocument } from '../src/documents.ts';
import { SearchEngineError } from '../src/errors.ts';
import { filterValue } from '../src/filter.ts';
import type { IndexNames } from '../src/index-settings.ts';
import type { SearchBackend } from '../src/ports.ts';
import { detailRequests, searchRequests, timelineRequest } from '../src/search-request.ts';
import { rankResults, withDetails, type EpisodeHit, type MomentHit, type RankedMomentHit } from '../src/search-results.ts';

/** The web page's reads from Meilisearch: one multi-search per query, two reads per episode page. */
export function meiliSearch(client: Meilisearch, names: IndexNames): SearchBackend {
  return {
    async search(query) {
      const { results } = await engine(() => client.multiSearch({ queries: searchRequests(query, names) }));
      const [episodes, moments, counts] = results;
      const page = rankResults(
        query,
        (episodes?.hits ?? []) as EpisodeHit[],
        (moments?.hits ?? []) as RankedMomentHit[],
        counts?.facetDistribution?.slug ?? {},
      );
      const shown = page.response.episodes.map((episode) => episode.slug);
      if (shown.length === 0) return withDetails(page, [], new Map());
      const details = await engine(() => client.multiSearch({ queries: detailRequests(query, shown, page.notesSlugs, names) }));
      const notes = page.notesSlugs.length ? details.results[0] : undefined;
      const perEpisode = details.results.slice(notes ? 1 : 0);
      const momentsBySlug = new Map(shown.map((slug, i) => [slug, (perEpisode[i]?.hits ?? []) as MomentHit[]]));
      return withDetails(page, (notes?.hits ?? []) as EpisodeHit[], momentsBySlug);
    },
    async timeline(query) {
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
      const filter = `slug = ${filterValue(slug)}`;
      const [episodes, moments] = await engine(() =>
        Promise.all([
          client.index<EpisodeDocument>(names.episodes).getDocuments({ filter, limit: 1 }),
          client.index<MomentDocument>(names.moments).getDocuments({ filter, limit: 10_000 }),
        ]),
      );
      const episode = episodes.results[0];
      if (!episode) return undefined;
      return { episode, moments: moments.results.sort((a, b) => a.start - b.start) };
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
