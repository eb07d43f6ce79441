import { type GlossaryEntry, glossaryTerms } from '../../src/catalogue/glossary.ts';
import type { Episode } from '../../src/episode/episode.ts';
import type { Transcript } from '../../src/transcript/transcript.ts';
import type { EpisodeFile } from '../sources/read-episodes.ts';
import { publishedTranscript } from '../transcription/published-transcript.ts';
import { transcribeAudio } from '../transcription/transcribe-audio.ts';
import { audioReference } from './episode-audio.ts';
import type { PipelineDeps } from './pipeline-deps.ts';
import type { RunReport } from './run-report.ts';

/**
 * The episode's transcript: published (imported), kept from an earlier run, or transcribed now. A failure costs the
 * episode its transcript, not its show notes: it is indexed anyway, and the run reports it.
 */
export async function transcriptOf(
  item: EpisodeFile,
  deps: PipelineDeps,
  report: RunReport,
  request: <T>(job: () => Promise<T>) => Promise<T>,
  progress: (stage: string) => void,
): Promise<{ transcript?: Transcript; source?: 'imported' | 'kept' | 'transcribed'; failed?: string }> {
  const { episode, file } = item;
  try {
    const warn = (warning: string) => report.warnings.push(warning);
    const published = await publishedTranscript(item, deps.signal, { allowPrivateUrls: deps.allowPrivateUrls, warn });
    if (published) {
      report.imported.push(episode.slug);
      return { transcript: published, source: 'imported' };
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
      report.warnings.push(
        `${file}: the audio at ${reference} changed since it was last indexed (inserted ads?); transcribing it again so times stay right`,
      );
    }
    const { transcript, sent } = await transcribeAudio(audio, reference, termsOf(episode, deps.glossary), episode.slug, {
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
    return { transcript, source: sent ? 'transcribed' : 'kept' };
  } catch (error) {
    if (deps.signal?.aborted) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    report.failed.push({ file, reason });
    report.notesOnly.push({ slug: episode.slug, seconds: episode.durationSeconds ?? 0, reason });
    return { failed: reason };
  }
}

/** Names and terms Whisper is likely to mishear, in the spelling the show uses. */
function termsOf(episode: Episode, glossary: GlossaryEntry[]): string[] {
  const labels = episode.links.map((link) => link.label).filter((label) => label.length < 60);
  return [episode.title, ...episode.guests, ...episode.panel, ...glossaryTerms(glossary), ...labels];
}
