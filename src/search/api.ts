import type { Facet } from '../documents/index-settings.ts';
import type { Filters, Sort } from './search-request.ts';

/** The JSON contract of `GET /api/search`; other tools rely on it, so fields are only ever added. */
export type SearchResponse = {
  query: string;
  /**
   * Episodes in which every word of the query matches (in one moment, or in the show notes), with the typo and prefix
   * tolerance of the search. A lower bound when `totalEpisodesExact` is false.
   */
  totalEpisodes: number;
  /**
   * False when more moments matched every word than one search reads (a word said in most episodes): there are at
   * least `totalEpisodes` such episodes, and the page says "at least".
   */
  totalEpisodesExact: boolean;
  /**
   * Further episodes where only some of the words match (Meilisearch drops words from the end of the query, the last
   * first); they follow the full matches, each marked `match: 'some'`. Zero for a one-word query.
   */
  partialEpisodes: number;
  /** False when partial matches go on past what one search reads: `partialEpisodes` is then a lower bound. */
  partialEpisodesExact: boolean;
  page: number;
  /** Pages that hold results: full matches first, then partial ones. */
  pages: number;
  sort: Sort;
  filters: Filters;
  /**
   * How many episodes `facets` counted over: the episodes this search's answers found that match every word (or, when
   * none does, the partial ones) — all of them when `totalEpisodesExact`, else the best ones, newest first among
   * equals. A value with this count is on every one.
   */
  facetEpisodes: number;
  /** For each facet, how many of those `facetEpisodes` episodes have each value, most first: the top FACET_VALUES and any filtered by. */
  facets: Record<Facet, { value: string; count: number }[]>;
  episodes: EpisodeResult[];
};

export type EpisodeResult = {
  slug: string;
  title: string;
  podcast: string | null;
  date: string | null;
  episodeNumber: number | null;
  url: string;
  /** `all`: every word of the query matches in one of its moments or in its notes; `some`: only some do. */
  match: 'all' | 'some';
  notes: NoteResult[];
  moments: MomentResult[];
};

/** A show-notes match; a chapter title's carries `url`, which plays the chapter from its start. */
export type NoteResult = { field: string; snippet: string; url?: string };

export type MomentResult = {
  start: number;
  end: number;
  /** When the first matched word is spoken. */
  at: number;
  snippet: string;
  url: string;
  /** Who is speaking at the matched word, where the transcript names them. */
  speaker: string | null;
  /** The whole moment as a clip: `/episodes/<slug>?t=START,END`, which the player stops at the end of. */
  clipUrl: string;
};
