import assert from 'node:assert/strict';
import { test } from 'node:test';
import { maxPieceSeconds, planPieces, splitPiece } from '../../src/audio/audio-pieces.ts';
import { transcriptionPrompt } from '../../src/transcript/prompt.ts';
import { fromVerboseJson, joinPieces } from '../../src/transcript/transcript.ts';
import { dropHallucinations } from '../../src/transcript/transcript-filter.ts';

test('pieces tile the audio, stay under the limit, and are cut in the middle of silences', () => {
  const silences = [10, 55, 95, 140, 170, 230].map((at) => ({ start: at, end: at + 1 }));
  const pieces = planPieces(250, silences, 100);
  assert.deepEqual(pieces, [
    { start: 0, end: 95.5 },
    { start: 95.5, end: 170.5 },
    { start: 170.5, end: 250 },
  ]);
  assert.deepEqual(planPieces(80, silences, 100), [{ start: 0, end: 80 }]);
});

test('a stretch without silence is cut at the limit rather than exceed it', () => {
  assert.deepEqual(planPieces(250, [], 100), [
    { start: 0, end: 100 },
    { start: 100, end: 200 },
    { start: 200, end: 250 },
  ]);
});

test('a refused piece is split at the silence nearest its middle', () => {
  assert.deepEqual(
    splitPiece({ start: 100, end: 200 }, [
      { start: 130, end: 131 },
      { start: 160, end: 161 },
      { start: 199, end: 200 },
    ]),
    [
      { start: 100, end: 160.5 },
      { start: 160.5, end: 200 },
    ],
  );
  assert.deepEqual(splitPiece({ start: 0, end: 10 }, []), [
    { start: 0, end: 5 },
    { start: 5, end: 10 },
  ]);
});

test('the longest piece under 25 MB at 32 kbps is over an hour and a half', () => {
  const seconds = maxPieceSeconds(26_214_400 - 1, 32_000);
  assert.ok(seconds > 90 * 60 && seconds * 4000 < 26_214_400, String(seconds));
});

test('Whisper hallucinations are dropped and counted, with their words', () => {
  const { json, dropped } = dropHallucinations({
    segments: [
      { start: 0, end: 5, text: ' Real talk.', no_speech_prob: 0.1, avg_logprob: -0.3, compression_ratio: 1.2 },
      { start: 5, end: 9, text: ' Thanks for watching!', no_speech_prob: 0.9, avg_logprob: -1.4, compression_ratio: 1.1 },
      { start: 9, end: 12, text: ' la la la la la la la la la la', no_speech_prob: 0.1, avg_logprob: -0.2, compression_ratio: 3.1 },
      { start: 12, end: 13, text: ' You.' },
      { start: 13, end: 14, text: ' you' },
      { start: 14, end: 15, text: ' You!' },
      { start: 15, end: 16, text: ' Yes, yes.' },
      { start: 16, end: 17, text: ' Yes, yes.' },
    ],
    words: [
      { word: 'Real', start: 0.5, end: 1 },
      { word: 'Thanks', start: 5.5, end: 6 },
      { word: 'You', start: 12.2, end: 12.5 },
      { word: 'you', start: 13.2, end: 13.5 },
    ],
  });
  assert.deepEqual(dropped, { silence: 1, compressed: 1, repeated: 2 });
  assert.deepEqual(
    json.segments?.map((s) => s.text),
    [' Real talk.', ' You.', ' Yes, yes.', ' Yes, yes.'],
  );
  assert.deepEqual(
    json.words?.map((w) => w.word),
    ['Real', 'You'],
  );
});

test('piece transcripts are shifted by their true start and joined', () => {
  const piece = (text: string) => fromVerboseJson({ segments: [{ start: 1, end: 3, text }], words: [{ word: text, start: 1.5, end: 2 }] });
  const joined = joinPieces(
    [
      { offset: 0, transcript: piece('a') },
      { offset: 95.5, transcript: piece('b') },
    ],
    200,
  );
  assert.deepEqual(
    joined.segments.map((s) => [s.start, s.end, s.words[0]?.start]),
    [
      [1, 3, 1.5],
      [96.5, 98.5, 97],
    ],
  );
  assert.equal(joined.duration, 200);
});

test('the prompt holds names first and the end of the previous piece last, within the model’s window', () => {
  const previous = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
  const prompt = transcriptionPrompt(['Matt Nowack', 'Rustler', 'Matt Nowack', 'https://x.example', 'NIF'], previous);
  assert.match(prompt, /^Matt Nowack, Rustler, NIF\. word\d+ /);
  assert.match(prompt, /word399$/);
  assert.ok(prompt.length <= 800);
});
