import { createHash } from 'node:crypto';
import type { Episode } from '../episode/episode.ts';
import { peopleOf } from '../episode/people.ts';
import type { Moment } from '../moments/moments.ts';
import type { Segment } from '../transcript/transcript.ts';
import { momentCues, type StoredCue } from './transcript-lines.ts';
import { encodeWordTimes } from './word-times.ts';

/** What search results show of an episode without a second lookup: carried on episode and moment documents alike. */
export type EpisodeSummary = {
  slug: string;
  title: string;
  podcast: string | null;
  date: string | null;
  episodeNumber: number | null;
};

/** Fields both indexes filter on: the facets of the search page, and the date for sorting. */
type Filterable = {
  podcast: string | null;
  tags: string[];
  people: string[];
  /**
   * Who speaks, as the transcript names them: on an episode everyone in it, on a moment those in its own segments
   * (the `speaker` facet and `&speaker=` filter).
   */
  speakers: string[];
  /** Days since 1970-01-01, so dates sort and filter as numbers. */
  day: number | null;
  year: number | null;
};

export type EpisodeDocument = EpisodeSummary &
  Filterable & {
    id: string;
    kind: 'episode';
    summary: string;
    panel: string[];
    guests: string[];
    links: string[];
    linkUrls: string[];
    picks: string[];
    sponsors: string[];
    otherNotes: string;
    /** Chapter titles (searchable) and, at the same index, when each starts: from `podcast:chapters` or the notes. */
    chapters: string[];
    chapterStarts: number[];
    chapterUrls: (string | null)[];
    durationSeconds: number | null;
    /** An episode "number" that is not one (`Bonus`, `036A`), shown and searchable as written. */
    label: string | null;
    /** Where the player loads the audio: an http(s) URL, or null when the episode has none. */
    audio: string | null;
    /** The path under EPISODES_DIR when the audio is a local file, served by the web app itself. */
    audioPath: string | null;
    transcribed: boolean;
    /** Its moments are `<id>--0` … `<id>--<momentCount - 1>`, so they can be replaced or removed by id. */
    momentCount: number;
    /**
     * Everything the documents were built from (file, transcript, audio identity, versions), hashed; a run skips an
     * episode whose fingerprint is unchanged. Empty when the last run could not finish it, so the next one tries again.
     */
    fingerprint: string;
  };

export type MomentDocument = EpisodeSummary &
  Filterable &
  Omit<Moment, 'index' | 'wordOffsets' | 'wordStarts'> & {
    id: string;
    kind: 'moment';
    moment: number;
    /** The moment's word offsets and times, packed (word-times.ts). */
    wordTimes: string;
    /** The transcript's lines within this moment (transcript-lines.ts): what the exports and episode page read. */
    cues: StoredCue[];
  };

/** Bumped whenever documents or index settings change shape, so every episode is written again. */
export const DOCUMENTS_VERSION = 4;

/** How the player should reach the audio, decided by the indexer, which knows where the episode file is. */
export type AudioLocation = { audio: string | null; audioPath: string | null };

export type IndexState = {
  transcribed: boolean;
  momentCount: number;
  fingerprint: string;
  /** Everyone the transcript names as speaking. @default [] */
  speakers?: string[];
};

export function episodeDocument(episode: Episode, location: AudioLocation, state: IndexState): EpisodeDocument {
  return {
    id: documentId(episode.slug),
    kind: 'episode',
    ...summaryOf(episode),
    ...filterableOf(episode),
    summary: episode.summary,
    panel: episode.panel,
    guests: episode.guests,
    links: episode.links.map((link) => link.label),
    linkUrls: episode.links.map((link) => link.url),
    picks: episode.picks.map((pick) => (pick.person ? `${pick.person}: ${pick.label}` : pick.label)),
    sponsors: episode.sponsors.map((link) => link.label),
    otherNotes: episode.otherNotes,
    chapters: (episode.chapters ?? []).map((chapter) => chapter.title),
    chapterStarts: (episode.chapters ?? []).map((chapter) => chapter.start),
    chapterUrls: (episode.chapters ?? []).map((chapter) => chapter.url ?? null),
    durationSeconds: episode.durationSeconds ?? null,
    label: episode.label ?? null,
    ...location,
    ...state,
    speakers: state.speakers ?? [],
  };
}

export function momentDocuments(episode: Episode, moments: Moment[], segments: Segment[] = []): MomentDocument[] {
  const cues = momentCues(segments, moments);
  const summary = summaryOf(episode);
  const filterable = filterableOf(episode);
  return moments.map(({ index, wordOffsets, wordStarts, ...moment }, i) => ({
    id: momentId(episode.slug, index),
    kind: 'moment',
    ...summary,
    ...filterable,
    moment: index,
    ...moment,
    wordTimes: encodeWordTimes(moment.start, { wordOffsets, wordStarts }),
    cues: cues[i] ?? [],
  }));
}

function summaryOf(episode: Episode): EpisodeSummary {
  return {
    slug: episode.slug,
    title: episode.title,
    podcast: episode.podcast ?? null,
    date: episode.date ?? null,
    episodeNumber: episode.episodeNumber ?? null,
  };
}

function filterableOf(episode: Episode): Filterable {
  return {
    podcast: episode.podcast ?? null,
    tags: episode.tags,
    people: peopleOf([...episode.panel, ...episode.guests]),
    speakers: [],
    day: episode.date ? Math.round(Date.parse(episode.date) / 86_400_000) : null,
    year: episode.date ? Number(episode.date.slice(0, 4)) : null,
  };
}

/**
 * Meilisearch ids allow only `a-z A-Z 0-9 - _`; slugs come from file names and may hold anything. A slug that fits is
 * used as is so ids stay readable; any other is written as hex of its UTF-8 bytes, which cannot collide with a
 * readable one because it carries a prefix no plain slug is given.
 */
export function documentId(slug: string): string {
  if (/^[A-Za-z0-9_-]{1,200}$/.test(slug) && !slug.startsWith('x_')) return slug;
  const hex = Buffer.from(slug, 'utf8').toString('hex');
  if (hex.length <= 400) return `x_${hex}`;
  // Cut slugs (slug.ts) fit above; a longer one (from a feed, say) keeps a hash of the whole, so two never share an id.
  return `x_${hex.slice(0, 360)}_${createHash('sha256').update(slug).digest('hex').slice(0, 32)}`;
}

export function momentId(slug: string, index: number): string {
  return `${documentId(slug)}--${index}`;
}
