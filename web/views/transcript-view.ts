import type { Mark, TranscriptLine } from '../../src/documents/transcript-lines.ts';
import { episodeUrl, lineAnchor, momentLink } from '../../src/search/search-results.ts';
import { formatTime, LEAD_IN_SECONDS } from '../../src/time.ts';
import { type Html, html } from '../html.ts';

/**
 * Links start LEAD_IN_SECONDS before the words, rounded down to the second, so the line about to be spoken counts as
 * current up to that far (and the rounding's half second on average) after `t`.
 */
const CURRENT_AHEAD = LEAD_IN_SECONDS + 0.5;

/**
 * The transcript as its own lines (a cue, a sentence), grouped into speaker turns headed by who speaks. Each line has
 * an anchor by the second it starts (`#t-75`) and a link that plays it; the line at `t` is current; the words of `q`
 * are marked as the search matched them. All of it is in the HTML, so it works without JavaScript (player.js and
 * find.js add playback that follows along and search within the page).
 */
export function transcriptSection(
  slug: string,
  lines: TranscriptLine[],
  { t, q }: { t?: number | undefined; q?: string | undefined },
): Html {
  const current = t === undefined ? -1 : lines.findLastIndex((line) => line.start <= t + CURRENT_AHEAD);
  const ids = anchors(lines);
  // A moment link names the second it opens at (`?t=75#t-75`). When no line starts in that second, the current line
  // answers to that name too (an empty anchor at its top, not its link: the browser would focus a link it lands on).
  const asked = t === undefined ? undefined : lineAnchor(t);
  const alias = asked && current >= 0 && !ids.includes(asked) ? asked : undefined;
  const marked = lines.filter((line) => line.marks?.length).length;
  const rendered = lines.map((line, i) => {
    const isCurrent = i === current;
    const id = ids[i];
    const attributes = html`${id ? html` id="${id}"` : ''} data-start="${line.start}"${isCurrent ? html` aria-current="true"` : ''}`;
    const anchor = isCurrent && alias ? html`<span class="anchor" id="${alias}"></span>` : '';
    const time = html`<a class="time" href="${momentLink(episodeUrl(slug, line.start), q)}" aria-label="Play from ${formatTime(line.start)}">${formatTime(line.start)}</a>`;
    return html`<p class="line${isCurrent ? ' current' : ''}"${attributes}>${anchor}${time} ${withMarks(line.text, line.marks)}</p>\n`;
  });
  return html`<section class="transcript" aria-labelledby="transcript-heading"><h2 id="transcript-heading">Transcript</h2>
      ${q ? html`<p class="marked-count">${marked ? `“${q}”: marked in ${marked} line${marked === 1 ? '' : 's'}.` : `“${q}” is not said in this episode.`}</p>` : ''}
      ${byTurn(lines, rendered)}
    </section>`;
}

/** Each line's id: the second it starts in, given to the first line of that second (two cues can share one). */
function anchors(lines: TranscriptLine[]): (string | undefined)[] {
  const taken = new Set<string>();
  return lines.map((line) => {
    const id = lineAnchor(line.start);
    if (taken.has(id)) return undefined;
    taken.add(id);
    return id;
  });
}

/** The text with each mark in <mark>; the text itself is escaped like any other. */
function withMarks(text: string, marks: Mark[] = []): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const [from, to] of [...marks].sort((a, b) => a[0] - b[0])) {
    if (from < at || to <= from) continue;
    parts.push(html`${text.slice(at, from)}<mark>${text.slice(from, to)}</mark>`);
    at = to;
  }
  parts.push(html`${text.slice(at)}`);
  return html`${parts}`;
}

/**
 * Consecutive lines of one speaker make one turn, headed by the name; a stretch the transcript names nobody for is a
 * turn without a name. A transcript that never names anyone is lines only.
 */
function byTurn(lines: TranscriptLine[], rendered: Html[]): Html[] {
  if (!lines.some((line) => line.speaker)) return rendered;
  const turns: { speaker: string | null; lines: Html[] }[] = [];
  lines.forEach((line, i) => {
    const speaker = line.speaker ?? null;
    const last = turns.at(-1);
    if (last && last.speaker === speaker) last.lines.push(rendered[i]!);
    else turns.push({ speaker, lines: [rendered[i]!] });
  });
  return turns.map(
    (turn) => html`<div class="turn">${turn.speaker ? html`<p class="speaker">${turn.speaker}</p>` : ''}${turn.lines}</div>`,
  );
}
