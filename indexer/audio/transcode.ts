import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import type { Piece, Silence } from '../../src/audio/audio-pieces.ts';
import { AudioDecodeError } from '../../src/errors.ts';

/**
 * What is uploaded: MP3, mono, 16 kHz, 32 kbps. Whisper resamples everything to 16 kHz mono, so more is paid-for
 * bandwidth with nothing to hear; MP3 is the format every provider accepts and ffmpeg encodes fastest.
 */
export const UPLOAD_BITS_PER_SECOND = 32_000;
const SAMPLE_RATE = 16_000;

/** A pause this long and this quiet is where a cut can fall without splitting a word. */
const SILENCE = 'silencedetect=noise=-35dB:d=0.3';

export type Analysed = { wav: string; duration: number; silences: Silence[] };

/**
 * Decodes the source once into 16 kHz mono WAV (which pieces are cut from, to the sample) and finds its silences in
 * the same pass. `wav` is a working file the caller removes (a temporary name: see temp-files.ts).
 */
export async function analyseAudio(ffmpeg: string, source: string, wav: string, signal?: AbortSignal, label = source): Promise<Analysed> {
  const { stderr } = await run(
    ffmpeg,
    ['-i', source, '-vn', '-ac', '1', '-ar', String(SAMPLE_RATE), '-af', SILENCE, '-c:a', 'pcm_s16le', '-f', 'wav', '-y', wav],
    label,
    signal,
    source,
  );
  const { size } = await fs.stat(wav);
  const duration = Math.max(0, size - 44) / 2 / SAMPLE_RATE;
  if (duration < 0.1) throw new AudioDecodeError(`audio ${label} holds no sound ffmpeg can decode`);
  return { wav, duration, silences: parseSilences(stderr, duration) };
}

/** Encodes one piece for upload. `-ss` before a WAV input seeks to the exact sample, so the piece starts at `start`. */
export async function encodePiece(ffmpeg: string, wav: string, piece: Piece, signal?: AbortSignal): Promise<Uint8Array> {
  const { stdout } = await run(
    ffmpeg,
    [
      '-ss',
      piece.start.toFixed(3),
      '-to',
      piece.end.toFixed(3),
      '-i',
      wav,
      '-ac',
      '1',
      '-c:a',
      'libmp3lame',
      '-b:a',
      `${UPLOAD_BITS_PER_SECOND / 1000}k`,
      '-f',
      'mp3',
      'pipe:1',
    ],
    wav,
    signal,
  );
  return stdout;
}

export function parseSilences(stderr: string, duration: number): Silence[] {
  const silences: Silence[] = [];
  let start: number | undefined;
  for (const match of stderr.matchAll(/silence_(start|end): (-?[\d.]+)/g)) {
    const at = Number(match[2]);
    if (match[1] === 'start') start = Math.max(0, at);
    else if (start !== undefined) {
      silences.push({ start, end: at });
      start = undefined;
    }
  }
  if (start !== undefined) silences.push({ start, end: duration });
  return silences;
}

/** `what` names the audio in errors; `path`, where the file really is, is replaced by it in ffmpeg's own words. */
async function run(
  ffmpeg: string,
  args: string[],
  what: string,
  signal?: AbortSignal,
  path?: string,
): Promise<{ stdout: Uint8Array; stderr: string }> {
  const child = spawn(ffmpeg, ['-hide_banner', '-nostdin', '-loglevel', 'info', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(signal ? { signal } : {}),
  });
  const chunks: Buffer[] = [];
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => {
    // Only silence lines and the last lines (for an error) are needed; progress lines would grow without bound.
    stderr = (stderr + chunk.toString())
      .split('\n')
      .filter((line, i, all) => /silence_/.test(line) || i >= all.length - 8)
      .join('\n');
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  if (code !== 0) {
    if (signal?.aborted) throw signal.reason;
    const lines = stderr
      .trim()
      .split('\n')
      .filter((line) => !/silence_|^\s*(size|frame)=/.test(line));
    const reason = lines
      .slice(-2)
      .join(' ')
      .replace(/\[\w+ @ 0x[0-9a-f]+\] /g, '')
      .split(path ?? '\0')
      .join('the file')
      .trim();
    throw new AudioDecodeError(`audio ${what} cannot be decoded (ffmpeg: ${reason || `exit code ${code}`})`);
  }
  return { stdout: Buffer.concat(chunks), stderr };
}
