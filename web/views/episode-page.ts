import type { EpisodeDocument, TranscriptLine } from '../../src/documents/documents.ts';
import { speakerAt } from '../../src/moments/moments.ts';
import { episodeUrl } from '../../src/search/search-results.ts';
import { formatTime } from '../../src/time.ts';
import { html, type Html } from '../html.ts';
import { layout } from './layout.ts';

/** Where the player loads the audio: the episode's own URL, or this app for a file in EPISODES_DIR. */
export function audioSrc(episode: EpisodeDocument): string | undefined {
  if (episode.audio) return episode.audio;
  if (episode.audioPath) return `${episodeUrl(episode.slug)}/audio`;
  return undefined;
}

/**
 * The episode: player and "search this episode" in a bar that stays in view, the transcript with a link per line, and
 * the show notes beside it on wide screens. static/player.js and static/find.js add seeking, the spoken line and
 * in-episode search; without them every line is still a link that opens the player at its time.
 */
export function episodePage(episode: EpisodeDocument, moments: TranscriptLine[], t: number | undefined, end?: number): Html {
  const src = audioSrc(episode);
  // A media fragment makes the browser open the audio at `t` even without JavaScript. A clip's end is left to
  // player.js: Chromium enforces a fragment's end on every later play too, so the listener could never go on.
  const clipEnd = t !== undefined && end !== undefined && end > t ? end : undefined;
  const playerSrc = src && t !== undefined ? `${src}#t=${t}` : src;
  const lines = transcriptLines(moments);
  const current = t === undefined ? undefined : currentLine(lines, t);
  const meta = [
    episode.podcast,
    episode.date,
    episode.episodeNumber !== null ? `#${episode.episodeNumber}` : (episode.label ?? null),
    episode.durationSeconds ? formatTime(episode.durationSeconds) : null,
  ];
  return layout({
    title: `${episode.title} — podgrep`,
    body: html`<article class="episode-page">
  <header class="episode-head">
    <h1>${episode.title}</h1>
    <p class="meta">${meta.filter(Boolean).join(' · ')}</p>
    ${episode.summary ? html`<div class="summary">${episode.summary.split('\n').filter((p) => p.trim()).map((p) => html`<p>${p}</p>`)}</div>` : ''}
  </header>
  ${playerSrc || moments.length
    ? html`<div class="episode-tools">
    ${playerSrc
      ? html`<audio id="player" controls preload="metadata" src="${playerSrc}" data-start="${t ?? ''}" data-end="${clipEnd ?? ''}" aria-label="Episode audio"></audio>`
      : html`<p class="empty">This episode has no audio.</p>`}
    ${moments.length ? findForm(episode) : ''}
  </div>`
    : html`<p class="empty">This episode has no audio.</p>`}
  <div class="episode-body">
    ${moments.length
      ? html`<section class="transcript" aria-labelledby="transcript-heading"><h2 id="transcript-heading">Transcript</h2>
      ${byTurn(lines).map((turn) => {
        const body = turn.lines.map(
          (line) => html`<p class="line${line === current ? ' current' : ''}" data-start="${line.start}">
        <a class="time" href="${episodeUrl(episode.slug, line.start)}" aria-label="Play from ${formatTime(line.start)}">${formatTime(line.start)}</a> ${line.text}</p>`,
        );
        if (turn.speaker === undefined) return body;
        // A stretch the transcript names nobody for is still its own turn, without a name to show.
        return html`<div class="turn">${turn.speaker ? html`<p class="speaker">${turn.speaker}</p>` : ''}${body}</div>`;
      })}
    </section>`
      : html`<p class="empty transcript-missing">No transcript yet: this episode is searchable by its show notes.</p>`}
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

/** Links start a second or so before the words (search-results.ts), so the line about to be spoken counts as current. */
const LEAD_IN = 1.5;

function currentLine(lines: Line[], t: number): Line | undefined {
  return lines.findLast((line) => line.start <= t + LEAD_IN);
}

/** A line of the page: a moment, or the part of one that a speaker says. `speaker` undefined: nobody is ever named. */
type Line = { start: number; text: string; speaker: string | null | undefined };

/** Each moment's own text (without the overlap), cut where a speaker's turn begins. */
function transcriptLines(moments: TranscriptLine[]): Line[] {
  return moments.flatMap((moment) => {
    const overlap = moment.overlap ?? 0;
    const turns = moment.turns ?? [];
    const cuts = turns.filter((turn) => turn.offset > overlap);
    const lines: Line[] = [];
    let from = overlap;
    let start = moment.start;
    let speaker = speakerAt(turns, overlap);
    for (const cut of [...cuts, undefined]) {
      const text = moment.text.slice(from, cut?.offset).trim();
      if (text) lines.push({ start, text, speaker });
      if (!cut) break;
      [from, start, speaker] = [cut.offset, cut.start, cut.speaker];
    }
    return lines;
  });
}

/** Consecutive lines of one speaker make one turn. */
function byTurn(lines: Line[]): { speaker: string | null | undefined; lines: Line[] }[] {
  const named = lines.some((line) => line.speaker);
  const turns: { speaker: string | null | undefined; lines: Line[] }[] = [];
  for (const line of lines) {
    const speaker = named ? (line.speaker ?? null) : undefined;
    const last = turns.at(-1);
    if (last && last.speaker === speaker) last.lines.push(line);
    else turns.push({ speaker, lines: [line] });
  }
  return turns;
}
