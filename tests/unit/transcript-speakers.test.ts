import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Transcript } from '../../src/transcript/transcript.ts';
import { importTranscript, readTranscript } from '../../src/transcript/transcript-import.ts';

/** Who said what, and when. */
function turns(transcript: Transcript): [number, number, string | null, string][] {
  return transcript.segments.map((segment) => [segment.start, segment.end, segment.speaker ?? null, segment.text]);
}

const PANEL = ['Mark Ericksen', 'Josh Adams', 'Sascha Wolf'];

test('WebVTT voices name the speaker, matched to the panel; text outside a voice stays with it; two voices split a cue', () => {
  const vtt = `WEBVTT

00:00:01.000 --> 00:00:05.000
<v Mark>Welcome back to <i>Elixir Mix</i>.</v> <b>Today:</b>

00:00:05.000 --> 00:00:09.000
<v.loud Josh Adams>Thanks.<v Guest Person>Glad to be here

00:00:09.000 --> 00:00:10.000
No voice here.
`;
  assert.deepEqual(turns(importTranscript('x.vtt', vtt, { people: PANEL })), [
    [1, 5, 'Mark Ericksen', 'Welcome back to Elixir Mix. Today:'],
    [5, 6.273, 'Josh Adams', 'Thanks.'],
    [6.273, 9, 'Guest Person', 'Glad to be here'],
    [9, 10, null, 'No voice here.'],
  ]);
});

test('SubRip `Name:` turns: the name leaves the text and the words, and the turn lasts until the next name', () => {
  const srt = `1
00:00:01,000 --> 00:00:03,000
Sascha: Dirty schedulers keep

2
00:00:03,000 --> 00:00:05,000
long NIFs off the main schedulers.

3
00:00:05,000 --> 00:00:07,000
Josh: Right. Note: not all of them.

4
00:00:07,000 --> 00:00:09,000
Note: this one is a comment, not a person.
At 12:30 we stopped.

5
00:00:09,000 --> 00:00:11,000
SASCHA: Back to me.
`;
  const transcript = importTranscript('x.srt', srt, { people: PANEL });
  assert.deepEqual(turns(transcript), [
    [1, 3, 'Sascha Wolf', 'Dirty schedulers keep'],
    [3, 5, 'Sascha Wolf', 'long NIFs off the main schedulers.'],
    [5, 7, 'Josh Adams', 'Right. Note: not all of them.'],
    [7, 9, 'Josh Adams', 'Note: this one is a comment, not a person. At 12:30 we stopped.'],
    [9, 11, 'Sascha Wolf', 'Back to me.'],
  ]);
  assert.deepEqual(
    transcript.segments[0]?.words.map((word) => word.word),
    ['Dirty', 'schedulers', 'keep'],
  );
  assert.equal(transcript.segments[0]?.words[0]?.start, 1);
});

test('without show notes, a short capitalised name used more than once is a speaker; used once it is text', () => {
  const srt =
    '1\n00:00:01,000 --> 00:00:02,000\nAnn: One.\n\n2\n00:00:02,000 --> 00:00:03,000\nBob: Two.\n\n3\n00:00:03,000 --> 00:00:04,000\nAnn: Three.\n';
  assert.deepEqual(turns(importTranscript('x.srt', srt)), [
    [1, 2, 'Ann', 'One.'],
    [2, 3, 'Ann', 'Bob: Two.'],
    [3, 4, 'Ann', 'Three.'],
  ]);
});

test('Podcasting 2.0 JSON speakers, matched; word segments that repeat their phrase times are spread over it', () => {
  const json = {
    version: '1.0.0',
    segments: [
      { speaker: 'Mark', startTime: 0, endTime: 3, body: 'Hello' },
      { speaker: 'Mark', startTime: 0, endTime: 3, body: 'and' },
      { speaker: 'Mark', startTime: 0, endTime: 3, body: 'welcome.' },
      { speaker: 'Guest', startTime: 3, endTime: 4, body: 'Hi!' },
    ],
  };
  const transcript = importTranscript('x.json', JSON.stringify(json), { people: PANEL });
  assert.deepEqual(turns(transcript), [
    [0, 3, 'Mark Ericksen', 'Hello and welcome.'],
    [3, 4, 'Guest', 'Hi!'],
  ]);
  assert.deepEqual(
    transcript.segments[0]?.words.map((word) => [word.word, word.start, word.end]),
    [
      ['Hello', 0, 1],
      ['and', 1, 1.6],
      ['welcome', 1.6, 3],
    ],
  );
});

test('Whisper-style segments with a speaker (WhisperX), and Whisper CLI output without task or duration', () => {
  const json = {
    text: ' Hi. Hello.',
    segments: [
      {
        id: 0,
        seek: 0,
        start: 0.0,
        end: 1.5,
        text: ' Hi.',
        speaker: 'SPEAKER_00',
        words: [{ word: 'Hi.', start: 0.1, end: 0.5, speaker: 'SPEAKER_00' }],
      },
      { id: 1, seek: 0, start: 1.5, end: 3.0, text: ' Hello.', speaker: 'Josh' },
    ],
    language: 'en',
  };
  const transcript = importTranscript('x.json', JSON.stringify(json), { people: PANEL });
  assert.deepEqual(turns(transcript), [
    [0, 1.5, 'SPEAKER_00', 'Hi.'],
    [1.5, 3, 'Josh Adams', 'Hello.'],
  ]);
  assert.equal(transcript.duration, 3);
  assert.equal(transcript.language, 'en');
});

test('a JSON list of cues: whole numbers lasting 100 or more are milliseconds, fractions are seconds', () => {
  const ms = [
    { start: 0, end: 4200, text: 'In milliseconds.' },
    { start: 4200, end: 9000, text: 'Still.' },
  ];
  const seconds = [
    { start: 0.5, end: 4.2, text: 'In seconds.' },
    { start: 4, end: 9, text: 'Whole ones too.' },
  ];
  assert.deepEqual(turns(importTranscript('x.json', JSON.stringify(ms))), [
    [0, 4.2, null, 'In milliseconds.'],
    [4.2, 9, null, 'Still.'],
  ]);
  assert.deepEqual(turns(importTranscript('x.json', JSON.stringify(seconds))), [
    [0.5, 4.2, null, 'In seconds.'],
    [4, 9, null, 'Whole ones too.'],
  ]);
  const named = [{ startMs: 1000, endMs: 2000, text: 'Named keys.', speaker: 'Sascha' }];
  assert.deepEqual(turns(importTranscript('x.json', JSON.stringify(named), { people: PANEL })), [[1, 2, 'Sascha Wolf', 'Named keys.']]);
});

test('whisper.cpp JSON: offsets in milliseconds', () => {
  const json = {
    transcription: [
      { timestamps: { from: '00:00:00,000', to: '00:00:02,500' }, offsets: { from: 0, to: 2500 }, text: ' From whisper.cpp.' },
    ],
  };
  assert.deepEqual(turns(importTranscript('x.json', JSON.stringify(json))), [[0, 2.5, null, 'From whisper.cpp.']]);
});

test('WebVTT as publishers write it: bare-seconds timings and hours left out', () => {
  const bare = 'WEBVTT\n\n0.860 --> 7.380\nBare seconds.\n\n7.380 --> 12\nAnd more.\n';
  assert.deepEqual(turns(importTranscript('x.vtt', bare)), [
    [0.86, 7.38, null, 'Bare seconds.'],
    [7.38, 12, null, 'And more.'],
  ]);
  assert.deepEqual(turns(importTranscript('x.vtt', 'WEBVTT\n\n01:02.500 --> 01:05.000\nShort.\n')), [[62.5, 65, null, 'Short.']]);
});

test('a file with many broken cues keeps the rest and lists the first few warnings, then a count', () => {
  const cues = Array.from(
    { length: 20 },
    (_, i) => `00:00:${String(i).padStart(2, '0')}.000 --> 00:00:${i % 2 ? '99' : String(i + 1).padStart(2, '0')}.000\nCue ${i}\n`,
  );
  const { transcript, warnings } = readTranscript('episodes/many.vtt', `WEBVTT\n\n${cues.join('\n')}`);
  assert.equal(transcript.segments.length, 10);
  assert.equal(warnings.length, 6);
  assert.match(warnings[0] ?? '', /^episodes\/many\.vtt: line 6: .*seconds go up to 59\); the cue was dropped$/);
  assert.equal(warnings[5], 'episodes/many.vtt: 5 more cues were skipped or mended');
});
