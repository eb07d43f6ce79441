import { createHash } from 'node:crypto';
import path from 'node:path';
import PQueue from 'p-queue';
import { documentId, episodeDocument, momentDocuments, momentId, type AudioLocation } from '../src/documents.ts';
import { isLocalAudio, type Episode } from '../src/episode.ts';
import { toMoments } from '../src/moments.ts';
import type { AudioSource, DocumentWriter, IndexedEpisode, Transcriber, TranscriptStore, WriteBatch } from '../src/ports.ts';
import type { Transcript } from '../src/transcript.ts';
import type { Catalogue, EpisodeFile } from './read-episodes.ts';

export type PipelineDeps = {
  writer: DocumentWriter;
  audio: AudioSource;
  /** Absent when no transcription service is configured: show notes are still indexed. */
  transcriber: Transcriber | undefined;
  transcripts: TranscriptStore;
  /** Episodes worked on at once; the transcription calls are what it limits. */
  concurrency: number;
  log: (line: string) => void;
  signal?: AbortSignal;
};

export type RunReport = {
  indexed: number;
  moments: number;
  transcribed: { slug: string; seconds: number }[];
  reused: number;
  /** Episodes indexed from their show notes alone, and the seconds of audio they have (0 when unknown). */
  notesOnly: { slug: string; seconds: number; reason: string }[];
  failed: { file: string; reason: string }[];
  removed: string[];
};

/**
 * The indexer's one pass: episode → audio → transcript → moments → documents → Meilisearch. This is the only place
 * work runs concurrently: a p-queue over episodes.
 */
export async function indexCatalogue(catalogue: Catalogue, deps: PipelineDeps): Promise<RunReport> {
  const report: RunReport = { indexed: 0, moments: 0, transcribed: [], reused: 0, notesOnly: [], failed: [], removed: [] };
  for (const failure of catalogue.failures) report.failed.push({ file: failure.file, reason: failure.message });
  await deps.writer.applySettings();
  const indexed = await deps.writer.indexed();
  const batches = batcher(deps.writer);

  const queue = new PQueue({ concurrency: deps.concurrency });
  let done = 0;
  const total = catalogue.episodes.length;
  await Promise.all(
    catalogue.episodes.map((item) =>
      queue.add(async () => {
        const outcome = await indexEpisode(item, catalogue.dir, deps, report, indexed.get(item.episode.slug), batches.add);
        deps.log(`[${++done}/${total}] ${item.episode.slug}: ${outcome}`);
      }, deps.signal ? { signal: deps.signal } : {}),
    ),
  );
  // A file that is still there but failed to parse keeps what was indexed for it; only removed files lose theirs.
  const present = new Set(catalogue.slugs);
  for (const old of indexed.values()) {
    if (present.has(old.slug)) continue;
    batches.add({ episodes: [], moments: [], staleMomentIds: momentIds(old.slug, 0, old.momentCount), removedEpisodeIds: [documentId(old.slug)] });
    report.removed.push(old.slug);
  }
  await batches.flush();
  return report;
}

/** Moments written in one go once this many are waiting; a few MB of documents, one Meilisearch batch. */
const FLUSH_AT = 5_000;

/** Collects documents from the episodes in flight and writes them in batches, one batch at a time. */
function batcher(writer: DocumentWriter) {
  let pending: WriteBatch = { episodes: [], moments: [], staleMomentIds: [], removedEpisodeIds: [] };
  let writing: Promise<void> = Promise.resolve();
  const flush = (): Promise<void> => {
    const batch = pending;
    pending = { episodes: [], moments: [], staleMomentIds: [], removedEpisodeIds: [] };
    writing = writing.then(() => writer.write(batch));
    return writing;
  };
  return {
    add: async (batch: WriteBatch): Promise<void> => {
      pending.episodes.push(...batch.episodes);
      pending.moments.push(...batch.moments);
      pending.staleMomentIds.push(...batch.staleMomentIds);
      pending.removedEpisodeIds.push(...batch.removedEpisodeIds);
      if (pending.moments.length >= FLUSH_AT) await flush();
    },
    flush,
  };
}

function momentIds(slug: string, from: number, to: number): string[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => momentId(slug, from + i));
}

async function indexEpisode(
  item: EpisodeFile,
  dir: string,
  deps: PipelineDeps,
  report: RunReport,
  before: IndexedEpisode | undefined,
  write: (batch: WriteBatch) => Promise<void>,
): Promise<string> {
  const { episode, file } = item;
  const audioRef = episode.audioUrl && (isLocalAudio(episode.audioUrl) ? path.resolve(path.dirname(file), episode.audioUrl) : episode.audioUrl);
  let transcript: Transcript | undefined;
  let outcome: string;
  if (!audioRef) {
    outcome = 'show notes only (no audio_url)';
    report.notesOnly.push({ slug: episode.slug, seconds: 0, reason: 'no audio_url' });
  } else if (!deps.transcriber) {
    outcome = 'show notes only (no transcription service configured)';
    report.notesOnly.push({ slug: episode.slug, seconds: episode.durationSeconds ?? 0, reason: 'not transcribed' });
  } else {
    try {
      transcript = await transcribe(episode, audioRef, deps, report);
      outcome = `${transcript.segments.length} segments`;
    } catch (error) {
      // The show notes are still worth finding; the run's exit status says the transcript is missing.
      const reason = error instanceof Error ? error.message : String(error);
      report.failed.push({ file, reason });
      report.notesOnly.push({ slug: episode.slug, seconds: episode.durationSeconds ?? 0, reason });
      outcome = `show notes only; ${reason}`;
    }
  }
  const moments = transcript ? toMoments(transcript) : [];
  await write({
    episodes: [episodeDocument(episode, audioLocation(episode, audioRef, dir), transcript !== undefined, moments.length)],
    moments: momentDocuments(episode, moments),
    staleMomentIds: momentIds(episode.slug, moments.length, before?.momentCount ?? 0),
    removedEpisodeIds: [],
  });
  report.indexed++;
  report.moments += moments.length;
  return transcript ? `${outcome}, ${moments.length} moments` : outcome;
}

async function transcribe(episode: Episode, audioRef: string, deps: PipelineDeps, report: RunReport): Promise<Transcript> {
  const transcriber = deps.transcriber!;
  const audio = await deps.audio.fetch(audioRef, deps.signal ? { signal: deps.signal } : {});
  // Keyed by the audio's bytes and the model: the same audio is never paid for twice, whatever its URL.
  const key = `${transcriber.model}-${createHash('sha256').update(audio.bytes).digest('hex')}`;
  const cached = await deps.transcripts.get(key);
  if (cached) {
    report.reused++;
    return cached;
  }
  const transcript = await transcriber.transcribe(audio, { prompt: promptFor(episode), ...(deps.signal ? { signal: deps.signal } : {}) });
  await deps.transcripts.put(key, transcript);
  report.transcribed.push({ slug: episode.slug, seconds: transcript.duration });
  return transcript;
}

/** Names and terms Whisper is likely to mishear, in the spelling the show uses. */
function promptFor(episode: Episode): string {
  const people = [...new Set([...episode.guests, ...episode.panel])].join(', ');
  return [episode.title, people].filter(Boolean).join('. ');
}

function audioLocation(episode: Episode, audioRef: string | undefined, dir: string): AudioLocation {
  if (!audioRef) return { audio: null, audioPath: null };
  if (!isLocalAudio(episode.audioUrl ?? '')) return { audio: audioRef, audioPath: null };
  const relative = path.relative(path.resolve(dir), audioRef);
  // Audio outside the episodes folder is not served: the web app only serves files from EPISODES_DIR.
  return relative.startsWith('..') || path.isAbsolute(relative) ? { audio: null, audioPath: null } : { audio: null, audioPath: relative };
}
