import { FACETS, type Facet } from '../../src/documents/index-settings.ts';
import type { Filters, Sort } from '../../src/search/search-request.ts';

/** What a results page shows: every control on it is a link to another such state. */
export type SearchState = { q: string; filters: Filters; sort: Sort; page?: number };

/** The URL of a search, so every control on the page is a plain link that works without JavaScript. */
export function searchUrl({ q, filters, sort, page }: SearchState): string {
  const params = new URLSearchParams({ q });
  for (const facet of Object.keys(FACETS) as Facet[]) for (const value of filters[facet] ?? []) params.append(facet, value);
  if (sort !== 'relevance') params.set('sort', sort);
  if (page && page > 1) params.set('page', String(page));
  return `/search?${params}`;
}

/** The filters with `value` of `facet` added, or removed when it was there. */
export function toggled(filters: Filters, facet: Facet, value: string): Filters {
  const current = filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [facet]: next };
}

/** The research page for a query: its timeline, one episode picked, a page of the table. */
export function researchUrl(q: string, episode?: string, page?: number): string {
  const params = new URLSearchParams({ q });
  if (page && page > 1) params.set('page', String(page));
  if (episode) params.set('episode', episode);
  return `/research?${params}${episode ? '#episode' : ''}`;
}
