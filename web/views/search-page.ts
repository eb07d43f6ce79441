import type { SearchResponse } from '../../src/search-results.ts';
import { EPISODES_PER_PAGE } from '../../src/search-request.ts';
import { formatTime } from '../../src/time.ts';
import { html, trusted, type Html } from '../html.ts';
import { layout } from './layout.ts';

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
};

export function searchPage(q: string, outcome: { results?: SearchResponse; error?: string }): Html {
  const title = q ? `${q} — podgrep` : 'podgrep — search what was said';
  return layout({ title, q, body: q ? results(q, outcome) : intro() });
}

function intro(): Html {
  return html`<section class="intro">
  <h1>Search what was said</h1>
  <p>Every episode’s transcript and show notes. Results open the player at the moment the words are spoken.</p>
</section>`;
}

function results(q: string, { results, error }: { results?: SearchResponse; error?: string }): Html {
  if (error || !results) return html`<p class="error" role="alert">${error ?? 'Something went wrong.'}</p>`;
  if (results.totalEpisodes === 0) return html`<p class="empty">Nothing found for “${q}”.</p>`;
  const pages = Math.ceil(results.totalEpisodes / EPISODES_PER_PAGE);
  return html`<p class="count">${results.totalEpisodes} episode${results.totalEpisodes === 1 ? '' : 's'} mention “${q}”</p>
<ol class="results">
${results.episodes.map(
  (episode) => html`<li class="episode">
  <h2><a href="${episode.url}">${episode.title}</a></h2>
  <p class="meta">${[episode.podcast, episode.date, episode.episodeNumber !== null ? `#${episode.episodeNumber}` : null].filter(Boolean).join(' · ')}</p>
  ${episode.notes.slice(0, 1).map(
    (note) => html`<p class="note"><span class="field">${FIELD_NAMES[note.field] ?? note.field}</span> ${trusted(note.snippet)}</p>`,
  )}
  ${episode.moments.length ? html`<ul class="moments">
    ${episode.moments.map(
      (moment) => html`<li class="moment"><a class="play" href="${moment.url}" aria-label="Play from ${formatTime(moment.at)}">▶ ${formatTime(moment.at)}</a> <span class="snippet">${trusted(moment.snippet)}</span></li>`,
    )}
  </ul>` : ''}
</li>`,
)}
</ol>
${pages > 1 ? pager(q, results.page, pages) : ''}`;
}

function pager(q: string, page: number, pages: number): Html {
  const link = (n: number, label: string, rel: string) => html`<a rel="${rel}" href="/search?q=${encodeURIComponent(q)}&amp;page=${n}">${label}</a>`;
  return html`<nav class="pager" aria-label="Pages">
  ${page > 1 ? link(page - 1, '← Previous', 'prev') : ''}
  <span>Page ${page} of ${pages}</span>
  ${page < pages ? link(page + 1, 'Next →', 'next') : ''}
</nav>`;
}
