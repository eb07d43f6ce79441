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

const run = promisify(execFile);

const SLUG = 'podgrep-demo';
const OUT_DIR = new URL('../episodes/', import.meta.url);
/** Fixed, so that running the script again changes nothing. */
const DATE = '2026-11-26';

type Speaker = 'Ada' | 'Theo';

/** Two voices that are easy to tell apart: a higher American one and a lower British one. */
const VOICES: Record<Speaker, string[]> = {
  Ada: ['-v', 'en-us+f3', '-p', '58', '-s', '160'],
  Theo: ['-v', 'en-gb-x-rp+m3', '-p', '38', '-s', '165'],
};

const DIALOGUE: [Speaker, string][] = [
  ['Ada', "Welcome to the podgrep demo episode. I'm Ada, and with me is Theo. Neither of us is a person: we are two synthetic voices made by espeak-ng, reading a script."],
  ['Theo', 'Which is the whole point. The script was written first, so the transcript beside the player is exact, and every line is timed to the second it is spoken. No transcription key needed.'],
  ['Ada', 'So, what is podgrep? You give it a folder of episodes, show notes in Markdown plus the audio, and it makes everything that was said searchable.'],
  ['Theo', 'Each transcript is cut into moments of twenty to forty seconds, and every word keeps its time. Search for a phrase, and the player opens a second before it is spoken.'],
  ['Ada', "Let's give people something to search for. The other episode in this folder is about Discord using Rust to scale Elixir. Theo, what is a NIF?"],
  ['Theo', 'A NIF is a natively implemented function: code written in C or Rust that the BEAM, the Erlang virtual machine, calls as if it were an ordinary Erlang function.'],
  ['Ada', 'And the catch is that a NIF runs on a scheduler thread. A slow one holds up every process waiting behind it.'],
  ['Theo', 'Exactly. The rule of thumb is that a NIF should return within about a millisecond. Anything longer belongs on a dirty scheduler.'],
  ['Ada', 'Dirty schedulers are separate threads for long running work, one pool for CPU bound jobs and one for IO, so the normal schedulers keep serving everyone else.'],
  ['Theo', 'And Rust makes NIFs safer. Rustler catches a panic in your Rust code and turns it into an Erlang error, instead of taking down the whole node.'],
  ['Ada', 'Now the search side. podgrep keeps its moments in Meilisearch, a search engine that is itself written in Rust. It forgives typos, so a slightly misspelled search still finds them.'],
  ['Theo', 'And if you have no Meilisearch running, podgrep starts its own copy and keeps the data in a local folder.'],
  ['Ada', "For real episodes, the transcripts come from Whisper, OpenAI's speech recognition model, or any server that speaks the same API and returns word timestamps."],
  ['Theo', 'And when a podcast already publishes its transcripts, as WebVTT, SubRip or JSON, podgrep imports those instead. That is how this episode got its transcript.'],
  ['Ada', 'So try it now. Search for dirty schedulers, or Meilisearch, or Whisper, and click a moment. You will land right here, a second early.'],
  ['Theo', "Thanks for listening to two robots talk about search. I'm Theo."],
  ['Ada', "And I'm Ada. Happy grepping."],
];

/** How espeak-ng should say what the transcript spells; the words stay the same. */
const PRONOUNCE: [RegExp, string][] = [
  [/podgrep/gi, 'pod grep'],
  [/espeak-ng/g, 'e speak N G'],
  [/\bNIFs\b/g, 'nifs'],
  [/\bNIF\b/g, 'nif'],
  [/\bBEAM\b/g, 'beam'],
  [/Meilisearch/g, 'may lee search'],
  [/OpenAI's/g, "open A I's"],
  [/WebVTT/g, 'web V T T'],
  [/SubRip/g, 'sub rip'],
  [/JSON/g, 'jason'],
  [/\bIO\b/g, 'I O'],
];

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
      format = { code: wav.readUInt16LE(body), channels: wav.readUInt16LE(body + 2), rate: wav.readUInt32LE(body + 4), bits: wav.readUInt16LE(body + 14) };
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
    '-hide_banner', '-loglevel', 'error', '-y',
    ...inputs,
    '-filter_complex', [lead, ...parts, join].join(';'),
    '-map', '[out]',
    '-ac', '1', '-ar', String(SAMPLE_RATE), '-c:a', 'libmp3lame', '-b:a', '24k',
    '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:a', '+bitexact',
    '-metadata', 'title=podgrep demo: searching what was said', '-metadata', 'artist=podgrep-demo',
    fileURLToPath(mp3),
  ]);
}

function toVtt(lines: Line[]): string {
  const cues = lines.map((line, n) => `${n + 1}\n${vttTime(line.start)} --> ${vttTime(line.end)}\n<v ${line.speaker}>${escapeVtt(line.text)}`);
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

function showNotes(seconds: number): string {
  return `---
title: "podgrep demo: searching what was said"
podcast: ${SLUG}
date: ${DATE}
episode_number: 1
duration: '${formatTime(seconds)}'
audio_url: ${SLUG}.mp3
tags:
  - podgrep
  - demo
  - elixir
  - rust
  - search
---
### **Panel**

*   Ada
*   Theo

### **Summary**

A short demo that ships with podgrep, so there is something to search before you add your own episodes or a transcription key. Ada and Theo are not people: their voices are synthetic speech made with espeak-ng from a written script, and the transcript is exact because it was written first and each line was timed from the audio it became. They explain what podgrep does, then give you things to search for: what a NIF is and why it runs on the BEAM's schedulers, why long-running native code belongs on dirty schedulers, how Rust and Rustler make NIFs safer, how podgrep keeps its moments in Meilisearch, and how transcripts come from Whisper or from the WebVTT, SubRip and JSON files that podcasts already publish.

### **Links**

*   [espeak-ng, the speech synthesizer that voiced this episode](https://github.com/espeak-ng/espeak-ng)
*   [Erlang: NIFs](https://www.erlang.org/doc/system/nif.html)
*   [erl_nif and dirty NIFs](https://www.erlang.org/doc/apps/erts/erl_nif.html)
*   [Rustler](https://github.com/rusterlium/rustler)
*   [Using Rust to Scale Elixir for 11 Million Concurrent Users](https://discord.com/blog/using-rust-to-scale-elixir-for-11-million-concurrent-users)
*   [Meilisearch](https://www.meilisearch.com/)
*   [Whisper](https://github.com/openai/whisper)
*   [WebVTT](https://www.w3.org/TR/webvtt1/)
*   [Podcasting 2.0 transcripts](https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/tags/transcript.md)

### **Picks**

**Ada:**

*   [The BEAM Book](https://github.com/happi/theBeamBook)

**Theo:**

*   [Meilisearch: typo tolerance](https://www.meilisearch.com/docs/learn/relevancy/typo_tolerance_settings)
`;
}

await main();
