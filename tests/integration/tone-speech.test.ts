import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { promisify } from 'node:util';
import type { SpeakOptions, SpokenWord } from '../support/tone-speech.ts';
import { decodeAudio, decodeFile, decodeWords, LINE_GAP, speak, toWords, WORD_GAP, wordDuration } from '../support/tone-speech.ts';

const run = promisify(execFile);

// Every symbol, double letters ("ll", "ss", "pp", "oo"), digits and apostrophes.
const LINES = [
  { text: "Hello and welcome to the show, I'm your host." },
  { text: "Today we're talking about 3 things: coffee, bookkeeping and the 1990s." },
  { text: 'Mississippi balloon committee — all well, zzz!' },
  { text: "Don't stop believin'; it's 42 o'clock. 0123456789" },
  { text: 'The quick brown fox jumps over the lazy dog, abcdefghijklmnopqrstuvwxyz.' },
];

let dir = '';
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tone-speech-'));
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

function assertHeard(heard: SpokenWord[], spoken: SpokenWord[]): void {
  assert.deepEqual(
    heard.map((w) => w.word),
    spoken.map((w) => w.word),
  );
  for (const [i, w] of heard.entries()) {
    const s = spoken[i]!;
    assert.ok(Math.abs(w.start - s.start) < 0.1, `${w.word} heard at ${w.start}, said at ${s.start}`);
    assert.ok(Math.abs(w.end - s.end) < 0.1, `${w.word} heard ending ${w.end}, said ending ${s.end}`);
  }
}

const CODECS: [string, string, SpeakOptions][] = [
  ['MP3 128 kbps stereo 44.1 kHz', 'a.mp3', { bitrate: '128k', channels: 2, sampleRate: 44100 }],
  ['MP3 32 kbps mono 16 kHz', 'b.mp3', { bitrate: '32k', channels: 1, sampleRate: 16000 }],
  ['Opus 24 kbps', 'c.opus', { bitrate: '24k' }],
  ['AAC in M4A', 'd.m4a', {}],
  ['WAV', 'e.wav', {}],
];
for (const [name, file, opts] of CODECS) {
  test(`words survive ${name}`, async () => {
    const out = join(dir, file);
    const { words } = await speak(LINES, out, opts);
    assert.equal(words.length, LINES.flatMap((l) => toWords(l.text)).length);
    assertHeard(await decodeFile(await readFile(out)), words);
  });
}

test('a piece cut out of the middle decodes with times relative to the piece', async () => {
  const full = join(dir, 'full.mp3');
  const { words } = await speak(LINES, full, { bitrate: '128k', channels: 2 });
  for (const [from, length, codec] of [
    [3.9, 8, ['-c:a', 'libmp3lame', '-b:a', '64k']],
    [6.21, 7, ['-c:a', 'copy']],
  ] as const) {
    const piece = join(dir, `piece-${from}.mp3`);
    await run('ffmpeg', ['-loglevel', 'error', '-y', '-ss', String(from), '-t', String(length), '-i', full, ...codec, piece]);
    const inside = words
      .filter((w) => w.start >= from && w.end <= from + length)
      .map((w) => ({ word: w.word, start: w.start - from, end: w.end - from }));
    // Words cut at either edge may come back truncated ("ain" for "again"); the rest must be exact.
    const heard = (await decodeFile(await readFile(piece))).filter(
      (w) => w.start >= inside[0]!.start - 0.1 && w.end <= inside.at(-1)!.end + 0.1,
    );
    assertHeard(heard, inside);
  }
});

test('text becomes lowercase words without punctuation', () => {
  assert.deepEqual(toWords("Don't STOP — it’s 42°, café!"), ["don't", 'stop', "it's", '42', 'cafe']);
});

test('lines are laid out with a long gap between them and at the times asked for', async () => {
  const { words, duration } = await speak([{ text: 'one two' }, { text: 'three' }, { text: 'four', at: 30 }], join(dir, 'layout.wav'), {
    minDuration: 60,
  });
  assert.equal(duration, 60);
  const [one, two, three, four] = words;
  assert.ok(two!.start - one!.end < 0.2, 'word gap');
  assert.ok(three!.start - two!.end >= 0.6, 'line gap');
  assert.equal(four!.start, 30);
  assert.ok(LINE_GAP >= 0.6 && LINE_GAP > 3 * WORD_GAP);
  // Real speech runs at about 0.4-0.5 s a word.
  assert.ok(wordDuration('hello') + WORD_GAP <= 0.5);
  await assert.rejects(speak([{ text: 'one two three' }, { text: 'four', at: 0.5 }], join(dir, 'x.wav')), /overlaps/);
});

test('silence and non-audio', async () => {
  assert.deepEqual(decodeWords(new Float32Array(16000), 16000), []);
  assert.deepEqual(decodeWords(new Int16Array(0), 16000), []);
  await assert.rejects(decodeFile(new TextEncoder().encode('not audio at all '.repeat(50))), /ffmpeg/);
});

test('20 minutes of speech decodes in a few seconds', async () => {
  const vocab = toWords(
    'the of and to in is you that it was for on are as with they at be this have from or one had by word but not what all were we when your can said there use an each which she do how their if will up other about out many then them these so some would make like into time has look two more write go see number no way could people than first water been call who now find long down day did get come made may part podcast episode coffee',
  );
  let seed = 7;
  const pick = () => vocab[(seed = (seed * 48271) % 2147483647) % vocab.length]!;
  const lines = Array.from({ length: 240 }, (_, i) => ({ text: Array.from({ length: 6 + (i % 9) }, pick).join(' ') }));
  const out = join(dir, 'long.mp3');
  const { words } = await speak(lines, out, { bitrate: '32k', sampleRate: 16000, minDuration: 1200 });
  const started = performance.now();
  const heard = await decodeAudio(await readFile(out));
  const seconds = (performance.now() - started) / 1000;
  assert.equal(Math.round(heard.duration), 1200);
  assert.ok(words.length > 2000, `${words.length} words in 20 minutes`);
  assertHeard(heard.words, words);
  assert.ok(seconds < 10, `decoding took ${seconds.toFixed(1)} s`);
});
