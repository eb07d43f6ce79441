import type { MultiSearchQuery } from 'meilisearch';
import type { IndexNames } from '../documents/index-settings.ts';
import type { Mark } from '../documents/transcript-lines.ts';
import { filterValue } from './filter.ts';
import { matchesAll, type SearchAnswer } from './hits.ts';
import { MATCH_END, MATCH_START } from './search-request.ts';

/**
 * An episode's moments can number a few hundred (three hours at 30–40 s each); more than this and the page marks the
 * first ones. Each hit is highlighted, about 80 µs apiece (search-request.ts).
 */
export const MARKED_MOMENTS = 1000;

/**
 * The searched words in one episode, as the search found them: the same query on the moments index, narrowed to the
 * episode and highlighted by Meilisearch, so the page marks what the result matched — typos, prefixes and the
 * glossary's synonyms included — rather than a second guess at it.
 */
export function transcriptMarksRequest(q: string, slug: string, names: IndexNames): MultiSearchQuery {
  return {
    indexUid: names.moments,
    q,
    filter: `slug = ${filterValue(slug)}`,
    limit: MARKED_MOMENTS,
    attributesToRetrieve: ['id'],
    attributesToHighlight: ['text'],
    highlightPreTag: MATCH_START,
    highlightPostTag: MATCH_END,
    // As in a search: only a query of several words can match partly, and the details say which hits did.
    ...(/\s/.test(q) ? { showRankingScoreDetails: true } : {}),
  };
}

type MarkHit = {
  id?: string;
  _formatted?: { text?: string };
  _rankingScoreDetails?: { words?: { matchingWords: number; maxMatchingWords: number } };
};

/**
 * Where each matching moment's words are, by the moment's id. Moments with every word are the ones a result links
 * to; when the episode has any, those with only some of the words ("the" of "the event loop") are left unmarked, as
 * the results would rank them after.
 */
export function transcriptMarks(answer: SearchAnswer, texts: Map<string, string>): Map<string, Mark[]> {
  const hits = answer.hits as MarkHit[];
  const full = hits.filter(matchesAll);
  const marks = new Map<string, Mark[]>();
  for (const hit of full.length ? full : hits) {
    const text = hit.id === undefined ? undefined : texts.get(hit.id);
    const formatted = hit._formatted?.text;
    if (hit.id === undefined || text === undefined || formatted === undefined) continue;
    const ranges = markRanges(text, formatted);
    if (ranges.length) marks.set(hit.id, ranges);
  }
  return marks;
}

/**
 * The highlighted stretches of `formatted` (the text with MATCH_START / MATCH_END around matches) as offsets into the
 * plain `text`. The two are walked side by side, so a marker character that the text itself holds is read as text;
 * if they do not line up, nothing is marked rather than the wrong words.
 */
export function markRanges(text: string, formatted: string): Mark[] {
  const ranges: Mark[] = [];
  let at = 0;
  let open: number | undefined;
  for (let i = 0; i < formatted.length; i++) {
    const c = formatted[i];
    if (c === MATCH_START && text[at] !== c && open === undefined) open = at;
    else if (c === MATCH_END && text[at] !== c && open !== undefined) {
      if (at > open) ranges.push([open, at]);
      open = undefined;
    } else if (c === text[at]) at++;
    else return [];
  }
  if (at !== text.length) return [];
  if (open !== undefined && text.length > open) ranges.push([open, text.length]);
  return ranges;
}
