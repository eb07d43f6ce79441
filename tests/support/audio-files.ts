import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** A second of a real tone in the container `file`'s extension names (mp3, m4a, ogg, opus, flac, wav, webm), by ffmpeg. */
export async function toneFile(file: string, seconds = 1): Promise<void> {
  await promisify(execFile)('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=f=440:d=${seconds}`,
    '-ac',
    '1',
    '-ar',
    '16000',
    file,
  ]);
}
