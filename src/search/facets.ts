import { FACETS, type Facet } from '../documents/index-settings.ts';
import type { SearchResponse } from './api.ts';
import type { SummaryHit } from './hits.ts';
import type { Filters } from './search-request.ts';

/**
 * Values listed per facet: the most common ones, plus any the query filters by. A catalogue with hundreds of guests
 * would otherwise send every name with every search (half of a 20 KB answer at 1,000 episodes), and no page lists them.
 */
export const FACET_VALUES = 20;
/** Of those, the values a page shows per facet before the list would crowd it. */
export const FACET_VALUES_SHOWN = 8;
const byValue = new Intl.Collator('en').compare;

/** The document field each facet reads; a facet added to FACETS is counted from its attribute of the same name. */
const field = (facet: Facet) => FACETS[facet] as string;

/**
 * Counted over episodes, not hits: ten moments of one episode are one episode of that podcast. Generic over FACETS,
 * each facet read from the hit's attribute (a single value or a list, each value counted once per episode).
 */
export function facetCounts(episodes: SummaryHit[], selected: Filters): SearchResponse['facets'] {
  const facets = Object.keys(FACETS) as Facet[];
  const counts = new Map<Facet, Map<string, number>>(facets.map((facet) => [facet, new Map()]));
  for (const episode of episodes) {
    for (const facet of facets) {
      const value = (episode as Record<string, unknown>)[field(facet)];
      const map = counts.get(facet)!;
      const add = (item: unknown) => {
        if (item === null || item === undefined || item === '') return;
        const key = String(item);
        map.set(key, (map.get(key) ?? 0) + 1);
      };
      if (Array.isArray(value)) value.forEach((item, i) => value.indexOf(item) === i && add(item));
      else add(value);
    }
  }
  const result = {} as SearchResponse['facets'];
  for (const facet of facets) {
    const all = [...counts.get(facet)!]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || byValue(a.value, b.value));
    const chosen = new Set(selected[facet] ?? []);
    result[facet] = all.filter((item, i) => i < FACET_VALUES || chosen.has(item.value));
  }
  return result;
}
