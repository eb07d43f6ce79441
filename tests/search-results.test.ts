import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadRequestError } from '../src/errors.ts';
import { filterValue } from '../src/filter.ts';
import { filterExpression, MATCH_END as E, MATCH_START as S, parseSearchQuery } from '../src/search-request.ts';
import { FACET_VALUES, rankResults, snippet, withDetails, type MomentHit } from '../src/search-results.ts';
import { decodeWordTimes, encodeWordTimes, timeAtPackedOffset } from '../src/word-times.ts';

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

test('moments are grouped by episode, the link lands a second before the matched word', () => {
  const moment = (slug: string, start: number, text: string, score: number): MomentHit => {
    const plain = text.replace(/[\u0002\u0003]/g, '');
    const offsets = [...plain.matchAll(/\S+/g)].map((m) => m.index);
    const wordTimes = encodeWordTimes(start, { wordOffsets: offsets, wordStarts: offsets.map((_, i) => start + i * 2) });
    return { ...summary, slug, start, end: start + 30, wordTimes, _formatted: { text }, _rankingScore: score };
  };
  const query = { q: 'nif', page: 1, filters: {}, sort: 'relevance' } as const;
  const notesHit = { ...summary, slug: 'b', _rankingScore: 0.5, _matchesPosition: { summary: [] }, _formatted: { summary: `about ${S}NIF${E}s` } };
  const a = [moment('a', 100, `one two three ${S}nif${E} five`, 0.9), moment('a', 300, `x ${S}nif${E}`, 0.3)];
  const b = [moment('b', 10, `${S}nif${E}`, 0.4)];
  // Step one ranks on the best moment per episode and the count of matches per episode (c has no best moment read).
  const page = rankResults(query, [{ ...summary, slug: 'b', _rankingScore: 0.5 }], [a[0]!, b[0]!], { a: 2, b: 1, c: 4 });
  assert.deepEqual(page.notesSlugs, ['b']);
  const response = withDetails(page, [notesHit], new Map([['a', a], ['b', b]]));
  assert.equal(page.response.totalEpisodes, 3, 'episodes counted past the ones ranked');
  assert.deepEqual(response.episodes.map((e) => e.slug), ['a', 'b']);
  const [first] = response.episodes;
  assert.deepEqual(first?.moments.map((m) => [m.start, m.at, m.url]), [
    [100, 106, '/episodes/a?t=105'],
    [300, 302, '/episodes/a?t=301'],
  ]);
  assert.deepEqual(response.episodes[1]?.notes, [{ field: 'summary', snippet: 'about <mark>NIF</mark>s' }]);
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
  const people = rankResults(query({}), hits, [], {}).response.facets.person;
  assert.equal(people.length, FACET_VALUES);
  assert.deepEqual(people.slice(0, 2), [{ value: 'Guest 00', count: 30 }, { value: 'Guest 01', count: 29 }]);
  const filtered = rankResults(query({ person: ['Guest 29'] }), hits, [], {}).response.facets.person;
  assert.equal(filtered.length, FACET_VALUES + 1);
  assert.deepEqual(filtered.at(-1), { value: 'Guest 29', count: 1 });
});

test('the total counts episodes matched by notes beyond the hits read', () => {
  const query = { q: 'x', page: 1, filters: {}, sort: 'relevance' } as const;
  const hits = [{ ...summary, slug: 'a', _rankingScore: 0.9 }];
  assert.equal(rankResults(query, hits, [], { a: 1, b: 2 }).response.totalEpisodes, 2);
  assert.equal(rankResults(query, hits, [], { a: 1, b: 2 }, 340).response.totalEpisodes, 340);
});
