import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { parseEpisode } from '../../src/episode/episode.ts';
import { EpisodeError } from '../../src/errors.ts';
import type { Transcript } from '../../src/transcript/transcript.ts';
import { importTranscript, importTranscriptOfType, readTranscript } from '../../src/transcript/transcript-import.ts';

const run = promisify(execFile);

/** Segments without their words, for comparing what was said and when. */
function said(transcript: Transcript): [number, number, string][] {
  return transcript.segments.map((segment) => [segment.start, segment.end, segment.text]);
}

function wordsOf(transcript: Transcript, index: number): [string, number, number][] {
  return (transcript.segments[index]?.words ?? []).map((word) => [word.word, word.start, word.end]);
}

const crlf = (text: string) => text.replace(/\n/g, '\r\n');

// ---------------------------------------------------------------------------------------------------------------
// WebVTT

const VTT = `WEBVTT - Elixir Mix 59
Kind: captions
Language: en

STYLE
::cue(v[voice="Matt"]) { color: yellow }

NOTE This transcript was edited by hand.
It may still contain errors.

intro
00:00:00.500 --> 00:00:04.250 align:start position:10%
<v Mark Ericksen>Welcome to Elixir Mix. Today we're talking
about <i>NIFs</i> &amp; Rust.

2
00:04.250 --> 00:09.000 line:85%
<v.loud Matt Nowack>Thanks for having me.</v> <c.yellow>It's great</c> to be here.

3
00:00:09.000 --> 00:00:09.500
<v Josh>

01:00:01.000 --> 01:00:05.000
<v Matt Nowack>An hour in, &lt;dirty schedulers&gt; still come up.

00:00:30.000 --> 00:00:31.000
Out of order, but sorted.
`;

test('WebVTT: header and metadata, STYLE and NOTE blocks, cue ids, settings, voice tags, hours, multi-line cues', () => {
  const transcript = importTranscript('episodes/emx-059.vtt', VTT);
  assert.deepEqual(said(transcript), [
    [0.5, 4.25, "Welcome to Elixir Mix. Today we're talking about NIFs & Rust."],
    [4.25, 9, "Thanks for having me. It's great to be here."],
    [30, 31, 'Out of order, but sorted.'],
    [3601, 3605, 'An hour in, <dirty schedulers> still come up.'],
  ]);
  assert.equal(transcript.duration, 3605);
  assert.equal(transcript.language, 'en');
  assert.deepEqual(
    transcript.segments[0]?.words.map((word) => word.word),
    ['Welcome', 'to', 'Elixir', 'Mix', 'Today', "we're", 'talking', 'about', 'NIFs', 'Rust'],
  );
});

test('WebVTT with a BOM and Windows line endings reads the same', () => {
  assert.deepEqual(importTranscript('episodes/emx-059.vtt', `\uFEFF${crlf(VTT)}`), importTranscript('episodes/emx-059.vtt', VTT));
});

test('WebVTT: a cue right under the header and a cue missing its blank line still count, as in browsers', () => {
  const transcript = importTranscript('x.vtt', 'WEBVTT\n00:01.000 --> 00:02.000\nFirst.\n00:02.000 --> 00:03.000\nSecond.\n');
  assert.deepEqual(said(transcript), [
    [1, 2, 'First.'],
    [2, 3, 'Second.'],
  ]);
});

// ---------------------------------------------------------------------------------------------------------------
// SubRip

// As Buzzsprout exports it (the Podcasting 2.0 transcript documentation's example), with a few more habits of the
// wild: formatting tags, an ASS position tag and a `.` for the `,`.
const SRT = `1
00:00:00,000 --> 00:00:02,760
Sarah: In today's episode,
you'll learn whether or not you

2
00:00:02,760 --> 00:00:06,090
should have a podcast trailer.
And if so, what should you

3
00:00:06,090 --> 00:00:11,610
include in one? Welcome to
<i>Podcasting Q&A</i>, where you learn

4
00:00:11.610 --> 00:00:15.750
{\\an8}the best tips and strategies to
launch, grow and <font color="#ffff00">monetize</font> your

5
01:02:03,400 --> 01:02:05,000 X1:100 X2:200 Y1:10 Y2:20
Still going after an hour.
`;

test('SubRip: numbered cues, two-line cards, tags removed, `.` tolerated, hours', () => {
  const transcript = importTranscript('episodes/trailer.srt', `\uFEFF${crlf(SRT)}`);
  assert.deepEqual(said(transcript), [
    [0, 2.76, "Sarah: In today's episode, you'll learn whether or not you"],
    [2.76, 6.09, 'should have a podcast trailer. And if so, what should you'],
    [6.09, 11.61, 'include in one? Welcome to Podcasting Q&A, where you learn'],
    [11.61, 15.75, 'the best tips and strategies to launch, grow and monetize your'],
    [3723.4, 3725, 'Still going after an hour.'],
  ]);
  assert.equal(transcript.duration, 3725);
  assert.equal(transcript.language, undefined);
});

test('SubRip: a card missing the blank line before the next number still splits there', () => {
  const transcript = importTranscript('x.srt', '1\n00:00:01,000 --> 00:00:02,000\nOne.\n2\n00:00:02,000 --> 00:00:03,000\nTwo.\n');
  assert.deepEqual(said(transcript), [
    [1, 2, 'One.'],
    [2, 3, 'Two.'],
  ]);
});

// ---------------------------------------------------------------------------------------------------------------
// Words timed in proportion to their length

test('formats without word times spread each cue over its words in proportion to their length', () => {
  const transcript = importTranscript('x.vtt', 'WEBVTT\n\n00:00:10.000 --> 00:00:22.000\n<v Ann>Go, tell Elixir!\n');
  // 2 + 4 + 6 characters over 12 seconds: one second per character.
  assert.deepEqual(wordsOf(transcript, 0), [
    ['Go', 10, 12],
    ['tell', 12, 16],
    ['Elixir', 16, 22],
  ]);
  const srt = importTranscript('x.srt', '1\n00:00:01,000 --> 00:00:04,000\ndirty schedulers — again\n');
  assert.deepEqual(wordsOf(srt, 0), [
    ['dirty', 1, 1.75],
    ['schedulers', 1.75, 3.25],
    ['again', 3.25, 4],
  ]);
});

// ---------------------------------------------------------------------------------------------------------------
// JSON

test('Whisper verbose_json, as the API returns it: words beside the segments, kept with their own times', () => {
  const json = {
    task: 'transcribe',
    language: 'english',
    duration: 9.5,
    text: 'Dirty schedulers. They run long NIFs.',
    segments: [
      { id: 1, start: 4, end: 8, text: ' They run long NIFs.', tokens: [], avg_logprob: -0.2 },
      { id: 0, start: 0, end: 3.5, text: ' Dirty schedulers.', tokens: [], avg_logprob: -0.2 },
    ],
    words: [
      { word: 'Dirty', start: 0.2, end: 0.6 },
      { word: 'schedulers', start: 0.6, end: 1.4 },
      { word: 'They', start: 4.1, end: 4.3 },
      { word: 'run', start: 4.3, end: 4.6 },
    ],
  };
  const transcript = importTranscript('episodes/x.json', JSON.stringify(json, null, 2));
  assert.deepEqual(said(transcript), [
    [0, 3.5, 'Dirty schedulers.'],
    [4, 8, 'They run long NIFs.'],
  ]);
  assert.equal(transcript.duration, 9.5);
  assert.equal(transcript.language, 'english');
  assert.deepEqual(wordsOf(transcript, 0), [
    ['Dirty', 0.2, 0.6],
    ['schedulers', 0.6, 1.4],
  ]);
  assert.deepEqual(wordsOf(transcript, 1), [
    ['They', 4.1, 4.3],
    ['run', 4.3, 4.6],
  ]);
});

test('Whisper JSON as openai-whisper writes it: words inside segments; a segment without words gets spread ones', () => {
  const json = {
    text: '…',
    language: 'en',
    segments: [
      {
        start: 0,
        end: 2,
        text: ' The BEAM.',
        words: [
          { word: ' The', start: 0.1, end: 0.4, probability: 0.9 },
          { word: ' BEAM.', start: 0.4, end: 1.2, probability: 0.9 },
        ],
      },
      // WhisperX leaves words it could not align without times.
      { start: 2, end: 6, text: ' Rust and Rustler.', words: [{ word: 'Rust' }] },
    ],
  };
  const transcript = importTranscript('episodes/x.json', JSON.stringify(json));
  assert.equal(transcript.duration, 6);
  assert.deepEqual(wordsOf(transcript, 0), [
    ['The', 0.1, 0.4],
    ['BEAM.', 0.4, 1.2],
  ]);
  assert.deepEqual(wordsOf(transcript, 1), [
    ['Rust', 2, 3.143],
    ['and', 3.143, 4],
    ['Rustler', 4, 6],
  ]);
});

test('Podcasting 2.0 JSON, one word per segment: merged into sentences, each word keeps its time', () => {
  // The example from the Podcasting 2.0 transcript documentation.
  const json = {
    version: '1.0.0',
    segments: [
      { speaker: 'Darth Vader', startTime: 0.5, endTime: 0.75, body: 'I' },
      { speaker: 'Darth Vader', startTime: 1, endTime: 1.25, body: 'am' },
      { speaker: 'Darth Vader', startTime: 1.5, endTime: 2.0, body: 'your' },
      { speaker: 'Darth Vader', startTime: 2.25, endTime: 2.5, body: 'father.\n' },
      { speaker: 'Luke', startTime: 2.75, endTime: 3.0, body: 'Nooooo' },
      { speaker: 'Luke', startTime: 3.0, endTime: 3.5, body: '!' },
    ],
  };
  const transcript = importTranscript('episodes/x.json', JSON.stringify(json));
  assert.deepEqual(said(transcript), [
    [0.5, 2.5, 'I am your father.'],
    [2.75, 3.5, 'Nooooo!'],
  ]);
  assert.deepEqual(wordsOf(transcript, 0), [
    ['I', 0.5, 0.75],
    ['am', 1, 1.25],
    ['your', 1.5, 2],
    ['father', 2.25, 2.5],
  ]);
  assert.deepEqual(wordsOf(transcript, 1), [['Nooooo', 2.75, 3]]);
  assert.equal(transcript.duration, 3.5);
});

test('Podcasting 2.0 JSON: segments break at a speaker change, a pause over 1.5 s and about 30 s; phrases are spread', () => {
  const words = Array.from({ length: 40 }, (_, i) => ({ speaker: 'Ann', startTime: 10 + i, endTime: 10.5 + i, body: `w${i}` }));
  const json = {
    version: '1.0.0',
    segments: [
      { speaker: 'Ann', startTime: 0, endTime: 2, body: 'one two' },
      { speaker: 'Ann', startTime: 2, endTime: 4, body: 'three four' },
      { speaker: 'Bob', startTime: 4, endTime: 5, body: 'five' },
      { speaker: 'Bob', startTime: '7', body: 'after a pause' },
      ...words,
    ],
  };
  const transcript = importTranscript('episodes/x.json', JSON.stringify(json));
  assert.deepEqual(said(transcript).slice(0, 3), [
    [0, 4, 'one two three four'],
    [4, 5, 'five'],
    [7, 10, 'after a pause'],
  ]);
  // A missing endTime lasts until the next body starts; a phrase is spread over its own time.
  assert.deepEqual(wordsOf(transcript, 0), [
    ['one', 0, 1],
    ['two', 1, 2],
    ['three', 2, 3.111],
    ['four', 3.111, 4],
  ]);
  const long = transcript.segments.slice(3);
  assert.equal(long.length, 2);
  for (const segment of long) assert.ok(segment.end - segment.start <= 30, `${segment.start}–${segment.end}`);
  assert.equal(
    long.map((segment) => segment.words.length).reduce((a, b) => a + b),
    40,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// Choosing the format

test('a content type picks the format of a download whose URL says nothing; generic types fall back', () => {
  const vtt = 'WEBVTT\n\n00:01.000 --> 00:02.000\nHello.\n';
  const srt = '1\n00:00:01,000 --> 00:00:02,000\nHello.\n';
  const json = '{"version": "1.0.0", "segments": [{"startTime": 1, "endTime": 2, "body": "Hello."}]}';
  const expected = [[1, 2, 'Hello.']];
  assert.deepEqual(said(importTranscriptOfType('https://host.example/t/1', vtt, 'text/vtt; charset=utf-8')), expected);
  assert.deepEqual(said(importTranscriptOfType('https://host.example/t/1', srt, 'application/x-subrip')), expected);
  assert.deepEqual(said(importTranscriptOfType('https://host.example/t/1', srt, 'application/srt')), expected);
  assert.deepEqual(said(importTranscriptOfType('https://host.example/t/1', json, 'application/json')), expected);
  assert.deepEqual(said(importTranscriptOfType('https://host.example/ep.srt?token=abc', srt, 'text/plain')), expected);
  assert.deepEqual(said(importTranscriptOfType('https://host.example/t/1', srt, 'application/octet-stream')), expected);
  assert.deepEqual(said(importTranscriptOfType('https://host.example/t/1', vtt)), expected);
  // Mislabelled text that plainly is another format is read as that format.
  assert.deepEqual(said(importTranscriptOfType('https://host.example/t/1', vtt, 'application/x-subrip')), expected);
  assert.deepEqual(said(importTranscript('episodes/x.srt', vtt)), expected);
  assert.deepEqual(said(importTranscript('episodes/x.vtt', srt)), expected);
});

// ---------------------------------------------------------------------------------------------------------------
// Malformed files

const broken: [string, string, string, RegExp][] = [
  [
    'a WebVTT file without its header',
    'episodes/x.vtt',
    '00:00:01.000 --> 00:00:02.000\nHi\n',
    /^episodes\/x\.vtt: line 1: expected the header "WEBVTT" on the first line, found "00:00:01\.000 --> 00:00:02\.000"$/,
  ],
  [
    'a WebVTT time with 75 seconds',
    'episodes/x.vtt',
    'WEBVTT\n\n00:00:75.000 --> 00:01:20.000\nHi\n',
    /line 3: expected a cue timing like/,
  ],
  [
    'a WebVTT cue id with no timing under it',
    'episodes/x.vtt',
    'WEBVTT\n\nintro\nHello there\n',
    /line 4: expected a cue timing like .*, found "Hello there"/,
  ],
  [
    'a WebVTT file with only its header',
    'episodes/x.vtt',
    'WEBVTT\nKind: captions\n\nNOTE nothing yet\n',
    /^episodes\/x\.vtt: the WebVTT transcript is empty/,
  ],
  [
    'a WebVTT file whose cues are all empty',
    'episodes/x.vtt',
    'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann></v>\n',
    /the WebVTT transcript is empty/,
  ],
  [
    'a SubRip file of plain text',
    'episodes/x.srt',
    'Just a paragraph of text\nwith no timings.\n',
    /^episodes\/x\.srt: line 2: expected a cue timing like .*, found "with no timings\."/,
  ],
  ['an empty SubRip file', 'episodes/x.srt', '', /^episodes\/x\.srt: the SubRip transcript is empty/],
  [
    'JSON that does not parse',
    'episodes/x.json',
    '{"segments": [',
    /^episodes\/x\.json: the JSON does not parse \(.+\); expected either Whisper verbose_json .* or a Podcasting 2\.0 JSON transcript/,
  ],
  [
    'JSON of neither shape',
    'episodes/x.json',
    '{"results": {"items": []}}',
    /^episodes\/x\.json: expected either Whisper verbose_json like \{"segments".*\} or a Podcasting 2\.0 JSON transcript like \{"version".*\}; found an object with "results"$/,
  ],
  [
    'JSON whose segments are of neither shape',
    'episodes/x.json',
    '{"segments": [{"from": 1, "to": 2}]}',
    /segments\[0\]: expected either Whisper verbose_json .* Podcasting 2\.0/,
  ],
  [
    'a Podcasting 2.0 segment without a body',
    'episodes/x.json',
    '{"version": "1.0.0", "segments": [{"startTime": 0, "endTime": 1}]}',
    /segments\[0\]: expected a startTime in seconds, an endTime if known, and a body/,
  ],
  [
    'a JSON transcript with no segments',
    'episodes/x.json',
    '{"version": "1.0.0", "segments": []}',
    /^episodes\/x\.json: the JSON transcript is empty/,
  ],
  [
    'a file of no known format',
    'episodes/x.txt',
    'Some words.',
    /^episodes\/x\.txt: expected a transcript in WebVTT \(\.vtt\), SubRip \(\.srt\) or JSON \(\.json\), found "Some words\."$/,
  ],
];
for (const [name, file, text, message] of broken) {
  test(`a clear error naming the file for ${name}`, () => {
    assert.throws(
      () => importTranscript(file, text),
      (error: unknown) => {
        assert.ok(error instanceof EpisodeError, String(error));
        assert.equal(error.file, file);
        assert.match(error.message, message);
        return true;
      },
    );
  });
}

// ---------------------------------------------------------------------------------------------------------------
// One bad cue costs that cue, never the file: the rest is kept and a warning says which one and why.

const mended: [string, string, string, [number, number, string][], RegExp][] = [
  [
    'a WebVTT cue timing with a short arrow',
    'episodes/x.vtt',
    'WEBVTT\n\n00:00.000 --> 00:01.000\nFine.\n\nsecond\n00:01 -> 00:02\nBroken.\n',
    [[0, 1, 'Fine.']],
    /^episodes\/x\.vtt: line 7: expected a cue timing like "00:01:02\.500 --> 00:01:05\.000", found "00:01 -> 00:02"; the block was skipped$/,
  ],
  [
    'a WebVTT cue ending before it starts',
    'episodes/x.vtt',
    'WEBVTT\n\n00:00:05.000 --> 00:00:03.000\nHi\n',
    [[5, 5, 'Hi']],
    /^episodes\/x\.vtt: line 3: the cue ends at 00:00:03\.000, before it starts at 00:00:05\.000; it was kept, ending where it starts$/,
  ],
  [
    'a SubRip timing with a missing colon',
    'episodes/x.srt',
    '1\n00:00:01,000 --> 00:00:04,000\nOne\n\n2\n00:00:05,000 --> 0000:08,000\nTwo\n\n3\n00:00:09,000 --> 00:00:10,000\nThree\n',
    [
      [1, 4, 'One'],
      [9, 10, 'Three'],
    ],
    /^episodes\/x\.srt: line 6: expected a cue timing like "00:01:02,500 --> 00:01:05,000", found "00:00:05,000 --> 0000:08,000"; the cue was dropped$/,
  ],
  [
    'a SubRip cue ending before it starts',
    'episodes/x.srt',
    '1\r\n00:00:09,000 --> 00:00:04,000\r\nHi\r\n',
    [[9, 9, 'Hi']],
    /^episodes\/x\.srt: line 2: the cue ends at 00:00:04\.000, before it starts at 00:00:09\.000; it was kept/,
  ],
  [
    'a Whisper segment without times',
    'episodes/x.json',
    '{"segments": [{"start": 0, "end": 1, "text": "a"}, {"text": "b"}]}',
    [[0, 1, 'a']],
    /^episodes\/x\.json: segments\[1\]: expected a start and an end in seconds and a text.*; it was skipped$/,
  ],
  [
    'a Whisper segment ending before it starts',
    'episodes/x.json',
    '{"segments": [{"start": 5, "end": 1, "text": "a"}]}',
    [[5, 5, 'a']],
    /segments\[0\]: ends at 1 s, before it starts at 5 s; it was kept, ending where it starts/,
  ],
  [
    'a Podcasting 2.0 segment ending before it starts',
    'episodes/x.json',
    '{"version": "1.0.0", "segments": [{"startTime": 3, "endTime": 1, "body": "a"}]}',
    [[3, 3, 'a']],
    /segments\[0\]: ends at 1 s \(endTime\), before it starts at 3 s/,
  ],
  [
    'a WebVTT time with 60 seconds among good cues',
    'episodes/x.vtt',
    'WEBVTT\n\n00:00:60.000 --> 00:01:20.000\nHi\n\n00:01:20.000 --> 00:01:21.000\nThere\n',
    [[80, 81, 'There']],
    /^episodes\/x\.vtt: line 3: expected a cue timing like .* \(seconds go up to 59\); the cue was dropped$/,
  ],
  [
    'a WebVTT time with a four-digit fraction',
    'episodes/x.vtt',
    'WEBVTT\n\n00:00:01.0000 --> 00:00:02.000\nHi\n\n00:00:02.000 --> 00:00:03.000\nThere\n',
    [[2, 3, 'There']],
    /line 3: .*\(the fraction has three digits\); the cue was dropped$/,
  ],
  [
    'a stray text block in WebVTT',
    'episodes/x.vtt',
    'WEBVTT\n\n00:01.000 --> 00:02.000\nOne\n\njust some words\n\n00:02.000 --> 00:03.000\nTwo\n',
    [
      [1, 2, 'One'],
      [2, 3, 'Two'],
    ],
    /^episodes\/x\.vtt: line 6: expected a cue timing .*, found "just some words"; the block was skipped$/,
  ],
  [
    'a WebVTT timing with a short arrow and no id',
    'episodes/x.vtt',
    'WEBVTT\n\n00:01 -> 00:02\nBroken.\n\n00:02.000 --> 00:03.000\nFine.\n',
    [[2, 3, 'Fine.']],
    /^episodes\/x\.vtt: line 3: expected a cue timing .*, found "00:01 -> 00:02"; the block was skipped$/,
  ],
  [
    'a "-->" in a WebVTT cue id',
    'episodes/x.vtt',
    'WEBVTT\n\nintro --> part one\n00:01.000 --> 00:02.000\nOne\n',
    [[1, 2, 'One']],
    /^episodes\/x\.vtt: line 3: a cue id may not contain "-->" \(found "intro --> part one"\); the id was ignored$/,
  ],
  [
    'a CSS block in WebVTT STYLE, and a form feed in a timing',
    'episodes/x.vtt',
    'WEBVTT\n\nSTYLE\n::cue { color: red }\n\n00:01.000\f-->\f00:02.000\nOne\n',
    [[1, 2, 'One']],
    /^$/,
  ],
];
for (const [name, file, text, expected, warning] of mended) {
  test(`kept, with a warning naming the file and the line: ${name}`, () => {
    const { transcript, warnings } = readTranscript(file, text);
    assert.deepEqual(said(transcript), expected);
    if (warning.source === '^$') assert.deepEqual(warnings, []);
    else {
      assert.equal(warnings.length, 1, warnings.join('\n'));
      assert.match(warnings[0] ?? '', warning);
    }
  });
}

test('a download of an unusable type says what it was served as', () => {
  assert.throws(
    () => importTranscriptOfType('https://host.example/t/1', '<p>Hello</p>', 'text/html'),
    /expected a transcript in .* \(it was served as text\/html\)/,
  );
});

// ---------------------------------------------------------------------------------------------------------------
// The demo episode

const demo = (name: string) => new URL(`../../episodes/podgrep-demo.${name}`, import.meta.url);

test('the demo episode: its transcript spans its audio, says what it should, and the audio is small', async () => {
  const transcript = importTranscript('episodes/podgrep-demo.vtt', await fs.readFile(demo('vtt'), 'utf8'));
  const probe = await run('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', demo('mp3').pathname]);
  const audioSeconds = Number(probe.stdout.trim());
  assert.ok(audioSeconds > 120 && audioSeconds < 200, `${audioSeconds} s`);
  assert.ok((transcript.segments[0]?.start ?? Infinity) < 1);
  assert.ok(Math.abs(transcript.duration - audioSeconds) < 1, `transcript ends at ${transcript.duration} s, audio lasts ${audioSeconds} s`);
  const text = transcript.segments.map((segment) => segment.text).join(' ');
  assert.match(text, /belongs on a dirty scheduler/);
  assert.match(text, /Meilisearch/);
  assert.ok((await fs.stat(demo('mp3'))).size < 1024 * 1024);

  const episode = parseEpisode('episodes/podgrep-demo.md', await fs.readFile(demo('md'), 'utf8'));
  assert.equal(episode.podcast, 'podgrep-demo');
  assert.equal(episode.episodeNumber, 1);
  assert.equal(episode.audioUrl, 'podgrep-demo.mp3');
  assert.ok(Math.abs((episode.durationSeconds ?? 0) - audioSeconds) < 1);
  assert.deepEqual(episode.panel, ['Ada', 'Theo']);
  assert.match(episode.summary, /synthetic speech made with espeak-ng/);
  assert.match(episode.summary, /transcript is exact because it was written first/);
});
