import path from 'node:path';
import { readInside } from '../../adapters/files/safe-read.ts';
import { openUrl } from '../../adapters/net/http-download.ts';
import { addressGuard, type GuardOptions } from '../../adapters/net/url-guard.ts';
import type { TranscriptLink } from '../../src/episode/episode.ts';
import { AudioError, EpisodeError } from '../../src/errors.ts';
import { importAnyTranscript } from '../../src/transcript/text-transcript.ts';
import type { Transcript } from '../../src/transcript/transcript.ts';
import { type ImportResult, readTranscript } from '../../src/transcript/transcript-import.ts';
import { richestFirst } from '../../src/transcript/transcript-links.ts';
import { DEFAULT_MAX_TRANSCRIPT_BYTES, type EpisodeFile } from '../sources/read-episodes.ts';

type Options = GuardOptions & { warn?: (warning: string) => void };

/**
 * The transcript a podcast already publishes, beside the episode file or linked from its front matter or feed item,
 * or undefined when there is none. Imported transcripts cost nothing, so they win over transcription. A URL is fetched
 * like audio: through the guarded download (no private addresses unless allowed, checked redirects, timeouts, a size
 * cap); a local file only when it is a regular file inside the episodes folder, under TRANSCRIPT_MAX_BYTES.
 */
export async function publishedTranscript(
  item: EpisodeFile,
  signal?: AbortSignal,
  /** `warn` hears of each cue that was dropped or mended, naming the file and line. */
  options: Options = {},
): Promise<Transcript | undefined> {
  const root = item.root ?? path.dirname(item.file);
  const maxBytes = item.maxTranscriptBytes ?? DEFAULT_MAX_TRANSCRIPT_BYTES;
  // Speakers' names are matched to the episode's people; what was skipped goes to the run's warnings.
  const people = [...item.episode.panel, ...item.episode.guests];
  const kept = ({ transcript, warnings }: ImportResult) => (warnings.forEach((warning) => options.warn?.(warning)), transcript);
  if (item.transcriptFile) {
    const bytes = await readInside(item.transcriptFile, { root, maxBytes, limitName: 'TRANSCRIPT_MAX_BYTES', what: 'a transcript' });
    return kept(readTranscript(item.transcriptFile, bytes.toString('utf8'), { people }));
  }
  const links = item.episode.transcripts?.length
    ? richestFirst(item.episode.transcripts)
    : item.episode.transcriptUrl
      ? [{ url: item.episode.transcriptUrl }]
      : [];
  const read = (file: string, text: string, type: string | undefined) =>
    // HTML and plain-text transcripts (feeds publish them) have their own reader; every timed format goes to readTranscript.
    importAnyTranscript(file, text, type, item.episode.durationSeconds, (name, body, contentType) =>
      kept(readTranscript(name, body, { people, ...(contentType ? { contentType } : {}) })),
    );
  let firstError: unknown;
  // The richest transcript is tried first; when it cannot be had, the next one will do.
  for (const link of links) {
    try {
      if (!/^https?:\/\//i.test(link.url)) {
        const file = path.resolve(path.dirname(item.file), link.url);
        const bytes = await readInside(file, { root, maxBytes, limitName: 'TRANSCRIPT_MAX_BYTES', what: 'a transcript' });
        return read(file, bytes.toString('utf8'), link.type);
      }
      const { text, type } = await download(item, link, maxBytes, signal, options);
      return read(link.url, text, type);
    } catch (error) {
      if (signal?.aborted) throw error;
      firstError ??= error;
    }
  }
  if (firstError) throw firstError;
  return undefined;
}

async function download(item: EpisodeFile, link: TranscriptLink, maxBytes: number, signal: AbortSignal | undefined, options: Options) {
  try {
    const reply = await openUrl(link.url, {
      what: 'transcript_url',
      connectTimeoutMs: 15_000,
      idleTimeoutMs: 30_000,
      maxRedirects: 10,
      maxBytes,
      limitName: 'TRANSCRIPT_MAX_BYTES',
      headers: {},
      signal,
      guard: addressGuard(options),
    });
    if (reply.status < 200 || reply.status > 299) {
      await reply.discard();
      throw new AudioError(`transcript_url ${link.url} answered HTTP ${`${reply.status} ${reply.statusText}`.trim()}`);
    }
    return { text: await reply.text(), type: reply.headers.get('content-type') ?? link.type };
  } catch (error) {
    // Named by the episode file it came from; the message already names the URL and what went wrong.
    if (error instanceof AudioError) throw new EpisodeError(item.file, error.message, { cause: error });
    throw error;
  }
}
