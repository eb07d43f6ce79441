// "Speech" that a fake recogniser can hear: every character is a pure tone, so tests can
// put known words at known times into real MP3/Opus/AAC files and get them back from the
// bytes alone. No real speech recognition runs on these machines (see shared/FACTS.md).
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';

export type SpokenWord = { word: string; start: number; end: number };

export type SpeakOptions = {
  format?: 'mp3' | 'wav' | 'opus' | 'm4a';
  bitrate?: string;
  sampleRate?: number;
  channels?: number;
  minDuration?: number;
};

// Timing, in seconds. An average five-letter word takes 5*0.045 + 4*0.025 + 0.15 = 0.475 s,
// about the pace of real speech. Letter gaps keep "ll" two letters; the line gap is far
// longer than a word gap so a splitter can find the silences between sentences.
export const TONE = 0.045;
export const LETTER_GAP = 0.025;
export const WORD_GAP = 0.15;
export const LINE_GAP = 0.7;
// Lead-in and tail of silence, so that no word touches either end of the file.
export const EDGE = 0.25;

export const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789'";
// 400 Hz up in 80 Hz steps (top: 3280 Hz): under the 4 kHz that 8 kHz-wide codecs and a
// 16 kHz resample keep, and 80 Hz apart is almost three bins of a 35 ms Goertzel window.
export const FREQUENCIES: readonly number[] = [...ALPHABET].map((_, i) => 400 + 80 * i);

const AMPLITUDE = 0.5;
const RAMP = 0.005; // raised-cosine edges: a hard edge is a click that spreads over every band

/** Lowercases and strips punctuation the way speak() does, so tests can predict the words. */
export function toWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

/** Seconds one word takes, gaps inside it included. */
export function wordDuration(word: string): number {
  return word.length * TONE + (word.length - 1) * LETTER_GAP;
}

type Tone = { at: number; symbol: number };

function layOut(lines: { text: string; at?: number }[]): { tones: Tone[]; words: SpokenWord[]; end: number } {
  const tones: Tone[] = [];
  const words: SpokenWord[] = [];
  let end = 0;
  for (const [n, line] of lines.entries()) {
    // Closer than a word gap and the last word of one line would run into the next one's first.
    const earliest = n === 0 ? 0 : end + WORD_GAP;
    if (line.at !== undefined && !(line.at >= earliest - 1e-9)) {
      throw new Error(
        `line ${n + 1} at ${line.at}s overlaps the previous line (it ends at ${end.toFixed(3)}s; the next may start at ${earliest.toFixed(3)}s)`,
      );
    }
    let t = line.at ?? (n === 0 ? EDGE : end + LINE_GAP);
    for (const word of toWords(line.text)) {
      const start = t;
      for (const ch of word) {
        tones.push({ at: t, symbol: ALPHABET.indexOf(ch) });
        t += TONE + LETTER_GAP;
      }
      end = t - LETTER_GAP;
      words.push({ word, start: round3(start), end: round3(end) });
      t = end + WORD_GAP;
    }
  }
  return { tones, words, end };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

function toneShape(freq: number, sampleRate: number): Float32Array {
  const n = Math.round(TONE * sampleRate);
  const ramp = Math.round(RAMP * sampleRate);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const edge = Math.min(i, n - 1 - i);
    const gain = edge < ramp ? 0.5 - 0.5 * Math.cos((Math.PI * edge) / ramp) : 1;
    out[i] = AMPLITUDE * gain * Math.sin((2 * Math.PI * freq * i) / sampleRate);
  }
  return out;
}

const CODECS = {
  mp3: { args: ['-c:a', 'libmp3lame', '-f', 'mp3'], bitrate: '64k', sampleRate: 44100 },
  wav: { args: ['-c:a', 'pcm_s16le', '-f', 'wav'], bitrate: undefined, sampleRate: 44100 },
  // libopus's defaults, as podcast tools use them; note that long silences after a tone make it
  // crawl (about 70x real time against MP3's 400x), so long test files are better MP3.
  opus: { args: ['-c:a', 'libopus', '-f', 'ogg'], bitrate: '32k', sampleRate: 48000 },
  m4a: { args: ['-c:a', 'aac', '-movflags', '+faststart', '-f', 'mp4'], bitrate: '96k', sampleRate: 44100 },
} as const;

function formatOf(outFile: string): keyof typeof CODECS {
  const ext = extname(outFile).slice(1).toLowerCase();
  return ext === 'wav' || ext === 'opus' || ext === 'm4a' ? ext : ext === 'ogg' ? 'opus' : 'mp3';
}

/**
 * Writes the lines as tone speech to outFile and says where each word went. The format
 * defaults from the file's extension (else MP3); PCM is made here and piped to ffmpeg in
 * one-second chunks, so long silent padding costs little memory.
 */
export async function speak(
  lines: { text: string; at?: number }[],
  outFile: string,
  opts: SpeakOptions = {},
): Promise<{ words: SpokenWord[]; duration: number }> {
  const format = opts.format ?? formatOf(outFile);
  const codec = CODECS[format];
  const sampleRate = opts.sampleRate ?? codec.sampleRate;
  const channels = opts.channels ?? 1;
  const { tones, words, end } = layOut(lines);
  const totalSamples = Math.round(Math.max(end + EDGE, opts.minDuration ?? 0) * sampleRate);
  const shapes = FREQUENCIES.map((f) => toneShape(f, sampleRate));

  const bitrate = opts.bitrate ?? codec.bitrate;
  const ffmpeg = spawn(
    'ffmpeg',
    [
      '-hide_banner',
      '-loglevel',
      'error',
      '-nostdin',
      '-f',
      's16le',
      '-ar',
      String(sampleRate),
      '-ac',
      String(channels),
      '-i',
      'pipe:0',
      ...codec.args,
      ...(bitrate ? ['-b:a', bitrate] : []),
      '-y',
      outFile,
    ],
    { stdio: ['pipe', 'ignore', 'pipe'] },
  );
  const done = exitOf(ffmpeg, 'encode');
  ffmpeg.stdin.on('error', () => {}); // EPIPE if ffmpeg quits early; its exit code says why

  const chunk = sampleRate; // one second per write
  let next = 0; // first tone not yet finished
  for (let from = 0; from < totalSamples; from += chunk) {
    const to = Math.min(totalSamples, from + chunk);
    const pcm = new Int16Array((to - from) * channels);
    while (next < tones.length && Math.round(tones[next]!.at * sampleRate) + Math.round(TONE * sampleRate) <= from) next++;
    for (let k = next; k < tones.length; k++) {
      const tone = tones[k]!;
      const at = Math.round(tone.at * sampleRate);
      if (at >= to) break;
      const shape = shapes[tone.symbol]!;
      for (let i = Math.max(at, from); i < Math.min(at + shape.length, to); i++) {
        const v = Math.round(shape[i - at]! * 32767);
        for (let c = 0; c < channels; c++) pcm[(i - from) * channels + c] = v;
      }
    }
    const ok = ffmpeg.stdin.write(new Uint8Array(pcm.buffer));
    if (!ok) await Promise.race([new Promise((r) => ffmpeg.stdin.once('drain', r)), done]);
  }
  ffmpeg.stdin.end();
  await done;
  return { words, duration: totalSamples / sampleRate };
}

function exitOf(child: ReturnType<typeof spawn>, what: string): Promise<void> {
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new Error(`ffmpeg ${what} failed (exit ${code}): ${stderr.trim().slice(-500)}`)),
    );
  });
}

/** Decodes any container/codec ffmpeg knows to 16 kHz mono samples. */
export async function decodePcm(bytes: Uint8Array): Promise<Int16Array> {
  try {
    return await ffmpegPcm(bytes, 'pipe:0');
  } catch (error) {
    // An MP4/M4A whose index (moov) sits after the audio cannot be read from a pipe, but real
    // services accept such files, so retry from a seekable temporary file.
    const dir = await mkdtemp(join(tmpdir(), 'tone-decode-'));
    try {
      const file = join(dir, 'audio');
      await writeFile(file, bytes);
      return await ffmpegPcm(undefined, file);
    } catch {
      throw error;
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

async function ffmpegPcm(bytes: Uint8Array | undefined, input: string): Promise<Int16Array> {
  const ffmpeg = spawn(
    'ffmpeg',
    ['-hide_banner', '-loglevel', 'error', '-i', input, '-vn', '-f', 's16le', '-ac', '1', '-ar', '16000', 'pipe:1'],
    { stdio: [bytes ? 'pipe' : 'ignore', 'pipe', 'pipe'] },
  );
  const chunks: Buffer[] = [];
  ffmpeg.stdout!.on('data', (d: Buffer) => chunks.push(d));
  const done = exitOf(ffmpeg, 'decode');
  if (bytes && ffmpeg.stdin) {
    ffmpeg.stdin.on('error', () => {}); // EPIPE when ffmpeg gives up on bad input early; the exit code tells
    ffmpeg.stdin.end(bytes);
  }
  await done;
  const all = Buffer.concat(chunks);
  if (all.length < 2) throw new Error('ffmpeg decode produced no audio');
  // Copy: Buffer.concat may hand back an odd byteOffset, which Int16Array cannot view.
  const pcm = new Int16Array(all.length >> 1);
  new Uint8Array(pcm.buffer).set(all.subarray(0, pcm.length * 2));
  return pcm;
}

/** decodePcm + decodeWords, with the audio's length in seconds. */
export async function decodeAudio(bytes: Uint8Array): Promise<{ words: SpokenWord[]; duration: number }> {
  const pcm = await decodePcm(bytes);
  return { words: decodeWords(pcm, 16000), duration: pcm.length / 16000 };
}

export async function decodeFile(bytes: Uint8Array): Promise<SpokenWord[]> {
  return (await decodeAudio(bytes)).words;
}

/**
 * Finds the tones and reads them back as words. Two passes keep it fast: a cheap energy
 * envelope finds where tones are, then Goertzel filters run only on the middle of each one.
 */
export function decodeWords(samples: Float32Array | Int16Array, sampleRate: number): SpokenWord[] {
  const x = toFloat(samples);
  const hop = Math.max(1, Math.round(sampleRate * 0.0025));
  const frames = Math.floor(x.length / hop);
  const energy = new Float32Array(frames);
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    for (let i = f * hop, e = i + hop; i < e; i++) sum += x[i]! * x[i]!;
    energy[f] = sum / hop;
  }
  const threshold = activeThreshold(energy);
  if (threshold === undefined) return [];

  // Runs of loud frames; gaps shorter than 7.5 ms are codec ripple, not letter gaps.
  const runs: { from: number; to: number }[] = [];
  let from = -1;
  let quiet = 0;
  for (let f = 0; f <= frames; f++) {
    const loud = f < frames && energy[f]! >= threshold;
    if (loud) {
      if (from < 0) from = f;
      quiet = 0;
    } else if (from >= 0 && (++quiet >= 3 || f === frames)) {
      const to = f - quiet + 1;
      if ((to - from) * hop >= 0.015 * sampleRate) runs.push({ from, to });
      from = -1;
    }
  }

  // A run can hold several letters when a codec filled in the gaps (always so for "ll"
  // smeared together); letters have a fixed length, so the run's length says how many.
  const letters: { start: number; end: number; symbol: number }[] = [];
  const cutAtStart = runs[0]?.from === 0;
  const cutAtEnd = runs.at(-1)?.to === frames;
  for (const run of runs) {
    const start = (run.from * hop) / sampleRate;
    const end = (run.to * hop) / sampleRate;
    const count = Math.max(1, Math.round((end - start + LETTER_GAP) / (TONE + LETTER_GAP)));
    const slot = (end - start) / count;
    for (let k = 0; k < count; k++) {
      const symbol = strongestTone(x, sampleRate, start + k * slot, start + (k + 1) * slot);
      letters.push({ start: start + k * slot, end: start + (k + 1) * slot, symbol });
    }
  }

  const words: SpokenWord[] = [];
  const splitGap = (LETTER_GAP + WORD_GAP) / 2;
  let current: { word: string; start: number; end: number } | undefined;
  for (const l of letters) {
    if (!current || l.start - current.end > splitGap) {
      if (current) words.push(current);
      current = { word: '', start: l.start, end: l.end };
    }
    current.word += ALPHABET[l.symbol];
    current.end = l.end;
  }
  if (current) words.push(current);
  // A word already sounding when the audio begins (or still sounding at its end) was cut
  // mid-letter, so what is left of it is not the word that was said.
  if (cutAtStart) words.shift();
  if (cutAtEnd) words.pop();
  return words.map((w) => ({ word: w.word, start: round3(w.start), end: round3(w.end) }));
}

function toFloat(samples: Float32Array | Int16Array): Float32Array {
  if (samples instanceof Float32Array) return samples;
  const out = new Float32Array(samples.length);
  for (let i = 0; i < samples.length; i++) out[i] = samples[i]! / 32768;
  return out;
}

// Tones are all one loudness, so the typical loud frame sets the level, and anything 10 dB
// under it is silence (or a codec's pre-echo).
function activeThreshold(energy: Float32Array): number | undefined {
  const floor = 1e-5; // about -50 dBFS
  const loud = energy.filter((e) => e > floor).sort();
  if (loud.length === 0) return undefined;
  const typical = loud[Math.floor(loud.length * 0.75)]!;
  return Math.max(floor, typical * 0.1);
}

// Goertzel over the middle of a letter (its edges are ramps and codec smear), Hann-windowed
// so that neighbouring tones 80 Hz away do not leak in.
function strongestTone(x: Float32Array, sampleRate: number, start: number, end: number): number {
  const margin = Math.max(0, (end - start - 0.035) / 2);
  const a = Math.max(0, Math.round((start + margin) * sampleRate));
  const b = Math.min(x.length, Math.round((end - margin) * sampleRate));
  const n = b - a;
  const seg = new Float32Array(n);
  for (let i = 0; i < n; i++) seg[i] = x[a + i]! * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1)));
  let best = 0;
  let bestPower = -1;
  for (const [symbol, freq] of FREQUENCIES.entries()) {
    const coeff = 2 * Math.cos((2 * Math.PI * freq) / sampleRate);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const s0 = seg[i]! + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
    if (power > bestPower) {
      bestPower = power;
      best = symbol;
    }
  }
  return best;
}
