import assert from 'node:assert/strict';
import { test } from 'node:test';
import { encodeWordTimes, readWordTimes, timeAtPackedOffset, type WordTimes } from '../../src/documents/word-times.ts';
import { BadRequestError } from '../../src/errors.ts';
import { filterValue } from '../../src/search/filter.ts';
import { MATCH_END as E, filterExpression, parseSearchQuery, MATCH_START as S } from '../../src/search/search-request.ts';
import { FACET_VALUES, type MomentHit, type NotesHit, searchResults, snippet } from '../../src/search/search-results.ts';

const summary = { title: 'T', podcast: 'p', date: '2020-01-01', episodeNumber: 1 };

test('snippets escape every character of the text and add only <mark>', () => {
  const out = snippet(`a <script>alert("x")</script> & ${S}dirty${E} ${S}schedulers${E} "><img src=x onerror=alert(1)>`);
  assert.equal(
    out,
    'a &#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; <mark>dirty</mark> <mark>schedulers</mark> &#34;&#62;&#60;img src=x onerror=alert(1)&#62;',
  );
});

test('marks stay balanced whatever the text holds, and long text is cropped around the match', () => {
  assert.equal(snippet(`${E}x ${S}y ${S}z`), 'x <mark>y z</mark>');
  const words = Array.from({ length: 100 }, (_, i) => `w${i}`);
  words[60] = `${S}hit${E}`;
  const out = snippet(words.join(' '));
  assert.match(out, /^… w53 .* <mark>hit<\/mark> .* w82 …$/);
});

const words = (matching: number, max: number) => ({ _rankingScoreDetails: { words: { matchingWords: matching, maxMatchingWords: max } } });
const limits = { notes: 20, moments: 100 };
const answer = (hits: unknown[]) => ({ hits });

function moment(slug: string, start: number, text: string, score: number, extra: object = {}): MomentHit {
  const plain = text.replace(/[\u0002\u0003]/g, '');
  const offsets = [...plain.matchAll(/\S+/g)].map((m) => m.index);
  const wordTimes = encodeWordTimes(start, { wordOffsets: offsets, wordStarts: offsets.map((_, i) => start + i * 2) });
  return { ...summary, slug, start, end: start + 30, wordTimes, _formatted: { text }, _rankingScore: score, ...extra };
}

test('moments are grouped by episode, the link lands a second before the matched word', () => {
  const query = { q: 'nif', page: 1, filters: {}, sort: 'relevance' } as const;
  const notesHit: NotesHit = { ...summary, slug: 'b', _rankingScore: 0.5, _formatted: { title: 'T', summary: `about ${S}NIF${E}s` } };
  const moments = [
    moment('a', 100, `one two three ${S}nif${E} five`, 0.9),
    moment('b', 10, `${S}nif${E}`, 0.4),
    moment('a', 300, `x ${S}nif${E}`, 0.3),
  ];
  const response = searchResults(query, [answer([notesHit]), answer(moments)], limits);
  assert.equal(response.totalEpisodes, 2);
  assert.equal(response.totalEpisodesExact, true, 'fewer hits than the limit: every match was read');
  assert.deepEqual(
    response.episodes.map((e) => [e.slug, e.match]),
    [
      ['a', 'all'],
      ['b', 'all'],
    ],
  );
  const [first] = response.episodes;
  assert.deepEqual(
    first?.moments.map((m) => [m.start, m.at, m.url]),
    [
      [100, 106, '/episodes/a?t=105'],
      [300, 302, '/episodes/a?t=301'],
    ],
  );
  assert.deepEqual(response.episodes[1]?.notes, [{ field: 'summary', snippet: 'about <mark>NIF</mark>s' }]);
});

test('episodes where every word matches come first and are the ones counted; partial ones follow, counted apart', () => {
  const query = { q: 'dirty schedulers', page: 1, filters: {}, sort: 'relevance' } as const;
  const moments = [
    moment('full', 10, `${S}dirty${E} ${S}schedulers${E}`, 0.7, words(2, 2)),
    // A partial hit scores higher than nothing, but never above a full match; its episode also fully matches in
    // its notes, so it is a full match and its partial moment is not shown with it.
    moment('dirty-only', 20, `a ${S}dirty${E} laundry`, 0.95, words(1, 2)),
    moment('by-notes', 30, `${S}dirty${E} pages`, 0.9, words(1, 2)),
  ];
  const notes: NotesHit[] = [
    { ...summary, slug: 'by-notes', _rankingScore: 0.6, ...words(2, 2), _formatted: { summary: `${S}dirty${E} ${S}schedulers${E}` } },
  ];
  const response = searchResults(query, [answer(notes), answer(moments)], limits);
  assert.deepEqual(
    response.episodes.map((e) => [e.slug, e.match]),
    [
      ['full', 'all'],
      ['by-notes', 'all'],
      ['dirty-only', 'some'],
    ],
  );
  assert.deepEqual(response.episodes[1]?.moments, [], 'the partial moment of a full match is left out');
  assert.equal(response.totalEpisodes, 2);
  assert.equal(response.partialEpisodes, 1);
  assert.equal(response.totalEpisodesExact, true);
  assert.equal(response.pages, 1);
});

test('counts say when they are lower bounds: a full answer of full matches may have more behind it', () => {
  const query = { q: 'scheduler', page: 1, filters: {}, sort: 'relevance' } as const;
  const moments = Array.from({ length: 4 }, (_, i) => moment(`e${i % 2}`, i * 30, `${S}scheduler${E}`, 0.9));
  const capped = searchResults(query, [answer([]), answer(moments)], { notes: 20, moments: 4 });
  assert.equal(capped.totalEpisodes, 2);
  assert.equal(capped.totalEpisodesExact, false, 'as many hits as the limit, all full: more may match');
  const two = { ...query, q: 'scheduler tree' };
  const reached = searchResults(
    two,
    [answer([]), answer([...moments.slice(0, 3).map((m) => ({ ...m, ...words(2, 2) })), { ...moments[3]!, slug: 'e9', ...words(1, 2) }])],
    { notes: 20, moments: 4 },
  );
  assert.equal(reached.totalEpisodesExact, true, 'the answer reached partial hits: every full match was read');
  assert.equal(reached.partialEpisodes, 1);
  assert.equal(reached.partialEpisodesExact, false);
});

test('queries are checked: empty, too long, bad pages', () => {
  assert.deepEqual(parseSearchQuery({ q: '  nif ' }), { q: 'nif', page: 1, filters: {}, sort: 'relevance' });
  assert.throws(() => parseSearchQuery({ q: ' ' }), BadRequestError);
  assert.throws(() => parseSearchQuery({ q: 'x'.repeat(201) }), /at most 200/);
  assert.throws(() => parseSearchQuery({ q: 'x', page: '0' }), /page/);
  assert.throws(() => parseSearchQuery({ q: 'x', page: '2; DROP' }), /page/);
});

test('filters: values of a facet are alternatives, facets narrow each other, and every value is escaped', () => {
  const query = parseSearchQuery({ q: 'x', podcast: ['a" OR slug != "b', 'elixir-mix'], year: '2019', tag: '', sort: 'newest' });
  assert.deepEqual(query.filters, { podcast: ['a" OR slug != "b', 'elixir-mix'], year: ['2019'] });
  assert.equal(filterExpression(query.filters), 'podcast IN ["a\\" OR slug != \\"b", "elixir-mix"] AND year IN [2019]');
  assert.throws(() => parseSearchQuery({ q: 'x', year: '2019 OR 1=1' }), /year/);
  assert.throws(() => parseSearchQuery({ q: 'x', tag: Array.from({ length: 11 }, (_, i) => `t${i}`) }), /At most 10/);
  assert.throws(() => parseSearchQuery({ q: 'x', person: { a: 1 } }), /person/);
  assert.throws(() => parseSearchQuery({ q: 'x', sort: 'oldest' }), /sort/);
});

test('filter values are quoted and escaped', () => {
  assert.equal(filterValue('a" OR slug != "b\\'), '"a\\" OR slug != \\"b\\\\"');
});

/** The inverse of encodeWordTimes; reading stops at anything unreadable (the link then starts earlier). */
function decodeWordTimes(start: number, packed: string | undefined): WordTimes {
  const wordOffsets: number[] = [];
  const wordStarts: number[] = [];
  readWordTimes(start, packed ?? '', (offset, seconds) => {
    wordOffsets.push(offset);
    wordStarts.push(seconds);
    return true;
  });
  return { wordOffsets, wordStarts };
}

test('word times survive packing to the hundredth of a second, words before the moment and out of order included', () => {
  const times = { wordOffsets: [0, 4, 9, 15, 1200], wordStarts: [98.75, 99.5, 100.004, 99.9, 4000.126] };
  const packed = encodeWordTimes(100.01, times);
  assert.ok(packed.length < 40, packed);
  const back = decodeWordTimes(100.01, packed);
  assert.deepEqual(back.wordOffsets, times.wordOffsets);
  assert.deepEqual(back.wordStarts, [98.75, 99.5, 100, 99.9, 4000.13]);
  assert.deepEqual(decodeWordTimes(5, ''), { wordOffsets: [], wordStarts: [] });
  assert.deepEqual(decodeWordTimes(5, '1,2 zz, ,3 q'), { wordOffsets: [1], wordStarts: [5.02] }, 'reading stops at garbage');
  // The time at a text offset is that of the last word starting at or before it.
  assert.equal(timeAtPackedOffset(100.01, packed, 0), 98.75);
  assert.equal(timeAtPackedOffset(100.01, packed, 8), 99.5);
  assert.equal(timeAtPackedOffset(100.01, packed, 9), 100);
  assert.equal(timeAtPackedOffset(100.01, packed, 5000), 4000.13);
  assert.equal(timeAtPackedOffset(100.01, '', 50), 100.01, 'without word times, the moment start');
});

test('facets list the most common values first, at most FACET_VALUES of them, plus any value filtered by', () => {
  // Episode i has guests 0..i: guest 0 is in every episode, guest 29 in one.
  const hits = Array.from({ length: 30 }, (_, i) => ({
    ...summary,
    slug: `e${i}`,
    people: Array.from({ length: i + 1 }, (_, g) => `Guest ${String(g).padStart(2, '0')}`),
    _rankingScore: 0.5,
  }));
  const query = (filters: Record<string, string[]>) => ({ q: 'x', page: 1, filters, sort: 'relevance' as const });
  const people = searchResults(query({}), [answer(hits), answer([])], limits).facets.person;
  assert.equal(people.length, FACET_VALUES);
  assert.deepEqual(people.slice(0, 2), [
    { value: 'Guest 00', count: 30 },
    { value: 'Guest 01', count: 29 },
  ]);
  const filtered = searchResults(query({ person: ['Guest 29'] }), [answer(hits), answer([])], limits).facets.person;
  assert.equal(filtered.length, FACET_VALUES + 1);
  assert.deepEqual(filtered.at(-1), { value: 'Guest 29', count: 1 });
});
