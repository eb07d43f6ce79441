import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { EpisodeError } from '../../src/errors.ts';

export type SafeReadOptions = {
  /** Files must resolve (symlinks followed) to somewhere inside this folder. */
  root: string;
  maxBytes: number;
  /** How the limit is named in the message, e.g. TRANSCRIPT_MAX_BYTES. */
  limitName: string;
  /** What the file is, for the message: "an episode file", "a transcript". */
  what: string;
  /** Found by the folder walk, which reads no symlinked folder: only a symlink needs its real path checked. */
  walked?: boolean;
};

/**
 * Reads a file from the episodes folder only when it is a regular file inside that folder after resolving real
 * paths, and no larger than the cap. Everything else (a symlink to /dev/zero or /etc/passwd, a FIFO, a directory, a
 * 200 MB "transcript") is refused by name without reading a byte of it.
 */
export async function readInside(file: string, options: SafeReadOptions): Promise<Buffer> {
  // Files the folder walk found are under `root` by path, through folders that are not symlinks (the walk does not
  // follow them): O_NOFOLLOW below refuses the file itself being a link, and only a link pays for realpath.
  const real = options.walked ? file : await realInside(file, options.root);
  // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever, stalling the whole run.
  // Synchronous calls: four thread-pool round trips per file were most of the time of reading 10,000 files, and a
  // run does nothing else while it reads its folder.
  let fd: number;
  try {
    fd = openSync(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    if (options.walked && (error as NodeJS.ErrnoException).code === 'ELOOP') return readInside(file, { ...options, walked: false });
    throw new EpisodeError(file, `cannot be read: ${(error as Error).message}`, { cause: error });
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new EpisodeError(file, `is not a regular file (${kind(stat)}); only regular files are read`);
    if (stat.size > options.maxBytes) {
      throw new EpisodeError(
        file,
        `${stat.size} bytes is too large for ${options.what} (at most ${options.maxBytes}, ${options.limitName})`,
      );
    }
    // Read at most one byte past the cap, in case the file grows while it is read.
    const buffer = Buffer.alloc(Math.min(stat.size, options.maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > options.maxBytes)
      throw new EpisodeError(file, `grew past ${options.maxBytes} bytes while it was read (${options.limitName})`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

/** The real path of `file`, or an error naming it when that path is outside `root`. */
export async function realInside(file: string, root: string): Promise<string> {
  const [real, realRoot] = await Promise.all([
    fs.realpath(file).catch((error: unknown) => {
      throw new EpisodeError(
        file,
        `cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it is a broken link or was removed' : (error as Error).message}`,
        { cause: error },
      );
    }),
    fs.realpath(root),
  ]);
  const relative = path.relative(realRoot, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    throw new EpisodeError(file, 'is a link to a file outside EPISODES_DIR; only files inside the episodes folder are read');
  }
  return real;
}

function kind(stat: Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}
