// The episode page's transcript from its moment documents: lines as the transcript has them, long ones as sentences,
// the searched words marked where the engine highlighted them, and moment links that carry the query and an anchor.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type CueSource, LONG_LINE, linesOf, sentenceLines } from '../../src/documents/transcript-lines.ts';
import { encodeWordTimes } from '../../src/documents/word-times.ts';
import { MATCH_END as E, MATCH_START as S } from '../../src/search/search-request.ts';
import { markRanges, transcriptMarks } from '../../src/search/transcript-marks.ts';
import { chosenSecond, momentLink } from '../../src/search/urls.ts';

test('moment links carry the query and point at the line of their second; clip links and plain links stay as they are', () => {
  assert.equal(momentLink('/episodes/a?t=75', 'dirty schedulers'), '/episodes/a?t=75&q=dirty+schedulers#t-75');
  assert.equal(momentLink('/episodes/a?t=75', ''), '/episodes/a?t=75#t-75');
  assert.equal(momentLink('/episodes/a?t=75', 'a&b=c#d'), '/episodes/a?t=75&q=a%26b%3Dc%23d#t-75');
  assert.equal(momentLink('/episodes/caf%C3%A9?t=3', 'x'), '/episodes/caf%C3%A9?t=3&q=x#t-3');
  assert.equal(momentLink('/episodes/a?t=20,24', 'x'), '/episodes/a?t=20,24&q=x');
  assert.equal(momentLink('/episodes/a', 'x'), '/episodes/a?q=x');
});

test('a moment link names the second its result shows, and the page takes it only as far as the lead-in after t', () => {
  // The result says "▶ 1:16" (its word at 76.4 s); the link starts the player at 75, the lead-in before.
  assert.equal(momentLink('/episodes/a?t=75', 'dirty schedulers', 76.4), '/episodes/a?t=75&at=76&q=dirty+schedulers#t-75');
  assert.equal(momentLink('/episodes/a?t=0', '', 0.3), '/episodes/a?t=0&at=0#t-0');
  // A clip plays from its own start: it names no other time.
  assert.equal(momentLink('/episodes/a?t=20,24', 'x', 21), '/episodes/a?t=20,24&q=x');
  assert.equal(chosenSecond('76', 75), 76);
  assert.equal(chosenSecond('0', 0), 0);
  for (const [at, t] of [
    ['78', 75],
    ['74', 75],
    ['7.6', 75],
    ['x', 75],
    ['76', undefined],
    [undefined, 75],
  ] as const)
    assert.equal(chosenSecond(at, t), undefined, `at=${at} with t=${t}`);
});

test('highlight markers become offsets into the plain text; text that does not line up marks nothing', () => {
  assert.deepEqual(markRanges('the dirty schedulers', `the ${S}dirty${E} ${S}schedulers${E}`), [
    [4, 9],
    [10, 20],
  ]);
  assert.deepEqual(markRanges('a b', `${S}a b${E}`), [[0, 3]]);
  // A marker character the text itself holds is text.
  assert.deepEqual(markRanges(`x${S}y z`, `x${S}y ${S}z${E}`), [[4, 5]]);
  assert.deepEqual(markRanges('other text', `the ${S}dirty${E}`), []);
  assert.deepEqual(markRanges('abc', `${S}abc`), [[0, 3]], 'an unclosed mark runs to the end');
});

test('marks go to the lines they fall in, counted from each line; those in the overlap are left to the moment before', () => {
  // "said before. " is the overlap; the moment's own text holds two cues.
  const text = 'said before. Rustler wraps a NIF. A NIF in Rust';
  const overlap = 'said before. '.length;
  const moment: CueSource = {
    start: 10,
    end: 20,
    text,
    overlap,
    cues: [
      [10, 14, 20, 'Ann'],
      [14, 20, 14, 'Bob'],
    ],
    marks: [
      [0, 4],
      [overlap, overlap + 7],
      [29, 32],
      [36, 39],
    ],
  };
  assert.deepEqual(linesOf([moment]), [
    {
      start: 10,
      end: 14,
      text: 'Rustler wraps a NIF.',
      speaker: 'Ann',
      marks: [
        [0, 7],
        [16, 19],
      ],
    },
    { start: 14, end: 20, text: 'A NIF in Rust', speaker: 'Bob', marks: [[2, 5]] },
  ]);
  // A moment from before cues were kept is one line, its marks shifted past the spaces trimmed off.
  assert.deepEqual(linesOf([{ start: 0, end: 5, text: '  said x', marks: [[7, 8]] }]), [
    { start: 0, end: 5, text: 'said x', marks: [[5, 6]] },
  ]);
});

test('only the moments with every word are marked when there are any, as the results rank them', () => {
  const texts = new Map([
    ['a--0', 'the event loop'],
    ['a--1', 'the end'],
  ]);
  const words = (matching: number) => ({ words: { matchingWords: matching, maxMatchingWords: 3 } });
  const hits = [
    { id: 'a--0', _formatted: { text: `${S}the${E} ${S}event${E} ${S}loop${E}` }, _rankingScoreDetails: words(3) },
    { id: 'a--1', _formatted: { text: `${S}the${E} end` }, _rankingScoreDetails: words(1) },
  ];
  assert.deepEqual(
    [...transcriptMarks({ hits }, texts)],
    [
      [
        'a--0',
        [
          [0, 3],
          [4, 9],
          [10, 14],
        ],
      ],
    ],
  );
  assert.deepEqual([...transcriptMarks({ hits: hits.slice(1) }, texts)], [['a--1', [[0, 3]]]], 'with only partial matches, those');
});

test('a long line is read as its sentences, each starting at its first word; captions stay whole', () => {
  const sentence = (n: number) => `Sentence number ${n} talks about the scheduler and the heap for a while.`;
  const text = [1, 2, 3, 4].map(sentence).join(' ');
  assert.ok(text.length > LONG_LINE);
  const starts = [3, 7.5, 12, 16.25];
  const lengths = [0, 1, 2, 3].map((i) => i * (sentence(1).length + 1));
  const at = (offset: number) => starts[lengths.findLastIndex((from) => from <= offset)] ?? 0;
  const lines = sentenceLines(
    { start: 3, end: 20, text, speaker: 'Ann', marks: [[text.indexOf('scheduler', 80), text.indexOf('scheduler', 80) + 9]] },
    at,
  );
  assert.deepEqual(
    lines.map((line) => [line.start, line.end, line.text]),
    [
      [3, 7.5, sentence(1)],
      [7.5, 12, sentence(2)],
      [12, 16.25, sentence(3)],
      [16.25, 20, sentence(4)],
    ],
  );
  assert.ok(lines.every((line) => line.speaker === 'Ann'));
  assert.deepEqual(lines[1]?.marks, [[sentence(2).indexOf('scheduler'), sentence(2).indexOf('scheduler') + 9]]);
  // Short sentences go with the next; a short line is one line.
  const short = `Yes. ${sentence(1)} ${sentence(2)} ${sentence(3)} Right.`;
  assert.deepEqual(
    sentenceLines({ start: 0, end: 9, text: short }, () => 1).map((line) => line.text),
    [`Yes. ${sentence(1)}`, sentence(2), `${sentence(3)} Right.`],
  );
  assert.equal(sentenceLines({ start: 0, end: 9, text: sentence(1) }, () => 1).length, 1);
});

test("sentences are timed by the moment's word times on the page, and the exports keep the cues", () => {
  const words = 'One two three four five six seven eight nine ten. '.repeat(6).trim().split(' ');
  const text = words.join(' ');
  const wordOffsets = words.map((_, i) => words.slice(0, i).join(' ').length + (i ? 1 : 0));
  const wordStarts = words.map((_, i) => 100 + i * 0.5);
  const moment: CueSource = {
    start: 100,
    end: 130,
    text,
    cues: [[100, 130, text.length]],
    wordTimes: encodeWordTimes(100, { wordOffsets, wordStarts }),
  };
  assert.equal(linesOf([moment]).length, 1, 'the exports: one cue, one line');
  const lines = linesOf([moment], { sentences: true });
  assert.equal(lines.length, 6);
  assert.deepEqual(
    lines.map((line) => line.start),
    [100, 105, 110, 115, 120, 125],
  );
});
