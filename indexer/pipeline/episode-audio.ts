import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { checkLocalAudio } from '../../adapters/files/local-audio.ts';
import { type AudioLocation, DOCUMENTS_VERSION } from '../../src/documents/documents.ts';
import { isLocalAudio } from '../../src/episode/episode.ts';
import { LocalAudioError } from '../../src/errors.ts';
import { CHUNKING_VERSION } from '../../src/moments/moments.ts';
import type { EpisodeFile } from '../sources/read-episodes.ts';
import type { PipelineDeps } from './pipeline-deps.ts';

// An episode's audio as the pipeline sees it: where it is, whether it may be read, and what its documents depend on.

const AUDIO_PREFIX_EXAMPLE = 'audio_prefix: https://media.example.com/episodes/';

/** The audio as the indexer reaches it: an http(s) URL, or an absolute path for a file beside the episode. */
export function audioReference({ episode, file }: EpisodeFile): string | undefined {
  if (!episode.audioUrl) return undefined;
  return isLocalAudio(episode.audioUrl) ? path.resolve(path.dirname(file), episode.audioUrl) : episode.audioUrl;
}

/** Why the episode's local audio may not be read or served ("audio_url …: is a directory"), if it may not. */
export async function refusedAudio(item: EpisodeFile, dirs: string[]): Promise<string | undefined> {
  const reference = audioReference(item);
  if (!reference || !isLocalAudio(item.episode.audioUrl ?? '')) return undefined;
  try {
    await checkLocalAudio(reference, { dirs });
    return undefined;
  } catch (error) {
    if (!(error instanceof LocalAudioError)) throw error;
    // Hugo and Astro sites write a bare file name (`podcast_file = "episode014.mp3"`) that their templates join to a
    // media address: what the user needs is that one line of podgrep.yml, not "ENOENT" on every episode.
    const bare = /ENOENT/.test(error.reason) && !/[\\/]/.test(item.episode.audioUrl ?? '');
    const reason = bare
      ? `is no file beside the episode; if the site's pages put it after a media address, name that address in podgrep.yml (${AUDIO_PREFIX_EXAMPLE})`
      : error.reason;
    return `audio_url ${JSON.stringify(item.episode.audioUrl)} ${reason}; the episode is indexed without its audio`;
  }
}

export function audioLocation(item: EpisodeFile, dir: string): AudioLocation {
  const reference = audioReference(item);
  if (!reference) return { audio: null, audioPath: null };
  if (!isLocalAudio(item.episode.audioUrl ?? '')) return { audio: reference, audioPath: null };
  // Relative to the episodes folder (`../audio/x.mp3` for AUDIO_DIRS); refusedAudio() has checked it, and the web app
  // checks it again against the same folders before serving it.
  return { audio: null, audioPath: path.relative(path.resolve(dir), reference) };
}

/**
 * Everything an episode's documents depend on. Audio on the web is identified by its URL (a run that skips an episode
 * touches no network); a local file by its size and modification time.
 */
export async function fingerprintOf(item: EpisodeFile, deps: PipelineDeps): Promise<string> {
  const reference = audioReference(item);
  const local = reference && isLocalAudio(item.episode.audioUrl ?? '') ? await fs.stat(reference).catch(() => undefined) : undefined;
  return createHash('sha256')
    .update(
      JSON.stringify({
        source: item.sourceHash,
        // What was read from the file and from the site around it (person files, podgrep.yml's hosts and fields):
        // renaming a person in data/ re-indexes the episodes that name them.
        episode: item.episode,
        audio: local ? `${local.size}-${local.mtimeMs}` : (reference ?? null),
        glossary: deps.glossary,
        transcription: deps.transcriber?.model ?? null,
        versions: [CHUNKING_VERSION, DOCUMENTS_VERSION],
      }),
    )
    .digest('hex');
}
