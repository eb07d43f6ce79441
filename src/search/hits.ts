import type { EpisodeSummary } from '../documents/documents.ts';
import type { Turn } from '../moments/moments.ts';

/** What every hit carries besides its summary: the facet fields, so facets need no second lookup. */
export type FacetFields = { tags?: string[]; people?: string[]; speakers?: string[]; year?: number | null };
export type SummaryHit = EpisodeSummary & FacetFields;

/** Meilisearch's account of one hit's score: only the `words` rule is read (did every word of the query match?). */
type Scored = {
  _rankingScore?: number;
  _rankingScoreDetails?: { words?: { matchingWords: number; maxMatchingWords: number } };
};

/** A hit of the notes (episodes) index, its notes fields highlighted in `_formatted`. */
export type NotesHit = SummaryHit & Scored & { chapterStarts?: number[]; _formatted?: Record<string, unknown> };

/** A hit of the moments index, its text highlighted in `_formatted`. */
export type MomentHit = SummaryHit &
  Scored & {
    start: number;
    end: number;
    wordTimes: string;
    turns?: Turn[];
    _formatted?: { text?: string };
  };

/** One answer of a multi-search, as far as search results read it. */
export type SearchAnswer = { hits: unknown[]; estimatedTotalHits?: number; facetDistribution?: Record<string, Record<string, number>> };

/** Whether a hit matched every word: no score details (a one-word query, or a test's hand-made hit) counts as yes. */
export function matchesAll(hit: Scored): boolean {
  const words = hit._rankingScoreDetails?.words;
  return !words || words.matchingWords >= words.maxMatchingWords;
}
