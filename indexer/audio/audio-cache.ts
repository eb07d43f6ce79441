import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { AUDIO_EXTENSION, checkLocalAudio } from '../../adapters/files/local-audio.ts';
import { tempName, writeFileAtomic } from '../../adapters/files/temp-files.ts';
import { openAudio } from '../../adapters/net/http-download.ts';
import { addressGuard, type GuardOptions } from '../../adapters/net/url-guard.ts';
import { AudioError } from '../../src/errors.ts';
import type { AudioFile, AudioSource } from '../../src/ports.ts';

export type AudioCacheOptions = {
  /** Folder of downloaded audio, created when needed. */
  dir: string;
  maxBytes: number;
  /** Longest wait for an answer's headers, per hop. @default 15_000 */
  connectTimeoutMs?: number;
  /** Longest silence while the body streams. @default 30_000 */
  idleTimeoutMs?: number;
  /** @default 10 */
  maxRedirects?: number;
  /** Longest a whole download may take; sized by default from its length and a minimum rate (http-download.ts). */
  deadlineMs?: number;
  /** The rate that sizes the default deadline. @default 100_000 */
  minBytesPerSecond?: number;
  /** Folders local audio may be read from (EPISODES_DIR and AUDIO_DIRS); none: no local audio. @default [] */
  localDirs?: readonly string[];
  log?: (line: string) => void;
} & GuardOptions;

/** What is kept beside each downloaded file, to ask its server later whether it changed. */
type Sidecar = {
  url: string;
  finalUrl: string;
  etag?: string;
  lastModified?: string;
  bytes: number;
  sha256: string;
  file: string;
  fileName: string;
};

/** Episode audio from an http(s) URL, downloaded once into `dir` and revalidated later, or from an absolute local path. */
export function audioCache(options: AudioCacheOptions): AudioSource {
  const { dir, maxBytes, connectTimeoutMs = 15_000, idleTimeoutMs = 30_000, maxRedirects = 10, localDirs = [], log = () => {} } = options;
  const { deadlineMs, minBytesPerSecond } = options;
  const guard = addressGuard(options);

  async function download(url: string, signal: AbortSignal | undefined): Promise<AudioFile> {
    const key = createHash('sha1').update(url).digest('hex');
    const sidecarFile = path.join(dir, `${key}.json`);
    const cached = await readSidecar(dir, sidecarFile, url);
    const headers: Record<string, string> = {};
    if (cached?.etag) headers['if-none-match'] = cached.etag;
    if (cached?.lastModified) headers['if-modified-since'] = cached.lastModified;
    let answer;
    try {
      answer = await openAudio(url, {
        connectTimeoutMs,
        idleTimeoutMs,
        maxRedirects,
        maxBytes,
        headers,
        signal,
        guard,
        deadlineMs,
        minBytesPerSecond,
      });
    } catch (error) {
      // Not reused silently: the episode may have been pulled or re-cut, and a run that "succeeds" on a stale copy
      // hides that. The next run tries again.
      if (cached && error instanceof AudioError) {
        throw new AudioError(`${error.message}; the cached copy was not used, as it cannot be checked`, { cause: error });
      }
      throw error;
    }
    if (answer.status === 304 && !cached) {
      await answer.discard();
      throw new AudioError(`audio ${url} answered HTTP 304 Not Modified to a request that had no validators`);
    }
    const same = !cached ? undefined : answer.status === 304 ? '304 Not Modified' : sameAsCached(cached, answer.headers);
    if (cached && same) {
      await answer.discard();
      log(`audio ${url}: reusing the cached copy (${same})`);
      return {
        path: path.join(dir, cached.file),
        bytes: cached.bytes,
        fileName: cached.fileName,
        reused: true,
        changed: false,
        sha256: cached.sha256,
      };
    }

    const fileName = nameFor(url, answer.finalUrl);
    const file = `${key}${path.extname(fileName).toLowerCase()}`;
    // A unique name per download: a kill at any moment leaves at most a .part file, never a half file under `file`.
    const partial = tempName(path.join(dir, key));
    try {
      const { bytes, sha256 } = await answer.save(partial);
      // The old sidecar goes first, so a crash in between leaves a file without validators (downloaded again next
      // time), never a file described by another version's validators.
      await fs.rm(sidecarFile, { force: true });
      await fs.rename(partial, path.join(dir, file));
      if (cached && cached.file !== file) await fs.rm(path.join(dir, cached.file), { force: true });
      const etag = answer.headers.get('etag') ?? undefined;
      const lastModified = answer.headers.get('last-modified') ?? undefined;
      await writeJson(sidecarFile, { url, finalUrl: answer.finalUrl, etag, lastModified, bytes, sha256, file, fileName } satisfies Sidecar);
      // Compared by content, not headers: a new ETag on the same bytes (a re-upload) does not shift any timestamp.
      const changed = cached !== undefined && cached.sha256 !== sha256;
      log(`audio ${url}: downloaded ${bytes} bytes${changed ? ', which differ from the cached copy' : ''}`);
      return { path: path.join(dir, file), bytes, fileName, reused: false, changed, sha256 };
    } finally {
      await fs.rm(partial, { force: true });
    }
  }

  return {
    async fetch(reference: string, { signal }: { signal?: AbortSignal }): Promise<AudioFile> {
      signal?.throwIfAborted();
      if (/^https?:\/\//i.test(reference)) {
        await fs.mkdir(dir, { recursive: true });
        return download(reference, signal);
      }
      if (!path.isAbsolute(reference)) throw new AudioError(`audio ${reference} is neither an http(s) URL nor an absolute path`);
      return local(reference, localDirs, maxBytes);
    },
  };
}

/**
 * Why a 200 answer is the cached copy (for servers that ignore If-None-Match / If-Modified-Since), or undefined when
 * it may not be; downloading again is always safe, as `changed` is then decided by the bytes.
 */
function sameAsCached(cached: Sidecar, headers: Pick<Headers, 'get'>): string | undefined {
  const length = headers.get('content-length');
  if (length !== null && Number(length) !== cached.bytes) return undefined;
  const etag = headers.get('etag');
  const lastModified = headers.get('last-modified');
  if (etag && cached.etag) return etag === cached.etag ? `same ETag ${etag}` : undefined;
  if (lastModified && cached.lastModified) return lastModified === cached.lastModified ? `same Last-Modified ${lastModified}` : undefined;
  if (etag || lastModified || cached.etag || cached.lastModified) return undefined; // validators appeared or vanished
  // No validator on either side: the same size is the only evidence left. It misses a re-cut of exactly the same
  // length (a same-length ad swapped in a constant-bitrate file), but the alternative is downloading every episode
  // again on every run. A different size, or no Content-Length, downloads again.
  return length !== null ? `no ETag or Last-Modified, same size ${length}` : undefined;
}

/** The sidecar of `url`, if it and its file are intact; anything else is treated as not cached. */
async function readSidecar(dir: string, sidecarFile: string, url: string): Promise<Sidecar | undefined> {
  try {
    const sidecar = JSON.parse(await fs.readFile(sidecarFile, 'utf8')) as Sidecar;
    if (sidecar.url !== url || path.basename(sidecar.file) !== sidecar.file) return undefined;
    const stat = await fs.stat(path.join(dir, sidecar.file));
    return stat.size === sidecar.bytes ? sidecar : undefined;
  } catch {
    return undefined;
  }
}

async function writeJson(file: string, value: unknown): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(value, null, 2));
}

async function local(file: string, dirs: readonly string[], maxBytes: number): Promise<AudioFile> {
  // The same check as the web page's: what is transcribed and published is audio inside the catalogue.
  const audio = await checkLocalAudio(file, { dirs, maxBytes });
  const name = path.basename(file);
  // The upload is named for what it is, so a .wav that is really an MP3 is not decoded as WAV by the API.
  const fileName = AUDIO_EXTENSION.test(name) ? name : `${name}.${audio.ext}`;
  return { path: audio.realPath, bytes: audio.size, fileName, reused: false, changed: false };
}

/** The upload's name: the episode URL's file name, else the final URL's (a tracker URL may have none), else .mp3. */
function nameFor(url: string, finalUrl: string): string {
  const names = [url, finalUrl].map((u) => baseName(new URL(u).pathname));
  return names.find((name) => AUDIO_EXTENSION.test(name)) ?? withAudioExtension(names[0] || 'audio');
}

function withAudioExtension(name: string): string {
  return AUDIO_EXTENSION.test(name) ? name : `${name}.mp3`;
}

function baseName(pathname: string): string {
  try {
    return path.posix.basename(decodeURIComponent(pathname));
  } catch {
    return path.posix.basename(pathname); // a stray % that is not an escape
  }
}
