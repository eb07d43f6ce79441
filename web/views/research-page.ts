import type { SearchResponse } from '../../src/search/search-results.ts';
import { type TimelinePoint, timelineSvg, weight } from '../../src/search/timeline.ts';
import { type Html, html, trusted } from '../html.ts';
import { type Names, namedMeta } from './facets.ts';
import { layout } from './layout.ts';
import { fieldName, momentItem } from './search-page.ts';
import { researchUrl } from './search-url.ts';

export type ResearchOutcome = {
  points?: TimelinePoint[];
  selected?: SearchResponse;
  page?: number;
  error?: string;
  /** Podcasts' names (`podgrep.yml`), for the picked episode's meta line. */
  names?: Names;
};

/** Rows of the episodes table per page: a topic that comes up in 600 episodes is 24 pages, not one 27,000 px table. */
export const ROWS_PER_PAGE = 25;

/**
 * Research view: where a topic comes up across the catalogue (a chart by period), the episode picked with its moments,
 * and every matching episode in a table, most mentions first, paged.
 */
export function researchPage(q: string, { points, selected, page = 1, error, names = {} }: ResearchOutcome): Html {
  const body = html`<section class="research">
  <h1>Research</h1>
  <form action="/research" method="get" role="search" class="research-form" aria-label="Research a topic">
    <label for="research-q">Topic</label>
    <input id="research-q" name="q" type="search" value="${q}" maxlength="200" placeholder="e.g. dirty schedulers">
    <button type="submit">Show timeline</button>
  </form>
  ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
  ${points ? timeline(q, points, selected, page, names) : ''}
</section>`;
  // The picked episode's moments are drawn as in the results (results.css).
  return layout({ title: q ? `${q} — research — podgrep` : 'Research — podgrep', q, body, styles: ['results', 'research'] });
}

function timeline(q: string, points: TimelinePoint[], selected: SearchResponse | undefined, page: number, names: Names): Html {
  if (points.length === 0) return html`<p class="empty">“${q}” does not come up in any episode.</p>`;
  const total = points.reduce((sum, p) => sum + p.moments, 0);
  const notesOnly = points.filter((p) => !p.moments && p.inNotes).length;
  const label = `Chart: “${q}” comes up in ${points.length} episodes, ${total} moments; the table below lists them`;
  // Most mentions first, then the newest: the episodes about the topic, not those that name it once.
  const ranked = [...points].sort((a, b) => weight(b) - weight(a) || (b.date ?? '').localeCompare(a.date ?? ''));
  const pages = Math.max(1, Math.ceil(ranked.length / ROWS_PER_PAGE));
  const shown = Math.min(Math.max(1, page), pages);
  const rows = ranked.slice((shown - 1) * ROWS_PER_PAGE, shown * ROWS_PER_PAGE);
  return html`<p class="count">“${q}” comes up in ${points.length} episode${points.length === 1 ? '' : 's'}: ${total} moment${total === 1 ? '' : 's'} in all${notesOnly ? html`, and ${notesOnly} mention${notesOnly === 1 ? 's' : ''} it in the show notes only` : ''}.</p>
  <figure class="chart">${trusted(timelineSvg(points, label))}
  <figcaption>Moments that match, by date. The table below lists the episodes.</figcaption></figure>
  ${selected ? episodeMoments(q, selected, names) : ''}
  <table class="episodes-table">
  <caption>Episodes that mention “${q}”, most mentions first${pages > 1 ? html` (page ${shown} of ${pages})` : ''}</caption>
  <thead><tr><th scope="col">Episode</th><th scope="col">Date</th><th scope="col">Mentions</th></tr></thead><tbody>
  ${rows.map(
    (p) =>
      html`<tr><td><a href="${researchUrl(q, p.slug, shown)}">${p.title}</a></td><td>${p.date ?? '—'}</td><td>${mentions(p)}</td></tr>`,
  )}
  </tbody></table>
  ${pages > 1 ? pager(q, shown, pages) : ''}`;
}

function mentions(point: TimelinePoint): string {
  if (!point.moments) return point.inNotes ? 'mentioned in show notes' : '—';
  const said = `${point.moments} moment${point.moments === 1 ? '' : 's'}`;
  return point.inNotes ? `${said}, and in show notes` : said;
}

function pager(q: string, page: number, pages: number): Html {
  return html`<nav class="pager" aria-label="Pages of episodes">
  ${page > 1 ? html`<a rel="prev" href="${researchUrl(q, undefined, page - 1)}">← Previous</a>` : ''}
  <span>Page ${page} of ${pages}</span>
  ${page < pages ? html`<a rel="next" href="${researchUrl(q, undefined, page + 1)}">Next →</a>` : ''}
</nav>`;
}

function episodeMoments(q: string, selected: SearchResponse, names: Names): Html {
  const episode = selected.episodes[0];
  if (!episode) return html`<p class="empty" id="episode">That episode does not mention “${q}”.</p>`;
  return html`<section id="episode" class="episode-moments" tabindex="-1" aria-labelledby="episode-heading">
  <h2 id="episode-heading"><a href="${episode.url}">${episode.title}</a></h2>
  <p class="meta">${namedMeta(episode, names)}</p>
  ${episode.notes.slice(0, 1).map((note) => html`<p class="note"><span class="field">${fieldName(note.field)}</span> ${trusted(note.snippet)}</p>`)}
  ${episode.moments.length ? html`<ul class="moments">${episode.moments.map((moment) => momentItem(moment, q))}</ul>` : html`<p class="empty">Mentioned in the show notes only.</p>`}
</section>`;
}
