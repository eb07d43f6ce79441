import type { EpisodeDocument } from '../../src/documents/documents.ts';
import type { TranscriptLine } from '../../src/documents/transcript-lines.ts';
import { episodeUrl } from '../../src/search/search-results.ts';
import { formatTime } from '../../src/time.ts';
import { type Html, html } from '../html.ts';
import { type Names, namedMeta } from './facets.ts';
import { layout } from './layout.ts';
import { transcriptSection } from './transcript-view.ts';

/** Where the player loads the audio: the episode's own URL, or this app for a file in EPISODES_DIR. */
export function audioSrc(episode: EpisodeDocument): string | undefined {
  if (episode.audio) return episode.audio;
  if (episode.audioPath) return `${episodeUrl(episode.slug)}/audio`;
  return undefined;
}

/**
 * What the page was opened with: `?t=` (a time or a clip's start and end), `?at=` (the second a result showed for the
 * moment, `t` being the lead-in before it) and `?q=` (the search that led here); and podcasts' names (`podgrep.yml`) for
 * the meta line.
 */
export type EpisodeView = {
  t?: number | undefined;
  end?: number | undefined;
  at?: number | undefined;
  q?: string | undefined;
  names?: Names;
};

/**
 * The episode: player and "search this episode" in a bar that stays in view, the transcript line by line with a link
 * per line (transcript-view.ts), and the show notes beside it on wide screens. static/player.js and static/find.js
 * add seeking, following the spoken line and in-episode search; without them every line is still a link that opens
 * the player at its time, and a moment link scrolls to its line by its anchor.
 */
export function episodePage(episode: EpisodeDocument, lines: TranscriptLine[], { t, end, at, q, names = {} }: EpisodeView = {}): Html {
  const src = audioSrc(episode);
  // A media fragment makes the browser open the audio at `t` even without JavaScript. A clip's end is left to
  // player.js: Chromium enforces a fragment's end on every later play too, so the listener could never go on.
  const clipEnd = t !== undefined && end !== undefined && end > t ? end : undefined;
  const playerSrc = src && t !== undefined ? `${src}#t=${t}` : src;
  return layout({
    title: `${episode.title} — podgrep`,
    q: q ?? '',
    styles: ['episode', 'player'],
    body: html`<article class="episode-page">
  <header class="episode-head">
    <h1>${episode.title}</h1>
    <p class="meta">${namedMeta(episode, names)}</p>
    ${
      episode.summary
        ? html`<div class="summary">${episode.summary
            .split('\n')
            .filter((p) => p.trim())
            .map((p) => html`<p>${p}</p>`)}</div>`
        : ''
    }
  </header>
  ${
    playerSrc || lines.length
      ? html`<div class="episode-tools">
    ${
      playerSrc && t !== undefined
        ? // It names the time the listener chose (the result's "▶ 1:16"), and plays from `t`, the lead-in before it.
          html`<button type="button" class="play-from" data-start="${t}" hidden>▶ Play from ${formatTime(at ?? t)}</button>`
        : ''
    }
    ${
      playerSrc
        ? html`<audio id="player" controls preload="metadata" src="${playerSrc}" data-start="${t ?? ''}" data-end="${clipEnd ?? ''}" aria-label="Episode audio"></audio>`
        : html`<p class="empty">This episode has no audio.</p>`
    }
    ${lines.length ? findForm(episode) : ''}
  </div>`
      : html`<p class="empty">This episode has no audio.</p>`
  }
  <div class="episode-body">
    ${
      lines.length
        ? transcriptSection(episode.slug, lines, { t, q })
        : html`<p class="empty transcript-missing">No transcript yet: this episode is searchable by its show notes.</p>`
    }
    ${notes(episode)}
  </div>
</article>`,
  });
}

/**
 * "Search this episode". Without JavaScript it is a search of the whole catalogue (narrowed to this podcast); find.js
 * turns it into highlight, count and next/previous within this transcript.
 */
function findForm(episode: EpisodeDocument): Html {
  return html`<form class="find" action="/search" method="get" role="search" aria-label="This episode">
      <label for="find-q">Search this episode</label>
      <div class="find-row">
        <input id="find-q" name="q" type="search" maxlength="200" autocomplete="off" placeholder="A word or phrase">
        ${episode.podcast ? html`<input type="hidden" name="podcast" value="${episode.podcast}">` : ''}
        <button type="submit">Search</button>
      </div>
    </form>`;
}

function notes(episode: EpisodeDocument): Html {
  const people = [...episode.panel, ...episode.guests.map((guest) => `${guest} (guest)`)];
  const links = episode.links.map((label, i) => ({ label, url: episode.linkUrls[i] ?? '' }));
  const speakers = episode.speakers ?? [];
  if (!people.length && !links.length && !episode.picks.length && !speakers.length) return html``;
  return html`<aside class="notes" aria-label="Show notes">
    ${speakers.length ? html`<section><h2>Speaking</h2><ul class="speakers">${speakers.map((name) => html`<li>${name}</li>`)}</ul></section>` : ''}
    ${people.length ? html`<section><h2>Panel</h2><ul>${people.map((name) => html`<li>${name}</li>`)}</ul></section>` : ''}
    ${links.length ? html`<section><h2>Links</h2><ul class="links">${links.map((link) => html`<li>${safeLink(link.label, link.url)}</li>`)}</ul></section>` : ''}
    ${episode.picks.length ? html`<section><h2>Picks</h2><ul class="links">${episode.picks.map((pick) => html`<li>${withLinks(pick)}</li>`)}</ul></section>` : ''}
  </aside>`;
}

/** Only http(s) links become links: a `javascript:` URL in someone's show notes stays text. */
function safeLink(label: string, url: string): Html {
  return /^https?:\/\//i.test(url) ? html`<a href="${url}" rel="nofollow noopener">${label}</a>` : html`${label}`;
}

/** An http(s) URL in running text, without the punctuation that usually follows one ("see https://x.org."). */
const URL_IN_TEXT = /(https?:\/\/[^\s<>"]*[^\s<>"'.,;:!?)\]])/i;

/** Picks are text such as "Mark Ericksen: https://…": the URLs in them become links, everything else stays text. */
function withLinks(text: string): Html {
  // split() with a capturing group puts the URLs at the odd indexes.
  return html`${text.split(URL_IN_TEXT).map((part, i) => (i % 2 ? safeLink(part, part) : part))}`;
}
