import { type EpisodeResult, type MomentResult, momentLink, type SearchResponse } from '../../src/search/search-results.ts';
import { formatTime } from '../../src/time.ts';
import { type Html, html, trusted } from '../html.ts';
import { activeFilters, facets, type Names, namedMeta } from './facets.ts';
import { layout, type Stylesheet } from './layout.ts';
import { researchUrl, type SearchState, searchUrl } from './search-url.ts';
import { EMPTY_SHELF, home, type Shelf, suggestions } from './shelf.ts';

export { searchUrl } from './search-url.ts';

/** Show-notes fields as a note's label names them, on the results and research pages alike. */
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

export const fieldName = (field: string): string => FIELD_NAMES[field] ?? field;

/**
 * The home page, results and "Nothing found" replace one another in place as the listener types (search.js swaps in
 * resultsSection), so the search page links the styles of all three.
 */
const SEARCH_STYLES: Stylesheet[] = ['home', 'filters', 'results'];

/** What a page of results is made of: the answer (or why there is none), and what to offer around it. */
export type Outcome = { results?: SearchResponse; error?: string; shelf?: Shelf };

export function searchPage(q: string, outcome: Outcome): Html {
  const title = q ? `${q} — podgrep` : 'podgrep — search what was said';
  // "Skip to results" past the header and the filters, where there are results to skip to.
  const skip = outcome.results?.episodes.length ? { href: '#result-list', label: 'Skip to results' } : undefined;
  return layout({ title, q, body: resultsSection(q, outcome), styles: SEARCH_STYLES, ...(skip ? { skip } : {}) });
}

/**
 * The part of the page that changes with the query: served alone (`/search?q=…&fragment=1`) for search as you type,
 * so the page script swaps it in without a reload and the server stays the one place results are rendered.
 */
export function resultsSection(q: string, outcome: Outcome): Html {
  return html`<section id="results" aria-busy="false">${q ? results(q, outcome) : home(outcome.shelf ?? EMPTY_SHELF)}</section>`;
}

function results(q: string, { results, error, shelf = EMPTY_SHELF }: Outcome): Html {
  if (error || !results) {
    return html`<h1 class="visually-hidden">Search for “${q}”</h1><p class="error" role="alert">${error ?? 'Something went wrong.'}</p>`;
  }
  const names = shelf.podcastNames;
  const state: SearchState = { q, filters: results.filters, sort: results.sort };
  const filtered = Object.values(results.filters).some((values) => values?.length);
  if (results.totalEpisodes === 0 && !results.partialEpisodes) {
    return html`<div class="nothing">
  <h1 class="empty">Nothing found for “${q}”</h1>
  ${filtered ? html`<p>Only episodes matching these filters were searched:</p>${activeFilters(state, names)}<p><a href="${searchUrl({ ...state, filters: {} })}">Search everything for “${q}”</a></p>` : ''}
  ${suggestions(shelf)}
</div>`;
  }
  const pages = results.pages;
  return html`<h1 class="visually-hidden">Results for “${q}”</h1>
<div class="summary-bar">
  <p class="count">${countLine(q, results)} · <a href="${researchUrl(q)}">timeline</a></p>
  <nav class="sort" aria-label="Sort">Sort: ${(['relevance', 'newest'] as const).map((sort) =>
    sort === results.sort
      ? html`<strong aria-current="true">${sort === 'relevance' ? 'best match' : 'newest'}</strong>`
      : html`<a href="${searchUrl({ ...state, sort })}">${sort === 'relevance' ? 'best match' : 'newest'}</a>`,
  )}</nav>
  ${activeFilters(state, names)}
</div>
<div class="with-facets">
<ol class="results" id="result-list" tabindex="-1" aria-label="Results">
${results.episodes.map((episode) => episodeItem(episode, names, q))}
</ol>
${facets(results, state, names)}
</div>
${pages > 1 ? pager(state, results.page, pages) : ''}`;
}

function episodeItem(episode: EpisodeResult, names: Names, q: string): Html {
  return html`<li class="episode">
  <h2><a href="${episode.url}">${episode.title}</a></h2>
  <p class="meta">${namedMeta(episode, names)}</p>
  ${episode.match === 'some' ? html`<p class="meta partial">Mentions only some of the words</p>` : ''}
  ${episode.notes
    .slice(0, 1)
    .map(
      (note) =>
        html`<p class="note"><span class="field">${fieldName(note.field)}</span> ${note.url ? html`<a href="${note.url}">${trusted(note.snippet)}</a>` : trusted(note.snippet)}</p>`,
    )}
  ${
    episode.moments.length
      ? html`<ul class="moments">
    ${episode.moments.map((moment) => momentItem(moment, q))}
  </ul>`
      : ''
  }
</li>`;
}

/**
 * "12 episodes mention “dirty schedulers” · 40 more episodes mention some of the words": each count says only what the
 * search proved, "at least" where more matched than one search reads.
 */
function countLine(q: string, { totalEpisodes: n, totalEpisodesExact, partialEpisodes: p, partialEpisodesExact }: SearchResponse): string {
  // "1 episode mentions", "2 episodes mention": the noun and the verb agree with the count.
  const count = (exact: boolean, k: number, what: string) =>
    `${exact ? '' : 'at least '}${k} ${what}${k === 1 ? '' : 's'} mention${k === 1 ? 's' : ''}`;
  const partial = `${count(partialEpisodesExact, p, n ? 'more episode' : 'episode')} some of the words`;
  if (n === 0) return `No episode mentions every word of “${q}”; ${partial}`;
  const full = `${count(totalEpisodesExact, n, 'episode')} “${q}”`;
  return `${full.charAt(0).toUpperCase()}${full.slice(1)}${p ? ` · ${partial}` : ''}`;
}

/**
 * One moment in a result list: its play link at the matched word, and the highlighted snippet. The link carries the
 * query, the time it shows and its line's anchor (momentLink), so the episode page opens marked and scrolled to the
 * words, and offers to play from that same time.
 */
export function momentItem(moment: MomentResult, q: string): Html {
  return html`<li class="moment"><a class="play" href="${momentLink(moment.url, q, moment.at)}" data-clip="${moment.clipUrl}" aria-label="Play from ${formatTime(moment.at)}">▶ ${formatTime(moment.at)}</a> <span class="snippet">${moment.speaker ? html`<span class="speaker">${moment.speaker}:</span> ` : ''}${trusted(moment.snippet)}</span></li>`;
}

function pager(state: SearchState, page: number, pages: number): Html {
  const link = (n: number, label: string, rel: string) => html`<a rel="${rel}" href="${searchUrl({ ...state, page: n })}">${label}</a>`;
  return html`<nav class="pager" aria-label="Pages">
  ${page > 1 ? link(page - 1, '← Previous', 'prev') : ''}
  <span>Page ${page} of ${pages}</span>
  ${page < pages ? link(page + 1, 'Next →', 'next') : ''}
</nav>`;
}
