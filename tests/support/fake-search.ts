import { FACETS } from '../../src/documents/index-settings.ts';
import type { SearchBackend } from '../../src/ports.ts';

/**
 * A search engine that knows no episodes, for tests of the web layer's own behaviour (headers, limits, errors): the
 * real Meilisearch adds nothing to what they check, and they then run in milliseconds with no service.
 */
export function emptySearch(): SearchBackend & { searches: number } {
  const backend = {
    searches: 0,
    async search(query: Parameters<SearchBackend['search']>[0]) {
      backend.searches++;
      return {
        query: query.q,
        totalEpisodes: 0,
        page: query.page,
        pages: 0,
        sort: query.sort,
        filters: query.filters,
        facets: Object.fromEntries(Object.keys(FACETS).map((facet) => [facet, []])),
        episodes: [],
      } as unknown as Awaited<ReturnType<SearchBackend['search']>>;
    },
    async timeline() {
      return [];
    },
    async episode() {
      return undefined;
    },
    async transcript() {
      return [];
    },
    async health() {
      return { status: 'available' };
    },
  };
  return backend as SearchBackend & { searches: number };
}
