/**
 * The outside services, as the core sees them. Each is a small interface passed in, so tests hand in real local
 * servers or fakes that behave like the real thing.
 */
import type { EpisodeDocument, EpisodeSummary, MomentDocument } from './documents/documents.ts';
import type { TranscriptLine } from './documents/transcript-lines.ts';
import type { SearchQuery } from './search/search-request.ts';
import type { SearchResponse } from './search/search-results.ts';
import type { TimelinePoint } from './search/timeline.ts';
import type { VerboseJson } from './transcript/transcript.ts';

/** One upload: audio bytes and a file name whose extension tells the provider the format. */
export type Audio = { bytes: Uint8Array; fileName: string };

/** An episode's audio on local disk: downloaded into the cache, or the file beside the episode. */
export type AudioFile = {
  path: string;
  bytes: number;
  fileName: string;
  /** The cached download was still current and was not fetched again. */
  reused: boolean;
  /** The source changed since it was last downloaded (say, ads inserted): earlier timestamps no longer hold. */
  changed: boolean;
  /** sha256 of the bytes, when the download already computed it (a local file is hashed by whoever needs it). */
  sha256?: string;
};

export interface AudioSource {
  fetch(reference: string, options: { signal?: AbortSignal }): Promise<AudioFile>;
}

/** Speech to text for one upload: the provider's own answer, before podgrep filters and shifts it. */
export interface Transcriber {
  readonly model: string;
  transcribe(audio: Audio, options: { prompt?: string; signal?: AbortSignal; onRetry?: (reason: string) => void }): Promise<VerboseJson>;
}

/**
 * What was paid for, kept as soon as it arrives: each piece's answer, and each episode's finished transcript, keyed
 * so that the same audio is never sent twice.
 */
export interface TranscriptStore {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown): Promise<void>;
}

/** What the index holds for an episode, enough to replace or remove all of its documents. */
export type IndexedEpisode = { slug: string; momentCount: number; fingerprint: string };

/**
 * Writes that go to the engine together. Meilisearch spends about as long on a one-document task as on a batch of
 * thousands (0.2–2.7 s per task measured here), so documents are written in batches, never one episode at a time.
 */
export type WriteBatch = {
  episodes: EpisodeDocument[];
  moments: MomentDocument[];
  /** Moments an episode had before and no longer has (its transcript got shorter, or it was removed). */
  staleMomentIds: string[];
  removedEpisodeIds: string[];
};

/**
 * A batch as it is sent: each moment document already written as one line of JSON (the NDJSON Meilisearch reads), so
 * the objects are let go as soon as their episode is built rather than waiting for the batch to fill.
 */
export type EncodedBatch = Omit<WriteBatch, 'moments'> & { momentLines: string[] };

/** The indexer's side of the search engine. */
export interface DocumentWriter {
  /** Settings before documents; `synonyms` come from the glossary. */
  applySettings(synonyms: Record<string, string[]>): Promise<void>;
  indexed(): Promise<Map<string, IndexedEpisode>>;
  /**
   * Hands the batch's moments to the engine and resolves once it has accepted them (queued, not yet searchable), so
   * the caller can let go of the documents. `settle` waits until they are written, then hands over the episode
   * documents: an episode document lands only after all of its moments did.
   */
  send(batch: EncodedBatch): Promise<{ settle(): Promise<void> }>;
  /** Waits until everything handed over is written; a failed write is an error. */
  drain(): Promise<void>;
}

/** The web page's side of the search engine. */
export interface SearchBackend {
  search(query: SearchQuery): Promise<SearchResponse>;
  /** Every matching episode with how many of its moments match: the research view's timeline. */
  timeline(query: SearchQuery): Promise<TimelinePoint[]>;
  episode(slug: string): Promise<EpisodeDocument | undefined>;
  /**
   * The transcript's own lines (cues, speaker turns) in order, as indexed: for the exports and the episode page. With
   * `q`, each line also carries where that search matched in it (`marks`), as the search itself found the words;
   * with `sentences`, long lines come as their sentences (transcript-sentences.ts), for reading along.
   */
  transcript(slug: string, options?: { q?: string; sentences?: boolean }): Promise<TranscriptLine[]>;
  health(): Promise<{ status: string }>;
  /** The newest episodes, for the home page and "nothing found"; a backend without it shows none. */
  recent?(limit: number): Promise<EpisodeSummary[]>;
}
