import fs from 'node:fs/promises';
import { EpisodeError } from '../src/errors.ts';
import { importTranscript, importTranscriptOfType } from '../src/transcript-import.ts';
import type { Transcript } from '../src/transcript.ts';
import type { EpisodeFile } from './read-episodes.ts';

/** A transcript file is text; one this large is something else. */
const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

/**
 * The transcript a podcast already publishes, beside the episode file or at its `transcript_url`, or undefined when
 * there is none. Imported transcripts cost nothing, so they win over transcription.
 */
export async function publishedTranscript(item: EpisodeFile, signal?: AbortSignal): Promise<Transcript | undefined> {
  if (item.transcriptFile) {
    const text = await fs.readFile(item.transcriptFile, 'utf8').catch((error: unknown) => {
      throw new EpisodeError(item.transcriptFile!, `the transcript cannot be read: ${(error as Error).message}`, { cause: error });
    });
    return importTranscript(item.transcriptFile, text);
  }
  const url = item.episode.transcriptUrl;
  if (!url) return undefined;
  let response: Response;
  try {
    const timeout = AbortSignal.timeout(60_000);
    response = await fetch(url, { signal: signal ? AbortSignal.any([signal, timeout]) : timeout });
  } catch (error) {
    throw new EpisodeError(item.file, `transcript_url ${url} could not be fetched: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) throw new EpisodeError(item.file, `transcript_url ${url} answered HTTP ${response.status}`);
  if (Number(response.headers.get('content-length') ?? 0) > MAX_TRANSCRIPT_BYTES) {
    throw new EpisodeError(item.file, `transcript_url ${url} is over ${MAX_TRANSCRIPT_BYTES} bytes`);
  }
  const text = await response.text();
  return importTranscriptOfType(url, text, response.headers.get('content-type') ?? undefined);
}
