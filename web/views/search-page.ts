import { FACETS, type Facet } from '../../src/index-settings.ts';
import { episodeMeta, type MomentResult, type SearchResponse } from '../../src/search-results.ts';
import type { Filters, Sort } from '../../src/search-request.ts';
import { formatTime } from '../../src/time.ts';
import { html, trusted, type Html } from '../html.ts';
import { layout } from './layout.ts';
import { researchUrl } from './research-page.ts';

const FIELD_NAMES: Record<string, string> = {
  title: 'Title',
  summary: 'Summary',
  guests: 'Guests',
  panel: 'Panel',
  links: 'Links',
  picks: 'Picks',
  tags: 'Tags',
  podcast: 'Podcast',
  sponsors: 'Sponsors',
  otherNotes: 'Show notes',
  chapters: 'Chapter',
};

export function searchPage(q: string, outcome: { results?: SearchResponse; error?: string }): Html {
  const title = q ? `${q} — podgrep` : 'podgrep — search what was said';
  return layout({ title, q, body: resultsSection(q, outcome) });
}

/**
 * The part of the page that changes with the query: served alone (`/search?q=…&fragment=1`) for search as you type,
 * so the page script swaps it in without a reload and the server stays the one place results are rendered.
 */
export function resultsSection(q: string, outcome: { results?: SearchResponse; error?: string }): Html {
  return html`<section id="results" aria-busy="false">${q ? results(q, outcome) : intro()}</section>`;
}

function intro(): Html {
  return html`<section class="intro">
  <h1>Search what was said</h1>
  <p>Every episode’s transcript and show notes. Results open the player at the moment the words are spoken.</p>
</section>`;
}

const FACET_NAMES: Record<Facet, string> = { podcast: 'Podcast', tag: 'Tag', year: 'Year', person: 'Guest or panelist', speaker: 'Speaking' };
/** Values shown per facet before the list would crowd the page. */
const FACET_VALUES = 8;

type State = { q: string; filters: Filters; sort: Sort; page?: number };

/** The URL of a search, so every control on the page is a plain link that works without JavaScript. */
export function searchUrl({ q, filters, sort, page }: State): string {
  const params = new URLSearchParams({ q });
  for (const facet of Object.keys(FACETS) as Facet[]) for (const value of filters[facet] ?? []) params.append(facet, value);
  if (sort !== 'relevance') params.set('sort', sort);
  if (page && page > 1) params.set('page', String(page));
  return `/search?${params}`;
}

function toggled(filters: Filters, facet: Facet, value: string): Filters {
  const current = filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...filters, [facet]: next };
}

function results(q: string, { results, error }: { results?: SearchResponse; error?: string }): Html {
  if (error || !results) return html`<p class="error" role="alert">${error ?? 'Something went wrong.'}</p>`;
  const state: State = { q, filters: results.filters, sort: results.sort };
  const filtered = Object.values(results.filters).some((values) => values && values.length);
  if (results.totalEpisodes === 0) {
    return html`<p class="empty">Nothing found for “${q}”${filtered ? html` with these filters — <a href="${searchUrl({ ...state, filters: {} })}">search everything</a>` : ''}.</p>`;
  }
  const pages = results.pages;
  return html`<div class="summary-bar">
  <p class="count">${results.totalEpisodes} episode${results.totalEpisodes === 1 ? '' : 's'} mention “${q}” · <a href="${researchUrl(q)}">timeline</a></p>
  <nav class="sort" aria-label="Sort">Sort: ${(['relevance', 'newest'] as const).map((sort) =>
    sort === results.sort
      ? html`<strong aria-current="true">${sort === 'relevance' ? 'best match' : 'newest'}</strong>`
      : html`<a href="${searchUrl({ ...state, sort })}">${sort === 'relevance' ? 'best match' : 'newest'}</a>`,
  )}</nav>
</div>
<div class="with-facets">
${facets(results, state)}
<ol class="results">
${results.episodes.map(
  (episode) => html`<li class="episode">
  <h2><a href="${episode.url}">${episode.title}</a></h2>
  <p class="meta">${episodeMeta(episode)}</p>
  ${episode.notes.slice(0, 1).map(
    (note) => html`<p class="note"><span class="field">${FIELD_NAMES[note.field] ?? note.field}</span> ${note.url ? html`<a href="${note.url}">${trusted(note.snippet)}</a>` : trusted(note.snippet)}</p>`,
  )}
  ${episode.moments.length ? html`<ul class="moments">
    ${episode.moments.map(momentItem)}
  </ul>` : ''}
</li>`,
)}
</ol>
</div>
${pages > 1 ? pager(state, results.page, pages) : ''}`;
}

/** One moment in a result list: its play link at the matched word, and the highlighted snippet. */
export function momentItem(moment: MomentResult): Html {
  return html`<li class="moment"><a class="play" href="${moment.url}" data-clip="${moment.clipUrl}" aria-label="Play from ${formatTime(moment.at)}">▶ ${formatTime(moment.at)}</a> <span class="snippet">${moment.speaker ? html`<span class="speaker">${moment.speaker}:</span> ` : ''}${trusted(moment.snippet)}</span></li>`;
}

function facets(results: SearchResponse, state: State): Html {
  const groups = (Object.keys(FACETS) as Facet[]).filter((facet) => results.facets[facet].length > 0);
  if (groups.length === 0) return html``;
  return html`<aside class="facets" aria-label="Narrow the results">
${groups.map((facet) => {
  const active = state.filters[facet] ?? [];
  return html`<section><h3>${FACET_NAMES[facet]}</h3><ul>
  ${results.facets[facet].filter(({ value }, i) => i < FACET_VALUES || active.includes(value)).map(({ value, count }) => {
    const on = active.includes(value);
    return html`<li><a href="${searchUrl({ ...state, filters: toggled(state.filters, facet, value) })}"${on ? html` aria-current="true" class="on"` : ''}>${value} <span class="n">${count}</span>${on ? html`<span class="visually-hidden"> (selected; follow to remove)</span>` : ''}</a></li>`;
  })}
  </ul></section>`;
})}
</aside>`;
}

function pager(state: State, page: number, pages: number): Html {
  const link = (n: number, label: string, rel: string) => html`<a rel="${rel}" href="${searchUrl({ ...state, page: n })}">${label}</a>`;
  return html`<nav class="pager" aria-label="Pages">
  ${page > 1 ? link(page - 1, '← Previous', 'prev') : ''}
  <span>Page ${page} of ${pages}</span>
  ${page < pages ? link(page + 1, 'Next →', 'next') : ''}
</nav>`;
}
