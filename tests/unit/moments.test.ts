import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeWordTimes, timeAtPackedOffset } from '../../src/documents/word-times.ts';
import { type Moment, toMoments } from '../../src/moments/moments.ts';
import { fromVerboseJson, type Segment } from '../../src/transcript/transcript.ts';

/** Segments of `length` seconds, each saying "word<i> filler". */
function segments(count: number, length: number): Segment[] {
  return Array.from({ length: count }, (_, i) => ({
    start: i * length,
    end: (i + 1) * length,
    text: `Word${i}, filler.`,
    words: [
      { word: `word${i}`, start: i * length + 0.2, end: i * length + 0.6 },
      { word: 'filler', start: i * length + 1, end: i * length + 1.5 },
    ],
  }));
}

/** When the text at `offset` is spoken, read as search results read it: from the moment document's packed word times. */
const timeAtOffset = (moment: Moment, offset: number) => timeAtPackedOffset(moment.start, encodeWordTimes(moment.start, moment), offset);

test('moments are 20–40 s of whole segments, covering the transcript without gaps or overlaps', () => {
  const moments = toMoments({ duration: 600, language: 'en', segments: segments(100, 6) });
  for (const moment of moments.slice(0, -1)) {
    const length = moment.end - moment.start;
    assert.ok(length >= 20 && length <= 40, `moment ${moment.index} is ${length} s`);
  }
  assert.equal(moments[0]?.start, 0);
  assert.equal(moments.at(-1)?.end, 600);
  for (let i = 1; i < moments.length; i++) assert.equal(moments[i]?.start, moments[i - 1]?.end);
  assert.equal(
    moments.map((m) => m.text.slice(m.overlap)).join(' '),
    segments(100, 6)
      .map((s) => s.text)
      .join(' '),
  );
});

test('each moment repeats the last words of the one before, with their times, so a phrase the cut split is found', () => {
  const [first, second] = toMoments({ duration: 600, language: 'en', segments: segments(100, 6) });
  assert.ok(first && second);
  assert.equal(first.overlap, 0);
  const lead = second.text.slice(0, second.overlap);
  assert.ok(first.text.endsWith(lead.trim()), `${lead} ends ${first.text}`);
  assert.equal(lead.trim().split(/\s+/).length, 6);
  // A match in the repeated words plays from when they were said, in the moment before.
  const at = timeAtOffset(second, 0);
  assert.equal(at, first.wordStarts.at(-6));
  assert.ok(at < second.start);
});

test('a segment longer than the maximum stays whole, in a moment of its own', () => {
  const moments = toMoments({
    duration: 80,
    language: undefined,
    segments: [
      { start: 0, end: 10, text: 'short', words: [] },
      { start: 10, end: 70, text: 'a very long monologue', words: [] },
      { start: 70, end: 80, text: 'short again', words: [] },
    ],
  });
  assert.deepEqual(
    moments.map((m) => [m.start, m.end]),
    [
      [0, 10],
      [10, 70],
      [70, 80],
    ],
  );
});

test('every word is placed in the text, so a match maps back to when it is spoken', () => {
  const [moment] = toMoments({ duration: 30, language: 'en', segments: segments(3, 6) });
  assert.ok(moment);
  const at = moment.text.indexOf('Word2');
  assert.equal(timeAtOffset(moment, at), 12.2);
  assert.equal(timeAtOffset(moment, moment.text.indexOf('filler', at)), 13);
  assert.equal(timeAtOffset(moment, 0), 0.2);
});

test('verbose_json words are given to the segment they are spoken in', () => {
  const transcript = fromVerboseJson({
    duration: 10,
    segments: [
      { start: 0, end: 4, text: ' Hello there.' },
      { start: 4, end: 10, text: ' General Kenobi!' },
    ],
    words: [
      { word: 'Hello', start: 0.5, end: 0.9 },
      { word: 'there', start: 1, end: 1.4 },
      { word: 'General', start: 4.2, end: 4.8 },
      { word: 'Kenobi', start: 5, end: 5.6 },
    ],
  });
  assert.deepEqual(
    transcript.segments.map((s) => [s.text, s.words.map((w) => w.word)]),
    [
      ['Hello there.', ['Hello', 'there']],
      ['General Kenobi!', ['General', 'Kenobi']],
    ],
  );
});
