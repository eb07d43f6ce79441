import { createHash } from 'node:crypto';
import path from 'node:path';
import PQueue from 'p-queue';
import { episodeDocument, momentDocuments, type AudioLocation } from '../src/documents.ts';
import { isLocalAudio, type Episode } from '../src/episode.ts';
import { toMoments } from '../src/moments.ts';
import type { AudioSource, DocumentWriter, Transcriber, TranscriptStore } from '../src/ports.ts';
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

  const queue = new PQueue({ concurrency: deps.concurrency });
  let done = 0;
  const total = catalogue.episodes.length;
  await Promise.all(
    catalogue.episodes.map((item) =>
      queue.add(async () => {
        const outcome = await indexEpisode(item, catalogue.dir, deps, report);
        deps.log(`[${++done}/${total}] ${item.episode.slug}: ${outcome}`);
      }, deps.signal ? { signal: deps.signal } : {}),
    ),
  );
  report.removed = await deps.writer.keepOnly(catalogue.slugs);
  return report;
}

async function indexEpisode(item: EpisodeFile, dir: string, deps: PipelineDeps, report: RunReport): Promise<string> {
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
  await deps.writer.replaceEpisode(
    episodeDocument(episode, audioLocation(episode, audioRef, dir), transcript !== undefined),
    momentDocuments(episode, moments),
  );
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
