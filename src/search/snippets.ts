import { EPISODE_SEARCHABLE } from '../documents/index-settings.ts';
import { timeAtPackedOffset } from '../documents/word-times.ts';
import { speakerAt } from '../moments/moments.ts';
import { LEAD_IN_SECONDS } from '../time.ts';
import type { MomentResult, NoteResult } from './api.ts';
import { clipUrl } from './clip.ts';
import { escapeHtml } from './escape.ts';
import type { MomentHit, NotesHit } from './hits.ts';
import { MATCH_END, MATCH_START } from './search-request.ts';
import { episodeUrl } from './urls.ts';

const SNIPPET_WORDS = 30;

/**
 * The notes fields that matched, in ranking order (the first note is the strongest kind of match). A field matched
 * when its highlighted text holds a mark: asking Meilisearch for match positions instead costs it a pass over every
 * attribute of every hit.
 */
export function noteMatches(hit: NotesHit): NoteResult[] {
  const notes: NoteResult[] = [];
  for (const field of EPISODE_SEARCHABLE) {
    const value = hit._formatted?.[field];
    if (value === undefined || value === null) continue;
    const texts = Array.isArray(value) ? value.map(String) : [String(value)];
    const at = texts.findIndex((item) => item.includes(MATCH_START));
    const text = texts[at];
    // A chapter title found links to the chapter's start.
    const start = field === 'chapters' ? hit.chapterStarts?.[at] : undefined;
    if (text !== undefined)
      notes.push({ field, snippet: snippet(text), ...(start !== undefined ? { url: episodeUrl(hit.slug, start) } : {}) });
  }
  return notes;
}

export function momentResult(hit: MomentHit): MomentResult {
  const formatted = hit._formatted?.text ?? '';
  const offset = formatted.indexOf(MATCH_START);
  // Nothing before the first mark was changed by highlighting, so its position is the match's position in the text.
  const at = offset === -1 ? hit.start : timeAtPackedOffset(hit.start, hit.wordTimes, offset);
  return {
    start: hit.start,
    end: hit.end,
    at,
    snippet: snippet(formatted),
    url: episodeUrl(hit.slug, at - LEAD_IN_SECONDS),
    speaker: speakerAt(hit.turns ?? [], Math.max(0, offset)) ?? null,
    clipUrl: clipUrl(episodeUrl(hit.slug), hit.start, hit.end),
  };
}

/**
 * A window of words around the first match, HTML-escaped, with only `<mark>` added. Marks are balanced whatever the
 * input holds, so text that contains the marker characters cannot break the page.
 */
export function snippet(formatted: string, words = SNIPPET_WORDS): string {
  const tokens = formatted.split(/\s+/).filter(Boolean);
  const hit = Math.max(
    0,
    tokens.findIndex((token) => token.includes(MATCH_START)),
  );
  const from = Math.max(0, Math.min(hit - Math.floor(words / 4), tokens.length - words));
  const to = Math.min(tokens.length, from + words);
  let out = escapeHtml(tokens.slice(from, to).join(' '));
  out = (from > 0 ? '… ' : '') + out + (to < tokens.length ? ' …' : '');
  let open = false;
  out = out.replace(/[\u0002\u0003]/g, (marker) => {
    if (marker === MATCH_START && !open) return ((open = true), '<mark>');
    if (marker === MATCH_END && open) return ((open = false), '</mark>');
    return '';
  });
  return open ? `${out}</mark>` : out;
}
