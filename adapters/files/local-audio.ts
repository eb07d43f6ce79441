import { constants, type Stats } from 'node:fs';
import fs, { type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import { LocalAudioError } from '../../src/errors.ts';
import { overLimit } from '../net/http-body.ts';

export const AUDIO_EXTENSION = /\.(aac|flac|m4a|mp3|mp4|mpeg|mpga|oga|ogg|opus|wav|webm)$/i;

/** Containers the transcription API and browsers take, by the type file-type sniffs, and the type podgrep serves. */
const SERVED_TYPE: Record<string, { type: string; ext: string }> = {
  'audio/mpeg': { type: 'audio/mpeg', ext: 'mp3' },
  'audio/mp4': { type: 'audio/mp4', ext: 'm4a' },
  'audio/x-m4a': { type: 'audio/mp4', ext: 'm4a' },
  'video/mp4': { type: 'video/mp4', ext: 'mp4' },
  'audio/aac': { type: 'audio/aac', ext: 'aac' },
  'audio/ogg': { type: 'audio/ogg', ext: 'ogg' },
  'audio/ogg; codecs=opus': { type: 'audio/ogg', ext: 'opus' },
  'audio/flac': { type: 'audio/flac', ext: 'flac' },
  'audio/wav': { type: 'audio/wav', ext: 'wav' },
  'video/webm': { type: 'video/webm', ext: 'webm' },
};
const KINDS = 'MP3, MP4/M4A, AAC, Ogg, Opus, FLAC, WAV or WebM';
/** Enough for every container's signature; an ID3 tag longer than this (cover art) is taken as MP3, as players do. */
const SNIFF_BYTES = 64 * 1024;

export type OpenedAudio = {
  /** Open for reading; the caller closes it. Reading from it cannot reach another file, whatever is renamed meanwhile. */
  handle: FileHandle;
  realPath: string;
  size: number;
  mtime: Date;
  /** The Content-Type to serve, from the bytes, never from the name. */
  contentType: string;
  /** The usual extension of that type, for a download name. */
  ext: string;
};

export type LocalAudioOptions = {
  /** Folders local audio may be in, after resolving symlinks: EPISODES_DIR and AUDIO_DIRS. */
  dirs: readonly string[];
  /** @default Infinity */
  maxBytes?: number;
};

/**
 * Opens `file` if it is a regular file inside one of `dirs` (its real path, symlinks resolved), has an audio extension
 * and starts like an audio container; throws LocalAudioError saying which of these it is not.
 */
export async function openLocalAudio(file: string, { dirs, maxBytes = Infinity }: LocalAudioOptions): Promise<OpenedAudio> {
  const refuse = (reason: string, cause?: unknown) => new LocalAudioError(file, reason, cause === undefined ? undefined : { cause });
  let realPath: string;
  try {
    realPath = await fs.realpath(file);
  } catch (error) {
    throw refuse(`cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, error);
  }
  const where = realPath === path.resolve(file) ? '' : ` (it leads to ${realPath})`;
  if (!(await insideAny(realPath, dirs))) {
    throw refuse(`is outside the episodes folder${where}: podgrep reads and serves local audio only from EPISODES_DIR and AUDIO_DIRS`);
  }
  // Checked before opening: opening a device or a FIFO can block or have side effects.
  const before = await fs.stat(realPath).catch((error: unknown) => {
    throw refuse(`cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, error);
  });
  if (!before.isFile()) throw refuse(`is ${kindOf(before)}${where}, not an audio file`);
  if (!AUDIO_EXTENSION.test(realPath)) throw refuse(`does not end in an audio extension such as .mp3 or .m4a${where}`);
  // NOFOLLOW: the real path has no symlink left, so one appearing now is a swap; NONBLOCK: a FIFO swapped in cannot hang.
  const handle = await fs.open(realPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK).catch((error: unknown) => {
    throw refuse(`cannot be opened: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, error);
  });
  try {
    const stat = await handle.stat();
    if (!stat.isFile() || stat.ino !== before.ino || stat.dev !== before.dev) throw refuse('changed while it was being opened');
    if (stat.size === 0) throw refuse('is empty');
    if (stat.size > maxBytes) throw refuse(`${overLimit(maxBytes)}: it is ${stat.size} bytes`);
    const head = Buffer.alloc(Math.min(SNIFF_BYTES, stat.size));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const sniffed = await fileTypeFromBuffer(head.subarray(0, bytesRead));
    const served = sniffed && SERVED_TYPE[sniffed.mime];
    if (!served) throw refuse(`is not audio: its content is ${sniffed ? sniffed.mime : 'no known format'}, not ${KINDS}`);
    return { handle, realPath, size: stat.size, mtime: stat.mtime, contentType: served.type, ext: served.ext };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** Checks `file` as openLocalAudio does, and closes it again. */
export async function checkLocalAudio(file: string, options: LocalAudioOptions): Promise<Omit<OpenedAudio, 'handle'>> {
  const { handle, ...rest } = await openLocalAudio(file, options);
  await handle.close();
  return rest;
}

async function insideAny(realPath: string, dirs: readonly string[]): Promise<boolean> {
  for (const dir of dirs) {
    const realDir = await fs.realpath(dir).catch(() => undefined);
    if (!realDir) continue;
    const relative = path.relative(realDir, realPath);
    const parts = relative.split(path.sep);
    // Hidden files and folders (.git, .env, a data folder kept inside) are not the catalogue's audio.
    if (relative && !path.isAbsolute(relative) && parts[0] !== '..' && !parts.some((part) => part.startsWith('.'))) return true;
  }
  return false;
}

function kindOf(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a named pipe (FIFO)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}
