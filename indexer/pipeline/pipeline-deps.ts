import type { GlossaryEntry } from '../../src/catalogue/glossary.ts';
import type { AudioSource, DocumentWriter, Transcriber, TranscriptStore } from '../../src/ports.ts';
import type { EpisodeResult } from './progress.ts';

/** What the pipeline is handed: the outside services as ports, and the run's settings. */
export type PipelineDeps = {
  writer: DocumentWriter;
  audio: AudioSource;
  /** Absent when no transcription service is configured: show notes are still indexed. */
  transcriber: Transcriber | undefined;
  transcripts: TranscriptStore;
  ffmpeg: () => Promise<string>;
  /** Scratch space for decoded audio; emptied as each episode finishes. */
  workDir: string;
  maxUploadBytes: number;
  /** Transcription requests in flight at once, over all pieces of all episodes. */
  concurrency: number;
  /** The show's terms and their synonyms (`glossary.yml`): search synonyms, and words for the transcription prompt. */
  glossary: GlossaryEntry[];
  /** An episode moved to a new stage (`downloading audio`). */
  progress: (slug: string, stage: string) => void;
  /** An episode is done, and how (progress.ts decides what is printed of it). */
  finished: (slug: string, result: EpisodeResult) => void;
  /** A line about the run as a whole. */
  log?: (line: string) => void;
  /** The run waits for something other than its episodes (Meilisearch indexing what was sent): say so, and for how long. */
  waiting: (what: string) => void;
  signal?: AbortSignal;
  /** Let `transcript_url` reach loopback and private addresses (ALLOW_PRIVATE_URLS). @default false */
  allowPrivateUrls?: boolean;
  /** Folders besides the catalogue's own that local audio may be in (AUDIO_DIRS). @default [] */
  audioDirs?: readonly string[];
};
