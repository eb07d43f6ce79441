import { FACETS, type Facet } from '../../src/documents/index-settings.ts';
import { FACET_VALUES_SHOWN } from '../../src/search/facets.ts';
import { episodeMeta, type MetaParts } from '../../src/search/meta-line.ts';
import type { SearchResponse } from '../../src/search/search-results.ts';
import { type Html, html } from '../html.ts';
import { type SearchState, searchUrl, toggled } from './search-url.ts';

export const FACET_NAMES: Record<Facet, string> = {
  podcast: 'Podcast',
  tag: 'Tag',
  year: 'Year',
  person: 'Guest or panelist',
  speaker: 'Speaking',
};

export type Names = Record<string, string>;

/** A podcast as every page names it: by its name where `podgrep.yml` gives one, else as the episodes write it. */
export function podcastName(podcast: string, names: Names): string;
export function podcastName(podcast: string | null, names: Names): string | null;
export function podcastName(podcast: string | null, names: Names): string | null {
  return podcast === null ? null : (names[podcast] ?? podcast);
}

/** An episode's meta line (meta-line.ts) with its podcast as every page names it. */
export function namedMeta(episode: MetaParts, names: Names): string {
  return episodeMeta({ ...episode, podcast: podcastName(episode.podcast, names) });
}

/** How a facet's value reads: podcasts by their name. */
export function facetLabel(facet: Facet, value: string, names: Names): string {
  return facet === 'podcast' ? podcastName(value, names) : value;
}

/** "Elixir Mix", "elixir_mix" and "elixir-mix" are one word to a reader. */
const squashed = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The values worth offering: not one every result has (filtering by it changes nothing), not a tag that only repeats
 * a podcast's name. Values filtered by are always kept, and come first, so the listener sees what is on.
 */
export function visibleValues(results: SearchResponse, facet: Facet, active: string[], names: Names): SearchResponse['facets'][Facet] {
  const every = results.facetEpisodes;
  const podcasts = new Set(
    [...results.facets.podcast.map(({ value }) => value), ...Object.keys(names), ...Object.values(names)].map(squashed),
  );
  const useful = results.facets[facet].filter(({ value, count }) => {
    if (active.includes(value)) return true;
    if (count >= every) return false;
    return !(facet === 'tag' && podcasts.has(squashed(value)));
  });
  const on = useful.filter(({ value }) => active.includes(value));
  const off = useful.filter(({ value }) => !active.includes(value)).slice(0, FACET_VALUES_SHOWN);
  return [...on, ...off];
}

export function facets(results: SearchResponse, state: SearchState, names: Names): Html {
  const groups = (Object.keys(FACETS) as Facet[])
    .map((facet) => ({ facet, active: state.filters[facet] ?? [] }))
    .map((group) => ({ ...group, values: visibleValues(results, group.facet, group.active, names) }))
    .filter((group) => group.values.length > 0);
  if (groups.length === 0) return html``;
  // A broad query's counts come from the best matches the search read, not from every match: say so beside them.
  return html`<aside class="facets" aria-label="Narrow the results">
<h2 class="visually-hidden">Narrow the results</h2>
${results.totalEpisodesExact === false ? html`<p class="meta">Counted among the ${results.facetEpisodes} best-matching episodes</p>` : ''}
${groups.map(
  ({ facet, active, values }) => html`<section><h3>${FACET_NAMES[facet]}</h3><ul>
  ${values.map(({ value, count }) => {
    const on = active.includes(value);
    return html`<li><a href="${searchUrl({ ...state, filters: toggled(state.filters, facet, value) })}"${on ? html` aria-current="true" class="on"` : ''}>${facetLabel(facet, value, names)} <span class="n">${count}</span>${on ? html`<span class="visually-hidden"> (selected; follow to remove)</span>` : ''}</a></li>`;
  })}
  </ul></section>`,
)}
</aside>`;
}

/** "Filtered by: Podcast: Elixir Mix ✕ · Clear all": what narrows the results, each one a link that removes it. */
export function activeFilters(state: SearchState, names: Names): Html {
  const on = (Object.keys(FACETS) as Facet[]).flatMap((facet) => (state.filters[facet] ?? []).map((value) => ({ facet, value })));
  if (on.length === 0) return html``;
  return html`<div class="filtered"><span class="filtered-label">Filtered by:</span>
  <ul>${on.map(({ facet, value }) => {
    const label = `${FACET_NAMES[facet]}: ${facetLabel(facet, value, names)}`;
    return html`<li><a class="chip" href="${searchUrl({ ...state, page: 1, filters: toggled(state.filters, facet, value) })}" aria-label="Remove filter ${label}">${label} <span aria-hidden="true">✕</span></a></li>`;
  })}</ul>
  <a class="clear-all" href="${searchUrl({ ...state, page: 1, filters: {} })}">Clear all</a></div>`;
}
