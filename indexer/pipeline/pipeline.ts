import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import PQueue from 'p-queue';
import { DOCUMENTS_VERSION, documentId, episodeDocument, momentDocuments, momentId, type AudioLocation } from '../../src/documents/documents.ts';
import { isLocalAudio, type Episode } from '../../src/episode/episode.ts';
import { glossarySynonyms, glossaryTerms, type GlossaryEntry } from '../../src/catalogue/glossary.ts';
import { CHUNKING_VERSION, toMoments } from '../../src/moments/moments.ts';
import type { AudioSource, DocumentWriter, IndexedEpisode, Transcriber, TranscriptStore, WriteBatch } from '../../src/ports.ts';
import type { Transcript } from '../../src/transcript/transcript.ts';
import { checkLocalAudio } from '../../adapters/files/local-audio.ts';
import { publishedTranscript } from '../transcription/published-transcript.ts';
import type { Catalogue, EpisodeFile } from '../sources/read-episodes.ts';
import { emptyReport, type RunReport } from './run-report.ts';
import { transcribeAudio } from '../transcription/transcribe-audio.ts';
import { writeBatcher } from './write-batcher.ts';
import { addLinkedChapters } from '../sources/linked-chapters.ts';
import { LocalAudioError } from '../../src/errors.ts';

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
  progress: (slug: string, stage: string) => void;
  /** A line about the run as a whole. */
  log?: (line: string) => void;
  signal?: AbortSignal;
  /** Let `transcript_url` reach loopback and private addresses (ALLOW_PRIVATE_URLS). @default false */
  allowPrivateUrls?: boolean;
  /** Folders besides the catalogue's own that local audio may be in (AUDIO_DIRS). @default [] */
  audioDirs?: readonly string[];
};

/**
 * The indexer's one pass: episode → audio → transcript → moments → documents → Meilisearch. The two queues here are
 * the only place work runs concurrently: episodes are prepared side by side, and every transcription request of every
 * episode waits its turn in one queue. (Document batches are sent in order behind them: write-batcher.ts.)
 */
export async function indexCatalogue(catalogue: Catalogue, deps: PipelineDeps): Promise<RunReport> {
  const report = emptyReport();
  for (const failure of catalogue.failures) report.failed.push({ file: failure.file, reason: failure.message });
  report.warnings.push(...(catalogue.warnings ?? []));
  await deps.writer.applySettings(glossarySynonyms(deps.glossary));
  const indexed = await deps.writer.indexed();
  const batches = writeBatcher(deps.writer);
  const episodes = new PQueue({ concurrency: deps.concurrency });
  const requests = new PQueue({ concurrency: deps.concurrency });
  const signal = deps.signal;
  // Jobs check the signal when they start rather than giving it to p-queue, which would abandon a running job: an
  // answer in flight is paid for either way, so Ctrl-C lets it arrive and be kept, and only what has not started stops.
  const request = <T>(job: () => Promise<T>) => requests.add(() => (signal?.throwIfAborted(), job())) as Promise<T>;

  const results = await Promise.allSettled(
    catalogue.episodes.map((item) =>
      episodes.add(async () => {
        signal?.throwIfAborted();
        await indexEpisode(item, { deps, report, request, indexed, add: batches.add, dir: catalogue.dir });
      }),
    ),
  );
  // Documents are sent faster than Meilisearch indexes them; the last minute or so of a large run is spent here.
  const finish = async () => {
    if (report.indexed) deps.log?.('Waiting for Meilisearch to finish indexing the documents sent…');
    await batches.flush();
  };
  if (signal?.aborted) {
    // What is written stays written; what was in flight is kept by the transcript store and picked up next run.
    report.stopped = true;
    await finish();
    return report;
  }
  const unexpected = results.find((result) => result.status === 'rejected');
  if (unexpected) throw unexpected.reason;
  await removeGone(catalogue, indexed, report, batches.add);
  await finish();
  return report;
}

type EpisodeContext = {
  deps: PipelineDeps;
  report: RunReport;
  request: <T>(job: () => Promise<T>) => Promise<T>;
  indexed: Map<string, IndexedEpisode>;
  add: (batch: WriteBatch) => Promise<void>;
  dir: string;
};

/** One episode through every stage, its documents handed to the batcher. */
async function indexEpisode(item: EpisodeFile, { deps, report, request, indexed, add, dir }: EpisodeContext): Promise<void> {
  const progress = (stage: string) => deps.progress(item.episode.slug, stage);
  const previous = indexed.get(item.episode.slug);
  const fingerprint = await fingerprintOf(item, deps);
  if (previous?.fingerprint === fingerprint) {
    report.skipped++;
    progress('unchanged');
    return;
  }
  await addLinkedChapters(item, { signal: deps.signal, allowPrivateUrls: deps.allowPrivateUrls ?? false, warn: (line) => report.warnings.push(line) });
  // Refused here, before anything reads it: the web page would otherwise serve it from the site's own origin.
  const refused = await refusedAudio(item, [dir, ...(deps.audioDirs ?? [])]);
  if (refused) report.failed.push({ file: item.file, reason: refused });
  const { transcript, failed = refused } = await transcriptOf(refused ? { ...item, episode: { ...item.episode, audioUrl: undefined } } : item, deps, report, request, progress);
  const before = previous?.momentCount ?? 0;
  // A transcript that could not be made this time (say, the audio host was down) keeps the one indexed before.
  const keepOld = failed !== undefined && before > 0;
  const moments = transcript ? toMoments(transcript) : [];
  const count = keepOld ? before : moments.length;
  await add({
    episodes: [
      episodeDocument(item.episode, refused ? { audio: null, audioPath: null } : audioLocation(item, dir), {
        transcribed: transcript !== undefined || keepOld,
        momentCount: count,
        // A failure leaves no fingerprint, so the next run tries the episode again.
        fingerprint: failed ? '' : fingerprint,
        speakers: [...new Set(moments.flatMap((moment) => moment.speakers))],
      }),
    ],
    moments: momentDocuments(item.episode, moments, transcript?.segments),
    staleMomentIds: momentIds(item.episode.slug, count, before),
    removedEpisodeIds: [],
  });
  report.indexed++;
  report.moments += moments.length;
  if (failed) progress(`failed: ${failed} (show notes indexed${keepOld ? `, the ${before} moments indexed before kept` : ''})`);
  else progress(transcript ? `indexed, ${moments.length} moments` : 'indexed (show notes only)');
}

/**
 * Everything an episode's documents depend on. Audio on the web is identified by its URL (a run that skips an episode
 * touches no network); a local file by its size and modification time.
 */
async function fingerprintOf(item: EpisodeFile, deps: PipelineDeps): Promise<string> {
  const reference = audioReference(item);
  const local = reference && isLocalAudio(item.episode.audioUrl ?? '') ? await fs.stat(reference).catch(() => undefined) : undefined;
  return createHash('sha256')
    .update(
      JSON.stringify({
        source: item.sourceHash,
        audio: local ? `${local.size}-${local.mtimeMs}` : (reference ?? null),
        glossary: deps.glossary,
        transcription: deps.transcriber?.model ?? null,
        versions: [CHUNKING_VERSION, DOCUMENTS_VERSION],
      }),
    )
    .digest('hex');
}

/**
 * The episode's transcript: published (imported), kept from an earlier run, or transcribed now. A failure costs the
 * episode its transcript, not its show notes: it is indexed anyway, and the run reports it.
 */
async function transcriptOf(
  item: EpisodeFile,
  deps: PipelineDeps,
  report: RunReport,
  request: <T>(job: () => Promise<T>) => Promise<T>,
  progress: (stage: string) => void,
): Promise<{ transcript?: Transcript; failed?: string }> {
  const { episode, file } = item;
  try {
    const warn = (warning: string) => report.warnings.push(warning);
    const published = await publishedTranscript(item, deps.signal, { allowPrivateUrls: deps.allowPrivateUrls, warn });
    if (published) {
      report.imported.push(episode.slug);
      return { transcript: published };
    }
    const reference = audioReference(item);
    if (!reference) {
      report.notesOnly.push({ slug: episode.slug, seconds: 0, reason: 'no audio_url' });
      return {};
    }
    if (!deps.transcriber) {
      report.notesOnly.push({ slug: episode.slug, seconds: episode.durationSeconds ?? 0, reason: 'not transcribed' });
      return {};
    }
    progress('downloading audio');
    const audio = await deps.audio.fetch(reference, deps.signal ? { signal: deps.signal } : {});
    if (audio.changed) {
      report.warnings.push(`${file}: the audio at ${reference} changed since it was last indexed (inserted ads?); transcribing it again so times stay right`);
    }
    const transcript = await transcribeAudio(audio, reference, termsOf(episode, deps.glossary), episode.slug, {
      transcriber: deps.transcriber,
      store: deps.transcripts,
      ffmpeg: deps.ffmpeg,
      workDir: deps.workDir,
      maxUploadBytes: deps.maxUploadBytes,
      request,
      report,
      progress,
      signal: deps.signal,
    });
    return { transcript };
  } catch (error) {
    if (deps.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    report.failed.push({ file, reason });
    report.notesOnly.push({ slug: episode.slug, seconds: episode.durationSeconds ?? 0, reason });
    return { failed: reason };
  }
}

/** The audio as the indexer reaches it: an http(s) URL, or an absolute path for a file beside the episode. */
function audioReference({ episode, file }: EpisodeFile): string | undefined {
  if (!episode.audioUrl) return undefined;
  return isLocalAudio(episode.audioUrl) ? path.resolve(path.dirname(file), episode.audioUrl) : episode.audioUrl;
}

/** Why the episode's local audio may not be read or served ("audio_url …: is a directory"), if it may not. */
async function refusedAudio(item: EpisodeFile, dirs: string[]): Promise<string | undefined> {
  const reference = audioReference(item);
  if (!reference || !isLocalAudio(item.episode.audioUrl ?? '')) return undefined;
  try {
    await checkLocalAudio(reference, { dirs });
    return undefined;
  } catch (error) {
    if (!(error instanceof LocalAudioError)) throw error;
    return `audio_url ${JSON.stringify(item.episode.audioUrl)} ${error.reason}; the episode is indexed without its audio`;
  }
}

/** Names and terms Whisper is likely to mishear, in the spelling the show uses. */
function termsOf(episode: Episode, glossary: GlossaryEntry[]): string[] {
  const labels = episode.links.map((link) => link.label).filter((label) => label.length < 60);
  return [episode.title, ...episode.guests, ...episode.panel, ...glossaryTerms(glossary), ...labels];
}

function audioLocation(item: EpisodeFile, dir: string): AudioLocation {
  const reference = audioReference(item);
  if (!reference) return { audio: null, audioPath: null };
  if (!isLocalAudio(item.episode.audioUrl ?? '')) return { audio: reference, audioPath: null };
  // Relative to the episodes folder (`../audio/x.mp3` for AUDIO_DIRS); refusedAudio() has checked it, and the web app
  // checks it again against the same folders before serving it.
  return { audio: null, audioPath: path.relative(path.resolve(dir), reference) };
}

/** A file that is still there but failed to parse keeps what was indexed for it; only removed files lose theirs. */
async function removeGone(
  catalogue: Catalogue,
  indexed: Map<string, IndexedEpisode>,
  report: RunReport,
  add: (batch: WriteBatch) => Promise<void>,
): Promise<void> {
  const present = new Set(catalogue.slugs);
  for (const old of indexed.values()) {
    if (present.has(old.slug)) continue;
    await add({ episodes: [], moments: [], staleMomentIds: momentIds(old.slug, 0, old.momentCount), removedEpisodeIds: [documentId(old.slug)] });
    report.removed.push(old.slug);
  }
}

function momentIds(slug: string, from: number, to: number): string[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => momentId(slug, from + i));
}
