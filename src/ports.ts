/**
 * The outside services, as the core sees them. Each is a small interface passed in, so tests hand in real local
 * servers or fakes that behave like the real thing.
 */
import type { EpisodeDocument, MomentDocument } from './documents.ts';
import type { SearchResponse } from './search-results.ts';
import type { SearchQuery } from './search-request.ts';
import type { Transcript } from './transcript.ts';

/** Audio bytes of one episode, read from the web or from a file beside the episode. */
export type Audio = { bytes: Uint8Array; fileName: string };

export interface AudioSource {
  fetch(reference: string, options: { signal?: AbortSignal }): Promise<Audio>;
}

export interface Transcriber {
  readonly model: string;
  transcribe(audio: Audio, options: { prompt?: string; signal?: AbortSignal }): Promise<Transcript>;
}

/** Transcripts already paid for, keyed by what was sent, so the same audio is never sent twice. */
export interface TranscriptStore {
  get(key: string): Promise<Transcript | undefined>;
  put(key: string, transcript: Transcript): Promise<void>;
}

/** What the index holds for an episode, enough to replace or remove all of its documents. */
export type IndexedEpisode = { slug: string; momentCount: number };

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

/** The indexer's side of the search engine. */
export interface DocumentWriter {
  applySettings(): Promise<void>;
  indexed(): Promise<Map<string, IndexedEpisode>>;
  write(batch: WriteBatch): Promise<void>;
}

/** The web page's side of the search engine. */
export interface SearchBackend {
  search(query: SearchQuery): Promise<SearchResponse>;
  episode(slug: string): Promise<{ episode: EpisodeDocument; moments: MomentDocument[] } | undefined>;
  health(): Promise<{ status: string }>;
}
