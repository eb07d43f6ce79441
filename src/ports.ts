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

/** The indexer's side of the search engine. */
export interface DocumentWriter {
  applySettings(): Promise<void>;
  /** Replaces everything indexed for this episode by these documents. */
  replaceEpisode(episode: EpisodeDocument, moments: MomentDocument[]): Promise<void>;
  /** Deletes the documents of every episode not in `slugs`; returns the slugs it removed. */
  keepOnly(slugs: string[]): Promise<string[]>;
}

/** The web page's side of the search engine. */
export interface SearchBackend {
  search(query: SearchQuery): Promise<SearchResponse>;
  episode(slug: string): Promise<{ episode: EpisodeDocument; moments: MomentDocument[] } | undefined>;
  health(): Promise<{ status: string }>;
}
