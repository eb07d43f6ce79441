import type { SearchResponse } from '../../src/search-results.ts';
import { timelineSvg, type TimelinePoint } from '../../src/timeline.ts';
import { html, trusted, type Html } from '../html.ts';
import { layout } from './layout.ts';
import { momentItem } from './search-page.ts';

export type ResearchOutcome = { points?: TimelinePoint[]; selected?: SearchResponse; error?: string };

export function researchUrl(q: string, episode?: string): string {
  const params = new URLSearchParams({ q });
  if (episode) params.set('episode', episode);
  return `/research?${params}${episode ? '#episode' : ''}`;
}

/** Research view: where a topic comes up across the catalogue, by date, and the moments of the episode picked. */
export function researchPage(q: string, { points, selected, error }: ResearchOutcome): Html {
  const body = html`<section class="research">
  <h1>Research</h1>
  <form action="/research" method="get" role="search" class="research-form">
    <label for="research-q">Topic</label>
    <input id="research-q" name="q" type="search" value="${q}" maxlength="200" placeholder="e.g. dirty schedulers">
    <button type="submit">Show timeline</button>
  </form>
  ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
  ${points ? timeline(q, points) : ''}
  ${selected ? episodeMoments(q, selected) : ''}
</section>`;
  return layout({ title: q ? `${q} — research — podgrep` : 'Research — podgrep', q, body });
}

function timeline(q: string, points: TimelinePoint[]): Html {
  if (points.length === 0) return html`<p class="empty">“${q}” does not come up in any episode.</p>`;
  const total = points.reduce((sum, p) => sum + p.moments, 0);
  const byDate = [...points].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  const label = `Timeline: “${q}” comes up in ${points.length} episodes, ${total} moments`;
  return html`<p class="count">“${q}” comes up in ${points.length} episode${points.length === 1 ? '' : 's'}, ${total} moment${total === 1 ? '' : 's'} in all.</p>
  <figure class="chart">${trusted(timelineSvg(points, (slug) => researchUrl(q, slug), label))}
  <figcaption>Moments that match, per episode, by date. Pick an episode to see its moments.</figcaption></figure>
  <table class="episodes-table"><thead><tr><th scope="col">Date</th><th scope="col">Episode</th><th scope="col">Moments</th></tr></thead><tbody>
  ${byDate.map(
    (p) => html`<tr><td>${p.date ?? '—'}</td><td><a href="${researchUrl(q, p.slug)}">${p.title}</a></td><td>${p.moments}${p.inNotes ? ' + notes' : ''}</td></tr>`,
  )}
  </tbody></table>`;
}

function episodeMoments(q: string, selected: SearchResponse): Html {
  const episode = selected.episodes[0];
  if (!episode) return html`<p class="empty" id="episode">That episode does not mention “${q}”.</p>`;
  return html`<section id="episode" class="episode-moments" tabindex="-1">
  <h2><a href="${episode.url}">${episode.title}</a></h2>
  <p class="meta">${[episode.podcast, episode.date].filter(Boolean).join(' · ')}</p>
  ${episode.notes.slice(0, 1).map((note) => html`<p class="note"><span class="field">${note.field}</span> ${trusted(note.snippet)}</p>`)}
  <ul class="moments">${episode.moments.map(momentItem)}</ul>
</section>`;
}
