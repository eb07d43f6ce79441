import type { EpisodeDocument, MomentDocument } from '../../src/documents.ts';
import { episodeUrl } from '../../src/search-results.ts';
import { formatTime } from '../../src/time.ts';
import { html, type Html } from '../html.ts';
import { layout } from './layout.ts';

/** Where the player loads the audio: the episode's own URL, or this app for a file in EPISODES_DIR. */
export function audioSrc(episode: EpisodeDocument): string | undefined {
  if (episode.audio) return episode.audio;
  if (episode.audioPath) return `${episodeUrl(episode.slug)}/audio`;
  return undefined;
}

export function episodePage(episode: EpisodeDocument, moments: MomentDocument[], t: number | undefined): Html {
  const src = audioSrc(episode);
  // A media fragment makes the browser open the audio at `t` even without JavaScript.
  const playerSrc = src && t !== undefined ? `${src}#t=${t}` : src;
  const current = t === undefined ? undefined : currentMoment(moments, t);
  return layout({
    title: `${episode.title} — podgrep`,
    body: html`<article class="episode-page">
  <h1>${episode.title}</h1>
  <p class="meta">${[episode.podcast, episode.date, episode.episodeNumber !== null ? `#${episode.episodeNumber}` : null].filter(Boolean).join(' · ')}</p>
  ${playerSrc
    ? html`<audio id="player" controls preload="metadata" src="${playerSrc}" data-start="${t ?? ''}"></audio>`
    : html`<p class="empty">This episode has no audio.</p>`}
  ${episode.summary ? html`<section><h2>Summary</h2>${episode.summary.split('\n').map((p) => html`<p>${p}</p>`)}</section>` : ''}
  ${moments.length
    ? html`<section class="transcript"><h2>Transcript</h2>
    ${moments.map(
      (moment) => html`<p class="line${moment === current ? ' current' : ''}" data-start="${moment.start}">
      <a class="time" href="${episodeUrl(episode.slug, moment.start)}">${formatTime(moment.start)}</a> ${moment.text}</p>`,
    )}
  </section>`
    : html`<p class="empty">No transcript yet: this episode is searchable by its show notes.</p>`}
  ${notes(episode)}
</article>`,
  });
}

function notes(episode: EpisodeDocument): Html {
  const people = [...episode.panel, ...episode.guests.map((guest) => `${guest} (guest)`)];
  const links = episode.links.map((label, i) => ({ label, url: episode.linkUrls[i] ?? '' }));
  return html`${people.length ? html`<section><h2>Panel</h2><ul>${people.map((name) => html`<li>${name}</li>`)}</ul></section>` : ''}
  ${links.length ? html`<section><h2>Links</h2><ul class="links">${links.map((link) => html`<li>${safeLink(link.label, link.url)}</li>`)}</ul></section>` : ''}
  ${episode.picks.length ? html`<section><h2>Picks</h2><ul>${episode.picks.map((pick) => html`<li>${pick}</li>`)}</ul></section>` : ''}`;
}

/** Only http(s) links become links: a `javascript:` URL in someone's show notes stays text. */
function safeLink(label: string, url: string): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="nofollow noopener">${label}</a>` : html`${label}`;
}

/** Links start a second or so before the words (search-results.ts), so the line about to be spoken counts as current. */
const LEAD_IN = 1.5;

function currentMoment(moments: MomentDocument[], t: number): MomentDocument | undefined {
  return moments.findLast((moment) => moment.start <= t + LEAD_IN);
}
