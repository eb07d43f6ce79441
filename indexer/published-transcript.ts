import fs from 'node:fs/promises';
import { EpisodeError } from '../src/errors.ts';
import { readTranscript, type ImportResult } from '../src/transcript-import.ts';
import { importAnyTranscript } from '../src/feed/text-transcript.ts';
import type { Transcript } from '../src/transcript.ts';
import { AudioError, openUrl } from './http-download.ts';
import type { EpisodeFile } from './read-episodes.ts';
import { addressGuard, type GuardOptions } from './url-guard.ts';

/** A transcript file is text; one this large is something else. */
const MAX_TRANSCRIPT_BYTES = 50 * 1024 * 1024;

/**
 * The transcript a podcast already publishes, beside the episode file or at its `transcript_url`, or undefined when
 * there is none. Imported transcripts cost nothing, so they win over transcription. The URL is fetched like audio:
 * through the guarded download (no private addresses unless allowed, checked redirects, timeouts, a size cap).
 */
export async function publishedTranscript(
  item: EpisodeFile,
  signal?: AbortSignal,
  /** `warn` hears of each cue that was dropped or mended, naming the file and line. */
  options: GuardOptions & { warn?: (warning: string) => void } = {},
): Promise<Transcript | undefined> {
  // Speakers' names are matched to the episode's people; what was skipped goes to the run's warnings.
  const people = [...item.episode.panel, ...item.episode.guests];
  const kept = ({ transcript, warnings }: ImportResult) => (warnings.forEach((warning) => options.warn?.(warning)), transcript);
  if (item.transcriptFile) {
    const text = await fs.readFile(item.transcriptFile, 'utf8').catch((error: unknown) => {
      throw new EpisodeError(item.transcriptFile!, `the transcript cannot be read: ${(error as Error).message}`, { cause: error });
    });
    return kept(readTranscript(item.transcriptFile, text, { people }));
  }
  const url = item.episode.transcriptUrl;
  if (!url) return undefined;
  let text: string;
  let type: string | undefined;
  try {
    const reply = await openUrl(url, {
      what: 'transcript_url',
      connectTimeoutMs: 15_000,
      idleTimeoutMs: 30_000,
      maxRedirects: 10,
      maxBytes: MAX_TRANSCRIPT_BYTES,
      limitName: 'for transcripts',
      headers: {},
      signal,
      guard: addressGuard(options),
    });
    if (reply.status < 200 || reply.status > 299) {
      await reply.discard();
      throw new AudioError(`transcript_url ${url} answered HTTP ${`${reply.status} ${reply.statusText}`.trim()}`);
    }
    text = await reply.text();
    type = reply.headers.get('content-type') ?? undefined;
  } catch (error) {
    // Named by the episode file it came from; the message already names the URL and what went wrong.
    if (error instanceof AudioError) throw new EpisodeError(item.file, error.message, { cause: error });
    throw error;
  }
  // HTML and plain-text transcripts (feeds publish them) have their own reader; every timed format goes to readTranscript.
  return importAnyTranscript(url, text, type, item.episode.durationSeconds, (file, body, contentType) =>
    kept(readTranscript(file, body, { people, ...(contentType ? { contentType } : {}) })),
  );
}
