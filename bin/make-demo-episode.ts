// Makes the demo episode in episodes/: a written dialogue spoken by espeak-ng (podgrep-demo.mp3), its exact transcript
// (podgrep-demo.vtt: one cue per line, timed from the audio's own sample counts) and its show notes (podgrep-demo.md).
// A new user with no transcription key then still finds moments and a player that jumps to them.
//
//   npm run demo:make        (needs espeak-ng and ffmpeg; the output is committed, CI does not run this)
//
// The same espeak-ng and ffmpeg give byte-identical files: no dates, random names or encoder versions go into them.
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { formatTime } from '../src/time.ts';
import { importTranscript } from '../src/transcript/transcript-import.ts';
import { DIALOGUE, PRONOUNCE, SLUG, type Speaker, showNotes, VOICES } from './demo-episode-script.ts';

const run = promisify(execFile);

const OUT_DIR = new URL('../episodes/', import.meta.url);
const SAMPLE_RATE = 22050;
/** Silence before the first line, between lines and after the last, in samples. */
const LEAD = Math.round(0.5 * SAMPLE_RATE);
const PAUSE = Math.round(0.6 * SAMPLE_RATE);
const TAIL = Math.round(0.8 * SAMPLE_RATE);
/** Kept around the loud part of each line so that soft consonants at its edges are not cut off. */
const MARGIN = Math.round(0.04 * SAMPLE_RATE);
/** Quieter than this (of 32767) counts as silence when trimming a line. */
const SILENCE = 300;

type Line = { speaker: Speaker; text: string; wav: string; from: number; to: number; start: number; end: number };

async function main(): Promise<void> {
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'podgrep-demo-'));
  try {
    const lines: Line[] = [];
    let at = LEAD;
    for (const [n, [speaker, text]] of DIALOGUE.entries()) {
      const wav = path.join(work, `line-${String(n).padStart(2, '0')}.wav`);
      const spoken = PRONOUNCE.reduce((said, [pattern, sound]) => said.replace(pattern, sound), text);
      await run('espeak-ng', [...VOICES[speaker], '-w', wav, '--', spoken]);
      const { from, to } = speechSpan(await fs.readFile(wav), wav);
      lines.push({ speaker, text, wav, from, to, start: at / SAMPLE_RATE, end: (at + to - from) / SAMPLE_RATE });
      at += to - from + PAUSE;
    }
    const total = at - PAUSE + TAIL;
    const mp3 = new URL(`${SLUG}.mp3`, OUT_DIR);
    await concatenate(lines, total, mp3);
    const vtt = toVtt(lines);
    await fs.writeFile(new URL(`${SLUG}.vtt`, OUT_DIR), vtt);
    await fs.writeFile(new URL(`${SLUG}.md`, OUT_DIR), showNotes(total / SAMPLE_RATE));

    // The transcript must read back as one segment per line, or the demo shows something else than was written.
    const transcript = importTranscript(`episodes/${SLUG}.vtt`, vtt);
    if (transcript.segments.length !== DIALOGUE.length) throw new Error(`the VTT reads back as ${transcript.segments.length} segments`);
    const size = (await fs.stat(mp3)).size;
    console.log(`episodes/${SLUG}.mp3: ${formatTime(total / SAMPLE_RATE)} (${(total / SAMPLE_RATE).toFixed(2)} s), ${size} bytes`);
    console.log(`episodes/${SLUG}.vtt: ${lines.length} cues; episodes/${SLUG}.md`);
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/**
 * The samples of a line from its first to its last audible one (plus MARGIN), read from the WAV itself: its header
 * gives the format and the data chunk's size, so the line's length is exact to the sample.
 */
function speechSpan(wav: Buffer, name: string): { from: number; to: number } {
  if (wav.toString('ascii', 0, 4) !== 'RIFF' || wav.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${name}: not a WAV file`);
  let offset = 12;
  let format: { channels: number; rate: number; bits: number; code: number } | undefined;
  while (offset + 8 <= wav.length) {
    const id = wav.toString('ascii', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      format = {
        code: wav.readUInt16LE(body),
        channels: wav.readUInt16LE(body + 2),
        rate: wav.readUInt32LE(body + 4),
        bits: wav.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (format?.code !== 1 || format.channels !== 1 || format.bits !== 16 || format.rate !== SAMPLE_RATE) {
        throw new Error(`${name}: expected 16-bit mono PCM at ${SAMPLE_RATE} Hz, found ${JSON.stringify(format)}`);
      }
      // A writer that was cut short leaves a size larger than the file; trust the bytes that are there.
      const count = Math.floor(Math.min(size, wav.length - body) / 2);
      let first = -1;
      let last = -1;
      for (let i = 0; i < count; i++) {
        if (Math.abs(wav.readInt16LE(body + 2 * i)) > SILENCE) {
          if (first === -1) first = i;
          last = i;
        }
      }
      if (first === -1) throw new Error(`${name}: espeak-ng wrote only silence`);
      return { from: Math.max(0, first - MARGIN), to: Math.min(count, last + 1 + MARGIN) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error(`${name}: no data chunk`);
}

/** Cuts each line to its span and joins them with exact silences, all by sample counts, into a small mono MP3. */
async function concatenate(lines: Line[], total: number, mp3: URL): Promise<void> {
  const inputs = lines.flatMap((line) => ['-i', line.wav]);
  const parts = lines.map(
    (line, n) =>
      `[${n}:a]atrim=start_sample=${line.from}:end_sample=${line.to},asetpts=PTS-STARTPTS,` +
      `apad=pad_len=${n === lines.length - 1 ? TAIL : PAUSE}[l${n}]`,
  );
  const lead = `anullsrc=r=${SAMPLE_RATE}:cl=mono,atrim=end_sample=${LEAD}[lead]`;
  const join = `[lead]${lines.map((_, n) => `[l${n}]`).join('')}concat=n=${lines.length + 1}:v=0:a=1,atrim=end_sample=${total}[out]`;
  await run('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    ...inputs,
    '-filter_complex',
    [lead, ...parts, join].join(';'),
    '-map',
    '[out]',
    '-ac',
    '1',
    '-ar',
    String(SAMPLE_RATE),
    '-c:a',
    'libmp3lame',
    '-b:a',
    '24k',
    '-map_metadata',
    '-1',
    '-fflags',
    '+bitexact',
    '-flags:a',
    '+bitexact',
    '-metadata',
    'title=podgrep demo: searching what was said',
    '-metadata',
    'artist=podgrep-demo',
    fileURLToPath(mp3),
  ]);
}

function toVtt(lines: Line[]): string {
  const cues = lines.map(
    (line, n) => `${n + 1}\n${vttTime(line.start)} --> ${vttTime(line.end)}\n<v ${line.speaker}>${escapeVtt(line.text)}`,
  );
  return `WEBVTT - podgrep demo: searching what was said\nLanguage: en\n\nNOTE Written first, then spoken by espeak-ng; every cue is timed from the audio's sample counts.\n\n${cues.join('\n\n')}\n`;
}

function vttTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(Math.floor(ms / 3600000), 2)}:${pad(Math.floor(ms / 60000) % 60, 2)}:${pad(Math.floor(ms / 1000) % 60, 2)}.${pad(ms % 1000, 3)}`;
}

function escapeVtt(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

await main();
